#include "app/protocol/finishframe.h"

#include "app/protocol/aipromptkeys.h"
#include "app/protocol/jsonfastpathdom.h"

namespace dom = simdjson::dom;

namespace {

// The members of `object` under the given keys, the last one of each (a key twice: the last
// wins, as in QJsonObject); nullopt for a key that is absent.
template<size_t N>
std::array<std::optional<dom::element>, N> membersOf(
    dom::object object, const std::array<std::string_view, N> &keys)
{
    std::array<std::optional<dom::element>, N> found;
    for (const dom::key_value_pair member : object) {
        for (size_t i = 0; i < N; ++i) {
            if (member.key == keys[i])
                found[i] = member.value;
        }
    }
    return found;
}

bool isType(const std::optional<dom::element> &element, dom::element_type type)
{
    return element && element->type() == type;
}

// As QJsonValue::toString(fallback): the string, or `fallback` for any other type.
QString stringOr(const std::optional<dom::element> &element, const QString &fallback = {})
{
    if (!isType(element, dom::element_type::STRING))
        return fallback;
    const std::string_view s = element->get_string().value_unsafe();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// As QJsonValue::toObject(): the object, or an empty one.
std::optional<dom::object> objectOf(const std::optional<dom::element> &element)
{
    if (!isType(element, dom::element_type::OBJECT))
        return std::nullopt;
    return element->get_object().value_unsafe();
}

bool isNumber(const std::optional<dom::element> &element)
{
    return element && element->is_number();
}

template<size_t N>
std::array<std::optional<dom::element>, N> membersOf(
    const std::optional<dom::object> &object, const std::array<std::string_view, N> &keys)
{
    return object ? membersOf(*object, keys) : std::array<std::optional<dom::element>, N> {};
}

// The readers below read a DOM JsonFastPath::isFaithful() accepted.
void readAssets(dom::array array, QList<FinishResult::Asset> &assets)
{
    for (const dom::element item : array) {
        const auto [id, type, value]
            = membersOf(objectOf(item), std::array<std::string_view, 3> { "id", "type", "value" });
        FinishResult::Asset asset;
        asset.id = stringOr(id);
        asset.type = stringOr(type, QStringLiteral("item"));
        if (const std::optional<dom::object> object = objectOf(value))
            asset.value = JsonFastPath::toObject(*object);
        assets.append(asset);
    }
}

void readResult(dom::object result, FinishResult &read)
{
    const auto [conversation, userMessage, assistantMessage] = membersOf(result,
        std::array<std::string_view, 3> { "conversation_id", "user_message", "assistant_message" });
    const auto [userId]
        = membersOf(objectOf(userMessage), std::array<std::string_view, 1> { "id" });
    const auto [assistantId, assistantConversation, message, assets] = membersOf(
        objectOf(assistantMessage),
        std::array<std::string_view, 4> { "id", "conversation_id", "message", "aiMessageAssets" });

    read.conversationId = stringOr(conversation);
    if (read.conversationId.isEmpty())
        read.conversationId = stringOr(assistantConversation);
    read.userMessageId = stringOr(userId);
    read.assistantMessageId = stringOr(assistantId);
    if (isType(message, dom::element_type::STRING))
        read.message = stringOr(message);
    if (!isType(assets, dom::element_type::ARRAY))
        return;
    read.assets.emplace();
    readAssets(assets->get_array().value_unsafe(), *read.assets);
}

} // namespace

bool FinishFrame::read(QByteArrayView utf8Json, FinishFrame &frame)
{
    frame = FinishFrame();
    dom::element root;
    if (!JsonFastPath::parseDom(utf8Json, root) || root.type() != dom::element_type::OBJECT
        || !JsonFastPath::isFaithful(root))
        return false;

    namespace K = AiPromptKeys;
    const auto key
        = [](QLatin1StringView k) { return std::string_view(k.data(), size_t(k.size())); };
    const auto [type, conversation, user, assistant, result]
        = membersOf(root.get_object().value_unsafe(),
            std::array { key(K::type), key(K::conversationId), key(K::userMessageId),
                key(K::assistantMessageId), std::string_view("result") });
    if (stringOr(type) != u"finish" || isNumber(conversation) || isNumber(user)
        || isNumber(assistant))
        return false;
    frame.conversationId = stringOr(conversation);
    frame.userMessageId = stringOr(user);
    frame.assistantMessageId = stringOr(assistant);
    frame.resultIsNull = isType(result, dom::element_type::NULL_VALUE);
    if (const std::optional<dom::object> object = objectOf(result)) {
        frame.result.emplace();
        readResult(*object, *frame.result);
    }
    return true;
}

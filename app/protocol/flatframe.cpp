#include "app/protocol/flatframe.h"

#include "app/protocol/aipromptkeys.h"

#include <cstring>
#include <memory>
#include <simdjson.h>

namespace ondemand = simdjson::ondemand;

namespace {

using Kind = FlatFrame::Kind;
using Type = StreamEvent::Type;

// The frame types read here; any other (asset_end with its item, error, finish, unknown) goes
// to QJsonDocument.
struct FastType
{
    QByteArrayView name;
    Type type;
};
constexpr std::array fastTypes {
    FastType { "text_delta", Type::TextDelta },
    FastType { "text_start", Type::TextStart },
    FastType { "text_end", Type::TextEnd },
    FastType { "start", Type::Start },
    FastType { "progress", Type::Progress },
    FastType { "asset_start", Type::AssetStart },
    FastType { "asset_delta", Type::AssetDelta },
    FastType { "asset_end", Type::AssetEnd },
};

// Larger than any integer QJsonDocument might keep as a double rather than exactly.
constexpr qint64 maxInteger = 999'999'999'999'999;

// The simdjson parser and a padded copy of the frame, one per thread (the decoder is static).
struct Reader
{
    ondemand::parser parser;
    std::unique_ptr<char[]> buffer;
    size_t capacity = 0;

    const char *padded(QByteArrayView json)
    {
        const size_t needed = size_t(json.size()) + simdjson::SIMDJSON_PADDING;
        if (needed > capacity) {
            capacity = std::max<size_t>(needed, 4096);
            buffer = std::make_unique<char[]>(capacity);
        }
        std::memcpy(buffer.get(), json.data(), size_t(json.size()));
        std::memset(buffer.get() + json.size(), ' ', simdjson::SIMDJSON_PADDING);
        return buffer.get();
    }
};

QByteArrayView view(std::string_view s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

// QJsonDocument drops a U+FEFF that starts a string as UTF-8 but keeps one written \ufeff (and
// QString::fromUtf8 drops it either way): such a string is left to QJsonDocument.
bool startsWithBom(std::string_view s)
{
    return s.size() >= 3 && s[0] == '\xEF' && s[1] == '\xBB' && s[2] == '\xBF';
}

// Reads one member's value; false for anything this reader does not take.
bool readValue(ondemand::value &value, FlatFrame::Member &member)
{
    ondemand::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case ondemand::json_type::string: {
        std::string_view s;
        if (value.get_string().get(s) || startsWithBom(s))
            return false;
        member.kind = Kind::String;
        member.string = view(s);
        return true;
    }
    case ondemand::json_type::number: {
        int64_t n = 0;
        if (value.get_int64().get(n) || n > maxInteger || n < -maxInteger)
            return false;
        member.kind = Kind::Integer;
        member.integer = n;
        return true;
    }
    case ondemand::json_type::boolean: {
        bool b = false;
        if (value.get_bool().get(b))
            return false;
        member.kind = b ? Kind::True : Kind::False;
        return true;
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        if (value.is_null().get(isNull) || !isNull)
            return false;
        member.kind = Kind::Null;
        return true;
    }
    default: // an object or an array
        return false;
    }
}

const FlatFrame::Member *find(const FlatFrame &frame, QLatin1StringView key)
{
    for (int i = 0; i < frame.memberCount; ++i) {
        const FlatFrame::Member &member = frame.members[size_t(i)];
        if (member.key.size() == key.size()
            && std::memcmp(member.key.data(), key.data(), size_t(key.size())) == 0)
            return &member;
    }
    return nullptr;
}

// As AiPromptDecoder's stringOf(): a string; nothing for a boolean or null; a number would be
// formatted as a double there, so it is left to that path.
bool stringOf(const FlatFrame::Member *member, QByteArrayView &out)
{
    out = {};
    if (!member || member->kind != Kind::String)
        return !member || member->kind != Kind::Integer;
    out = member->string;
    return true;
}

// As AiPromptDecoder's firstString(): the first of `keys` present and not null.
template<size_t N>
bool firstString(
    const FlatFrame &frame, const std::array<QLatin1StringView, N> &keys, QByteArrayView &out)
{
    out = {};
    for (const QLatin1StringView key : keys) {
        const FlatFrame::Member *member = find(frame, key);
        if (member && member->kind != Kind::Null)
            return stringOf(member, out);
    }
    return true;
}

bool mapFields(FlatFrame &frame)
{
    namespace K = AiPromptKeys;
    const FlatFrame::Member *type = find(frame, K::type);
    if (!type || type->kind != Kind::String)
        return false;
    frame.typeName = type->string;
    const auto fast = std::find_if(fastTypes.begin(), fastTypes.end(),
        [&](const FastType &entry) { return entry.name == type->string; });
    if (fast == fastTypes.end())
        return false;
    frame.type = fast->type;

    if (const FlatFrame::Member *index = find(frame, K::index)) {
        if (index->kind == Kind::String)
            return false; // an index sent as text: QString::toInt's rules are that path's
        if (index->kind == Kind::Integer)
            frame.index
                = index->integer >= 0 && index->integer <= 1'000'000'000 ? int(index->integer) : -1;
    }
    if (!stringOf(find(frame, K::conversationId), frame.conversationId)
        || !stringOf(find(frame, K::userMessageId), frame.userMessageId)
        || !stringOf(find(frame, K::assistantMessageId), frame.assistantMessageId)
        || !firstString(frame, K::text, frame.text)
        || !firstString(frame, K::assetType, frame.assetType)
        || !firstString(frame, K::assetId, frame.assetId))
        return false;
    if (frame.type == Type::Progress)
        return firstString(frame, K::progressMessage, frame.progressMessage);
    return true;
}

bool hasKey(const FlatFrame &frame, int before, QByteArrayView key)
{
    for (int i = 0; i < before; ++i) {
        if (frame.members[size_t(i)].key == key)
            return true;
    }
    return false;
}

} // namespace

bool FlatFrame::read(QByteArrayView utf8Json, FlatFrame &frame)
{
    // Only what a read sets (the members stay uninitialised until counted).
    frame.type = Type::Unknown;
    frame.typeName = frame.conversationId = frame.userMessageId = frame.assistantMessageId = {};
    frame.index = -1;
    frame.text = frame.progressMessage = frame.assetType = frame.assetId = {};
    frame.memberCount = 0;
    if (utf8Json.isEmpty() || utf8Json.size() > MaxBytes)
        return false;
    thread_local Reader reader;
    const char *json = reader.padded(utf8Json);
    ondemand::document document;
    if (reader.parser
            .iterate(
                json, size_t(utf8Json.size()), size_t(utf8Json.size()) + simdjson::SIMDJSON_PADDING)
            .get(document))
        return false;
    ondemand::object object;
    if (document.get_object().get(object))
        return false;
    // Nothing may follow the object: its raw text must reach the end of the frame (trailing
    // whitespace included, as the next token would be past it).
    std::string_view whole;
    if (object.raw_json().get(whole) || whole.data() + whole.size() != json + utf8Json.size())
        return false;
    if (object.reset().error())
        return false;

    for (auto result : object) {
        ondemand::field field;
        if (std::move(result).get(field) || frame.memberCount == MaxMembers)
            return false;
        Member &member = frame.members[size_t(frame.memberCount)];
        std::string_view key;
        if (field.unescaped_key().get(key) || startsWithBom(key))
            return false;
        member.key = view(key);
        if (!readValue(field.value(), member) || hasKey(frame, frame.memberCount, member.key))
            return false;
        ++frame.memberCount;
    }
    return mapFields(frame);
}

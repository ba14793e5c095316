#include "app/protocol/flatframe.h"

#include "app/protocol/aipromptkeys.h"
#include "app/protocol/paddedjson.h"

#include <cstring>
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
    PaddedJson input;
};
static_assert(PaddedJson::Padding >= simdjson::SIMDJSON_PADDING);

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

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The content of a string token as simdjson's raw_json_token() gives it: the quotes and any
// whitespace after the closing one dropped.
std::string_view unquoted(std::string_view token)
{
    while (!token.empty() && isJsonSpace(token.back()))
        token.remove_suffix(1);
    return token.size() >= 2 ? token.substr(1, token.size() - 2) : std::string_view();
}

// A member's key as written, from the start of its raw string to the closing quote before the
// colon that precedes its value (whitespace may sit on either side of the colon).
std::string_view keyAsWritten(const char *keyStart, const char *valueStart)
{
    const char *end = valueStart;
    while (end > keyStart && isJsonSpace(end[-1]))
        --end;
    if (end > keyStart && end[-1] == ':')
        --end;
    while (end > keyStart && isJsonSpace(end[-1]))
        --end;
    if (end > keyStart && end[-1] == '"')
        --end;
    return std::string_view(keyStart, size_t(end - keyStart));
}

// Reads one member's value; false for anything this reader does not take.
bool readValue(ondemand::value &value, FlatFrame::Member &member)
{
    ondemand::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case ondemand::json_type::string: {
        // A string with no escape is its bytes as written (stage 1 has checked their UTF-8 and
        // that no control character is among them): a view of the input, with no unescaping copy.
        std::string_view s = unquoted(value.raw_json_token());
        if (std::memchr(s.data(), '\\', s.size())) {
            if (value.get_string().get(s))
                return false;
        } else if (ondemand::raw_json_string raw; value.get_raw_json_string().get(raw)) {
            return false;
        }
        if (startsWithBom(s))
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

namespace K = AiPromptKeys;

// Every key a StreamEvent field is read from, once; a frame's members are looked up by their place
// here (a "slot"), found once per member as it is read.
constexpr std::array knownKeys { K::type, K::conversationId, K::userMessageId,
    K::assistantMessageId, K::index, K::text[0], K::text[1], K::text[2], K::assetType[0],
    K::assetType[1], K::assetId[0], K::assetId[1], K::assetId[2], K::progressMessage[0],
    K::progressMessage[2] };

constexpr bool sameKey(QLatin1StringView a, QLatin1StringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.data()[i] != b.data()[i])
            return false;
    }
    return true;
}

constexpr int slotOf(QLatin1StringView key)
{
    for (size_t i = 0; i < knownKeys.size(); ++i) {
        if (sameKey(knownKeys[i], key))
            return int(i);
    }
    return -1;
}

template<size_t N>
constexpr std::array<int, N> slotsOf(const std::array<QLatin1StringView, N> &keys)
{
    std::array<int, N> slots {};
    for (size_t i = 0; i < N; ++i)
        slots[i] = slotOf(keys[i]);
    return slots;
}

int slotOf(QByteArrayView key)
{
    for (size_t i = 0; i < knownKeys.size(); ++i) {
        if (knownKeys[i].size() == key.size()
            && std::memcmp(knownKeys[i].data(), key.data(), size_t(key.size())) == 0)
            return int(i);
    }
    return -1;
}

// The member of each known key, -1 when absent.
using Slots = std::array<qint8, knownKeys.size()>;

const FlatFrame::Member *memberAt(const FlatFrame &frame, const Slots &slots, int slot)
{
    return slots[size_t(slot)] < 0 ? nullptr : &frame.members[size_t(slots[size_t(slot)])];
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

// As AiPromptDecoder's firstString(): the first of the keys present and not null.
template<size_t N>
bool firstString(const FlatFrame &frame, const Slots &slots, const std::array<int, N> &keySlots,
    QByteArrayView &out)
{
    out = {};
    for (const int slot : keySlots) {
        const FlatFrame::Member *member = memberAt(frame, slots, slot);
        if (member && member->kind != Kind::Null)
            return stringOf(member, out);
    }
    return true;
}

bool mapFields(FlatFrame &frame, const Slots &slots)
{
    static constexpr auto textSlots = slotsOf(K::text);
    static constexpr auto assetTypeSlots = slotsOf(K::assetType);
    static constexpr auto assetIdSlots = slotsOf(K::assetId);
    static constexpr auto progressSlots = slotsOf(K::progressMessage);
    static_assert(slotOf(K::progressMessage[1]) == slotOf(K::text[1]));
    static constexpr int typeSlot = slotOf(K::type);
    static constexpr int indexSlot = slotOf(K::index);
    static constexpr int conversationSlot = slotOf(K::conversationId);
    static constexpr int userSlot = slotOf(K::userMessageId);
    static constexpr int assistantSlot = slotOf(K::assistantMessageId);

    const FlatFrame::Member *type = memberAt(frame, slots, typeSlot);
    if (!type || type->kind != Kind::String)
        return false;
    frame.typeName = type->string;
    const auto fast = std::find_if(fastTypes.begin(), fastTypes.end(), [&](const FastType &entry) {
        return entry.name.size() == type->string.size()
            && std::memcmp(entry.name.data(), type->string.data(), size_t(entry.name.size())) == 0;
    });
    if (fast == fastTypes.end())
        return false;
    frame.type = fast->type;

    if (const FlatFrame::Member *index = memberAt(frame, slots, indexSlot)) {
        if (index->kind == Kind::String)
            return false; // an index sent as text: QString::toInt's rules are that path's
        if (index->kind == Kind::Integer)
            frame.index
                = index->integer >= 0 && index->integer <= 1'000'000'000 ? int(index->integer) : -1;
    }
    if (!stringOf(memberAt(frame, slots, conversationSlot), frame.conversationId)
        || !stringOf(memberAt(frame, slots, userSlot), frame.userMessageId)
        || !stringOf(memberAt(frame, slots, assistantSlot), frame.assistantMessageId)
        || !firstString(frame, slots, textSlots, frame.text)
        || !firstString(frame, slots, assetTypeSlots, frame.assetType)
        || !firstString(frame, slots, assetIdSlots, frame.assetId))
        return false;
    if (frame.type == Type::Progress)
        return firstString(frame, slots, progressSlots, frame.progressMessage);
    return true;
}

// A member whose key is not a known one: false when an earlier such member had the same key.
bool isNewUnknownKey(const FlatFrame &frame, QByteArrayView key)
{
    for (int i = 0; i < frame.memberCount; ++i) {
        const FlatFrame::Member &member = frame.members[size_t(i)];
        if (member.key.size() == key.size() && slotOf(member.key) < 0
            && std::memcmp(member.key.data(), key.data(), size_t(key.size())) == 0)
            return false;
    }
    return true;
}

} // namespace

bool FlatFrame::read(QByteArrayView utf8Json, FlatFrame &frame)
{
    // Only what a read sets (the members stay uninitialised until counted).
    // Each view set on its own: a chain of assignments reloads each one just stored, and that
    // 16-byte load of two fresh 8-byte stores stalled the read (a quarter of its time in perf).
    frame.type = Type::Unknown;
    for (QByteArrayView *field :
        { &frame.typeName, &frame.conversationId, &frame.userMessageId, &frame.assistantMessageId,
            &frame.text, &frame.progressMessage, &frame.assetType, &frame.assetId })
        *field = QByteArrayView();
    frame.index = -1;
    frame.memberCount = 0;
    if (utf8Json.isEmpty() || utf8Json.size() > MaxBytes)
        return false;
    thread_local Reader reader;
    const char *json = reader.input.copy(utf8Json);
    ondemand::document document;
    if (reader.parser
            .iterate(
                json, size_t(utf8Json.size()), size_t(utf8Json.size()) + simdjson::SIMDJSON_PADDING)
            .get(document))
        return false;
    ondemand::object object;
    if (document.get_object().get(object))
        return false;

    Slots slots;
    slots.fill(-1);
    bool hasUnknown = false;
    for (auto result : object) {
        ondemand::field field;
        if (std::move(result).get(field) || frame.memberCount == MaxMembers)
            return false;
        Member &member = frame.members[size_t(frame.memberCount)];
        // A known key is matched as written: none holds a backslash, so bytes equal to one are
        // that key unescaped. Any other key (an unknown one, or a known one written with an
        // escape) is unescaped by simdjson and looked up again.
        ondemand::value &value = field.value();
        member.key = view(keyAsWritten(
            reinterpret_cast<const char *>(field.key().raw()), value.raw_json_token().data()));
        int slot = slotOf(member.key);
        if (slot < 0) {
            std::string_view key;
            if (field.unescaped_key().get(key) || startsWithBom(key))
                return false;
            member.key = view(key);
            slot = slotOf(member.key);
        }
        if (!readValue(value, member))
            return false;
        // A key twice: QJsonDocument keeps the last, and that path tells it.
        if (slot >= 0) {
            if (slots[size_t(slot)] >= 0)
                return false;
            slots[size_t(slot)] = qint8(frame.memberCount);
        } else if (hasUnknown && !isNewUnknownKey(frame, member.key)) {
            return false;
        } else {
            hasUnknown = true;
        }
        ++frame.memberCount;
    }
    // Nothing may follow the object: once it is read to its end, no token is left (whitespace
    // is no token); current_location() says OUT_OF_BOUNDS there and points at anything else.
    if (document.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return false;
    return mapFields(frame, slots);
}

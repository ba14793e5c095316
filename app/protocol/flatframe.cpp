#include "app/protocol/flatframe.h"

#include "app/protocol/aipromptkeys.h"
#include "app/protocol/flatobject.h"
#include "app/protocol/paddedjson.h"

#include <algorithm>
#include <cstring>
#include <memory>

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

// The padded copy of the frame and the room its unescaped strings are written to, one per thread
// (the decoder is static).
struct Reader
{
    PaddedJson input;
    std::unique_ptr<char[]> scratch
        = std::make_unique<char[]>(size_t(FlatFrame::MaxBytes + FlatObject::Padding));
};
static_assert(PaddedJson::Padding >= size_t(FlatObject::Padding));

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

// Member `at`, whose key is not a known one: false when an earlier such member had the same key.
bool isNewUnknownKey(const FlatFrame &frame, int at)
{
    const QByteArrayView key = frame.members[size_t(at)].key;
    for (int i = 0; i < at; ++i) {
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
    if (!FlatObject::read(QByteArrayView(json, utf8Json.size()), frame, reader.scratch.get()))
        return false;

    Slots slots;
    slots.fill(-1);
    bool hasUnknown = false;
    for (int i = 0; i < frame.memberCount; ++i) {
        // A key twice: QJsonDocument keeps the last, and that path tells it.
        if (const int slot = slotOf(frame.members[size_t(i)].key); slot >= 0) {
            if (slots[size_t(slot)] >= 0)
                return false;
            slots[size_t(slot)] = qint8(i);
        } else if (hasUnknown && !isNewUnknownKey(frame, i)) {
            return false;
        } else {
            hasUnknown = true;
        }
    }
    return mapFields(frame, slots);
}

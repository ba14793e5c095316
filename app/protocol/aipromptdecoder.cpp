#include "app/protocol/aipromptdecoder.h"

#include "app/protocol/aipromptkeys.h"
#include "app/protocol/flatframe.h"
#include "app/protocol/jsonfastpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <array>
#include <utility>

namespace {

constexpr qsizetype frameExcerptLength = 200;

struct TypeName
{
    QStringView name;
    StreamEvent::Type type;
};

constexpr std::array typeNames {
    TypeName { u"start", StreamEvent::Type::Start },
    TypeName { u"progress", StreamEvent::Type::Progress },
    TypeName { u"text_start", StreamEvent::Type::TextStart },
    TypeName { u"text_delta", StreamEvent::Type::TextDelta },
    TypeName { u"text_end", StreamEvent::Type::TextEnd },
    TypeName { u"asset_start", StreamEvent::Type::AssetStart },
    TypeName { u"asset_delta", StreamEvent::Type::AssetDelta },
    TypeName { u"asset_end", StreamEvent::Type::AssetEnd },
    TypeName { u"error", StreamEvent::Type::Error },
    TypeName { u"finish", StreamEvent::Type::Finish },
    TypeName { u"[DONE]", StreamEvent::Type::Done },
};

// A string, or a number written as text (ids are strings in the docs, but be tolerant).
QString stringOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

// A string as is; an object or an array as compact JSON text (an asset delta sent as JSON).
QString textOf(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return stringOf(value);
}

template<size_t N>
QString firstString(const QJsonObject &object, const std::array<QLatin1StringView, N> &keys)
{
    for (const QLatin1StringView key : keys) {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isNull())
            return textOf(value);
    }
    return {};
}

int indexOf(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return number >= 0 && number <= 1e9 ? int(number) : -1;
    }
    if (value.isString()) {
        bool ok = false;
        const int number = value.toString().toInt(&ok);
        return ok && number >= 0 ? number : -1;
    }
    return -1;
}

QString errorMessageOf(const QJsonObject &object)
{
    if (const QJsonValue message = object.value(u"message"); message.isString())
        return message.toString();
    const QJsonValue error = object.value(u"error");
    if (error.isString())
        return error.toString();
    if (error.isObject()) {
        const QJsonObject inner = error.toObject();
        if (const QJsonValue message = inner.value(u"message"); message.isString())
            return message.toString();
        return textOf(inner);
    }
    return {};
}

// QJsonDocument only takes an object or an array at the top; tell a lone string, number,
// boolean or null (valid JSON, wrong shape) from text that is not JSON at all.
bool isScalarJson(QByteArrayView utf8Data)
{
    QJsonParseError parseError;
    const QJsonDocument wrapped
        = QJsonDocument::fromJson(QByteArray('[' + utf8Data.toByteArray() + ']'), &parseError);
    return parseError.error == QJsonParseError::NoError && wrapped.array().size() == 1;
}

StreamEvent doneEvent()
{
    StreamEvent event;
    event.type = StreamEvent::Type::Done;
    event.typeName = QStringLiteral("[DONE]");
    return event;
}

} // namespace

QString StreamEvent::typeToString(Type type)
{
    for (const TypeName &entry : typeNames) {
        if (entry.type == type)
            return entry.name.toString();
    }
    return QStringLiteral("unknown");
}

StreamEvent::Type AiPromptDecoder::typeFromName(QStringView name)
{
    for (const TypeName &entry : typeNames) {
        if (entry.name == name)
            return entry.type;
    }
    return StreamEvent::Type::Unknown;
}

AiPromptDecoder::Result AiPromptDecoder::decode(const QString &data)
{
    if (QStringView(data).trimmed() == u"[DONE]")
        return doneEvent();
    return decode(QByteArrayView(data.toUtf8()));
}

AiPromptDecoder::Result AiPromptDecoder::decode(QByteArrayView utf8Data)
{
    FlatFrame frame;
    if (FlatFrame::read(utf8Data, frame))
        return toEvent(frame);
    return decodeAny(utf8Data);
}

AiPromptDecoder::Result AiPromptDecoder::decodeAny(QByteArrayView utf8Data)
{
    if (const std::optional<QJsonObject> object = JsonFastPath::parseObject(utf8Data))
        return decode(*object);
    return decodeJson(utf8Data);
}

StreamEvent AiPromptDecoder::toEvent(const FlatFrame &frame, Raw raw)
{
    StreamEvent event;
    event.type = frame.type;
    event.typeName = QString::fromUtf8(frame.typeName);
    event.conversationId = QString::fromUtf8(frame.conversationId);
    event.userMessageId = QString::fromUtf8(frame.userMessageId);
    event.assistantMessageId = QString::fromUtf8(frame.assistantMessageId);
    event.index = frame.index;
    event.text = QString::fromUtf8(frame.text);
    event.progressMessage = QString::fromUtf8(frame.progressMessage);
    event.assetType = QString::fromUtf8(frame.assetType);
    event.assetId = QString::fromUtf8(frame.assetId);
    for (int i = 0; raw == Raw::Include && i < frame.memberCount; ++i) {
        const FlatFrame::Member &member = frame.members[size_t(i)];
        QJsonValue value;
        switch (member.kind) {
        case FlatFrame::Kind::String:
            value = QString::fromUtf8(member.string);
            break;
        case FlatFrame::Kind::Integer:
            value = member.integer;
            break;
        case FlatFrame::Kind::True:
        case FlatFrame::Kind::False:
            value = member.kind == FlatFrame::Kind::True;
            break;
        case FlatFrame::Kind::Null:
            value = QJsonValue::Null;
            break;
        }
        event.raw.insert(QString::fromUtf8(member.key), value);
    }
    return event;
}

AiPromptDecoder::Result AiPromptDecoder::decodeJson(QByteArrayView utf8Data)
{
    if (utf8Data.trimmed() == QByteArrayView("[DONE]"))
        return doneEvent();

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8Data.toByteArray(), &parseError);
    // Built only for a frame that fails: decoding 200 bytes of every frame showed in the profile.
    const auto excerpt = [utf8Data] {
        return QString::fromUtf8(utf8Data.first(qMin(utf8Data.size(), frameExcerptLength)));
    };
    if (parseError.error != QJsonParseError::NoError && isScalarJson(utf8Data)) {
        return DecodeError { DecodeError::Code::NotAnObject,
            QStringLiteral("A part of the answer could not be read: it is JSON "
                           "but not an object."),
            excerpt() };
    }
    if (parseError.error != QJsonParseError::NoError) {
        return DecodeError { DecodeError::Code::InvalidJson,
            QStringLiteral("A part of the answer could not be read: it is not valid "
                           "JSON (%1 at offset %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset),
            excerpt() };
    }
    if (!document.isObject()) {
        return DecodeError { DecodeError::Code::NotAnObject,
            QStringLiteral("A part of the answer could not be read: it is JSON "
                           "but not an object."),
            excerpt() };
    }

    return decode(document.object());
}

StreamEvent AiPromptDecoder::decode(const QJsonObject &object)
{
    namespace K = AiPromptKeys;
    StreamEvent event;
    event.raw = object;
    event.typeName = stringOf(object.value(K::type));
    event.type = typeFromName(event.typeName);
    if (event.type == StreamEvent::Type::Done)
        event.type = StreamEvent::Type::Unknown; // only the bare [DONE] frame ends the stream

    event.conversationId = stringOf(object.value(K::conversationId));
    event.userMessageId = stringOf(object.value(K::userMessageId));
    event.assistantMessageId = stringOf(object.value(K::assistantMessageId));
    event.index = indexOf(object.value(K::index));
    event.text = firstString(object, K::text);
    event.assetType = firstString(object, K::assetType);
    event.assetId = firstString(object, K::assetId);

    switch (event.type) {
    case StreamEvent::Type::Progress:
        event.progressMessage = firstString(object, K::progressMessage);
        break;
    case StreamEvent::Type::Error:
        event.errorMessage = errorMessageOf(object);
        break;
    case StreamEvent::Type::Finish: {
        const QJsonValue result = object.value(u"result");
        if (result.isObject())
            event.result = result.toObject();
        event.resultIsNull = result.isNull();
        break;
    }
    default:
        break;
    }
    return event;
}

#include "app/looker/lookerchatparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

LookerChatParser::LookerChatParser(qsizetype maxMessageSize)
    : m_maxMessageSize(maxMessageSize)
    , m_sse(maxMessageSize)
{
}

void LookerChatParser::setContentType(QByteArrayView contentType)
{
    if (m_format == Format::Unknown
        && contentType.trimmed().toByteArray().toLower().startsWith("text/event-stream"))
        m_format = Format::Sse;
}

QList<LookerChatParser::Item> LookerChatParser::feed(QByteArrayView chunk)
{
    QList<Item> out;
    if (m_failed)
        return out;
    if (m_format == Format::Unknown) {
        // White space before the body is skipped, in whichever chunks it arrives.
        const QByteArrayView rest = chunk.trimmed();
        if (rest.isEmpty())
            return out;
        chunk = chunk.sliced(rest.data() - chunk.data());
        // A JSON body starts with [ or {; SSE with a field name, a colon or a BOM.
        const char first = rest.front();
        m_format = first == '[' || first == '{' ? Format::Json : Format::Sse;
    }
    if (m_format == Format::Sse)
        feedSse(chunk, out);
    else
        feedJson(chunk, out);
    return out;
}

void LookerChatParser::feedJson(QByteArrayView chunk, QList<Item> &out)
{
    for (const char c : chunk) {
        if (m_depth == 0) {
            // Between messages: white space, the array's brackets and commas.
            if (c != '{')
                continue;
            m_object.clear();
        }
        m_object += c;
        if (m_inString) {
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
        } else if (c == '"') {
            m_inString = true;
        } else if (c == '{' || c == '[') {
            ++m_depth;
        } else if (c == '}' || c == ']') {
            if (--m_depth == 0) {
                readDocument(m_object, out);
                m_object.clear();
            }
        }
        if (m_object.size() > m_maxMessageSize) {
            m_failed = true;
            m_object.clear();
            return;
        }
    }
}

void LookerChatParser::feedSse(QByteArrayView chunk, QList<Item> &out)
{
    m_sse.feed(chunk, [&out](SseEvent &&event) {
        const QByteArray data = event.data.trimmed().toUtf8();
        if (data.isEmpty() || data == "[DONE]")
            return;
        readDocument(data, out);
    });
    if (m_sse.hasFailed())
        m_failed = true;
}

void LookerChatParser::readDocument(const QByteArray &json, QList<Item> &out)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        out << DecodeError { DecodeError::Code::InvalidJson,
            QStringLiteral("A message from Looker is not valid JSON (%1 at %2)")
                .arg(error.errorString())
                .arg(error.offset),
            QString::fromUtf8(json.left(200)) };
        return;
    }
    if (document.isObject()) {
        out << document.object();
        return;
    }
    for (const QJsonValue &value : document.array()) {
        if (value.isObject())
            out << value.toObject();
        else
            out << DecodeError { DecodeError::Code::NotAnObject,
                QStringLiteral("A message from Looker is not a JSON object"),
                QString::fromUtf8(json.left(200)) };
    }
}

bool LookerChatParser::finish()
{
    if (m_format == Format::Sse)
        return m_sse.finish();
    const bool cut = m_depth > 0;
    m_object.clear();
    m_depth = 0;
    m_inString = m_escape = false;
    return cut;
}

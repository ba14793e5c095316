#pragma once

#include "app/protocol/decodeerror.h"
#include "app/stream/sseparser.h"
#include "models/expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>

// An incremental reader of the body of `POST /conversational_analytics/chat`: the system
// messages the agent produces, each a JSON object ({timestamp, systemMessage: {...}}). Looker
// documents the answer as a JSON array; when it streams, the array arrives in pieces. The
// public docs say nothing more about the framing, so this reader takes any of:
//  - a JSON array of objects, split anywhere (the documented shape);
//  - JSON Lines or objects simply concatenated;
//  - Server-Sent Events whose `data:` is one object or an array of objects (`[DONE]` ignored).
// The format is chosen by the content type (text/event-stream) or else by the first byte that
// is not white space. Pure: no QObject, no I/O. Memory is bounded by maxMessageSize.
class LookerChatParser
{
public:
    enum class Format { Unknown, Json, Sse };
    using Item = Expected<QJsonObject, DecodeError>;
    static constexpr qsizetype DefaultMaxMessageSize = 16 * 1024 * 1024;

    explicit LookerChatParser(qsizetype maxMessageSize = DefaultMaxMessageSize);

    // Called once the headers are known; text/event-stream selects SSE.
    void setContentType(QByteArrayView contentType);
    // Parses the next chunk and returns the messages (or unreadable frames) it completed.
    QList<Item> feed(QByteArrayView chunk);
    // The body ended; returns true when an unfinished message was left (the stream was cut).
    bool finish();

    Format format() const { return m_format; }
    bool hasFailed() const { return m_failed; } // a message was over the size limit
    qsizetype maxMessageSize() const { return m_maxMessageSize; }

private:
    void feedJson(QByteArrayView chunk, QList<Item> &out);
    void feedSse(QByteArrayView chunk, QList<Item> &out);
    static void readDocument(const QByteArray &json, QList<Item> &out);

    qsizetype m_maxMessageSize;
    Format m_format = Format::Unknown;
    SseParser m_sse;
    QByteArray m_object; // the object being read (JSON format)
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_failed = false;
};

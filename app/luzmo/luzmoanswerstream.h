#pragma once

#include "app/chat/answerstream.h"
#include "app/stream/sseparser.h"

class ApiCall;

// Reads the answer of a Luzmo aiprompt create. A `text/event-stream` response is parsed as SSE,
// each `data:` frame decoded into a StreamEvent; a JSON response (stream: false, or a server
// that does not stream) becomes start + finish(result) + done, so both take the same path.
class LuzmoAnswerStream : public AnswerStream
{
    Q_OBJECT
public:
    explicit LuzmoAnswerStream(ApiCall *call, QObject *parent = nullptr);

    void abort() override;

    // The events a complete non-streaming response stands for.
    static QList<StreamEvent> eventsForResult(const QJsonObject &result);

private:
    void onHeaders(int status, const QByteArray &contentType);
    void onChunk(const QByteArray &chunk);
    void onSucceeded(const QByteArray &body);
    void onFailed(const ApiError &error);
    void emitFrame(QByteArrayView data); // the frame's UTF-8, decoded with no QString round trip
    void readJson(const QByteArray &body);

    ApiCall *m_call;
    SseParser m_parser;
    QByteArray m_json; // a JSON response to a streaming request
    bool m_sse = false;
    bool m_ended = false;
};

#pragma once

#include "app/chat/answerstream.h"
#include "app/luzmo/luzmoconfig.h"

#include <QJsonObject>

class SocketIoClient;

// The Luzmo aiprompt create over Socket.IO: connects to the API host, emits `aiprompt.create`
// with the same body as the HTTP call, and reads the answer's events from the `aiprompt`
// channel through the same decoder as SSE. Ends at `finish` or "[DONE]". A connection lost
// mid-answer ends it with a network error (the protocol has no replay).
class LuzmoSocketStream : public AnswerStream
{
    Q_OBJECT
public:
    LuzmoSocketStream(
        const LuzmoConfig &config, const QJsonObject &body, QObject *parent = nullptr);

    void abort() override;

private:
    void onEvent(const QString &name, const QJsonArray &arguments);
    void end(const std::optional<ApiError> &error);

    SocketIoClient *m_client;
    QJsonObject m_body;
    bool m_ended = false;
};

#pragma once

#include "app/chat/answerstream.h"
#include "app/stream/sseparser.h"
#include "app/workflow/workflowconfig.h"
#include "app/workflow/workfloweventmapper.h"
#include "app/workflow/workflowrequest.h"
#include "app/workflow/workflowresumestate.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>

class ApiCall;
class QNetworkAccessManager;

// Reads one answer of the workflow chat stream, over as many connections as it takes. Every
// data frame received is numbered: by its `id:` line when there is one, else by counting from 0
// across connections, whatever its type (B3OS frames have no `id:`). When a connection drops (a
// network error, a timeout, a 5xx or 429, or a body that ends before `done`) it reconnects after
// a backoff with the same conversationId and requestId and lastEventIndex = the number of the
// last frame received; the server resends the frames after it. Frames whose `id:` is not above
// it are skipped, so nothing is shown twice even when such a server replays too much. After
// config.reconnect.maxAttempts reconnections in a row without a new frame it gives up with a
// Network error. 400 (with the server's message), 401 and other refusals end it at once;
// abort() ends it with Cancelled and never reconnects. See WorkflowEventMapper for the events.
class WorkflowAnswerStream : public AnswerStream
{
    Q_OBJECT
public:
    // Sends `request` (a new question).
    WorkflowAnswerStream(QNetworkAccessManager &network, const WorkflowConfig &config,
        const WorkflowRequest &request, QObject *parent = nullptr);
    // Continues an answer from a saved state (after a restart): a reconnection right away.
    WorkflowAnswerStream(QNetworkAccessManager &network, const WorkflowConfig &config,
        const WorkflowResumeState &state, QObject *parent = nullptr);
    ~WorkflowAnswerStream() override;

    void abort() override;
    QByteArray savedState() const override { return resumeState().toJson(); }

    const WorkflowRequest &request() const { return m_request; }
    // The state to save to resume this answer later; changes with every new event.
    WorkflowResumeState resumeState() const;
    int lastEventIndex() const { return m_lastIndex; }
    // The workflow nodes received so far, in order (for a side panel).
    const QList<QJsonObject> &nodes() const { return m_mapper.nodes(); }
    int connectionCount() const { return m_connections; }
    int duplicatesSkipped() const { return m_duplicates; }
    bool isFinished() const { return m_ended; }

Q_SIGNALS:
    // A workflow node as received (also mapped to a progress event).
    void nodeReceived(const QJsonObject &node);
    // resumeState() changed: a new event was received.
    void resumeStateChanged();
    // The connection was lost; reconnection `attempt` of `maxAttempts` follows in `delayMs`.
    void reconnecting(int attempt, int maxAttempts, int delayMs);

private:
    void open();
    void onHeaders(int status, const QByteArray &contentType);
    void onChunk(const QByteArray &chunk);
    void onSucceeded();
    void onFailed(const ApiError &error);
    void onEvent(const SseEvent &event);
    void emitEvents(const QList<StreamEvent> &events);
    void connectionLost(const ApiError &why);
    void end(const std::optional<ApiError> &error);
    void dropCall();

    QPointer<QNetworkAccessManager> m_network;
    WorkflowConfig m_config;
    WorkflowRequest m_request;
    WorkflowEventMapper m_mapper;
    SseParser m_parser;
    QPointer<ApiCall> m_call;
    QTimer m_retryTimer;
    int m_lastIndex = -1;
    int m_failures = 0; // connections lost in a row without a new event
    int m_connections = 0;
    int m_duplicates = 0;
    bool m_began = false; // start was emitted
    bool m_aborted = false;
    bool m_ended = false;
};

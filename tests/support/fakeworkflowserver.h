#pragma once

#include "fakehttpserver.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

// A workflow chat stream server (PROTOCOLS.md section 2) on 127.0.0.1 and a free port, built on
// FakeHttpServer. It checks the Bearer token (401) and the body (400 with {"message"} when a new
// session has no `message`), serves a scripted list of events with ids 0..K-1 as
// `id:`/`event:`/`data:` frames, one per chunk, and on a reconnection replays from
// lastEventIndex + 1 (or earlier, to test de-duplication). It can cut each connection after a
// given number of events and records every request body.
class FakeWorkflowServer : public QObject
{
    Q_OBJECT
public:
    struct Event
    {
        QString type; // chunk | node | done | error | anything
        QJsonObject data; // the data JSON; `type` is added when missing
    };

    static constexpr const char *path = "/v1/ai/workflow/chat/stream";

    explicit FakeWorkflowServer(QObject *parent = nullptr);
    bool listen();
    QUrl baseUrl() const;

    void setToken(const QString &token) { m_token = token; }
    void setEvents(const QList<Event> &events) { m_events = events; }
    const QList<Event> &events() const { return m_events; }
    // Stream i (0-based, counting only streams served) is cut after perStream[i] events; streams
    // past the list are not cut.
    void setDropAfter(const QList<int> &perStream) { m_dropAfter = perStream; }
    // Reconnections also replay `count` events the client said it already has.
    void setReplayExtra(int count) { m_replayExtra = count; }
    void setEventDelayMs(int ms) { m_delayMs = ms; }

    // Every request's JSON body, in order (including refused ones).
    const QList<QJsonObject> &bodies() const { return m_bodies; }
    const QList<FakeHttpServer::Request> &requests() const { return m_http.requests(); }
    int streamsServed() const { return m_streams; }

    static Event chunk(const QString &text);
    static Event node(const QJsonObject &node);
    static Event done(const QJsonObject &definition);
    static Event error(const QString &message);
    static QByteArray frame(int id, const Event &event);

Q_SIGNALS:
    void requestReceived();

private:
    FakeHttpServer::Response handle(const FakeHttpServer::Request &request);

    FakeHttpServer m_http;
    QString m_token = QStringLiteral("secret-token");
    QList<Event> m_events;
    QList<int> m_dropAfter;
    QList<QJsonObject> m_bodies;
    QSet<QString> m_sessions; // requestIds already started
    int m_replayExtra = 0;
    int m_delayMs = 0;
    int m_streams = 0;
};

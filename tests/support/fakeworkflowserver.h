#pragma once

#include "tests/support/fakehttpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

// The B3OS "Caddie" workflow chat stream (seed 003; B3OS's own client
// packages/mcp/src/sse-client.ts; docs/protocols/workflow.md) on 127.0.0.1 and a free port, as
// strict as the documented endpoint:
// - only `POST /v1/ai/workflow/chat/stream` exists: other paths answer 404, other methods on it
//   405; `Authorization: Bearer <token>` is required (401), `Content-Type: application/json`
//   (415);
// - the body is checked against the seed's fields (400 with {"error"}): a JSON object, no
//   unknown field, each field of its type, the enums, `definition.nodes` with a `root` node of
//   type `manual`, `message` for a new session (optional only when replaying a session it
//   knows, by requestId, with lastEventIndex);
// - the answer is `data: {json}` frames with no `event:` nor `id:` lines, a `: heartbeat`
//   comment first and after every heartbeatEvery() frames; the server numbers its frames from 0
//   and a replay (lastEventIndex = N) resends the frames after N.
// Test modes: cut a connection after a number of frames (optionally halfway through the next
// one), split each frame's JSON over several `data:` lines, and the older framing with `id:` and
// `event:` lines (a tolerated variant, with a replay that may resend frames already seen).
class FakeWorkflowServer : public QObject
{
    Q_OBJECT
public:
    struct Event
    {
        QJsonObject data; // the frame's JSON, with its `type`
        QString type() const { return data.value(u"type").toString(); }
    };

    enum class Framing {
        B3os, // data: lines only
        EventAndIdLines, // the older shape: id: N, event: <type>, data: {json}
    };

    static constexpr const char *path = "/v1/ai/workflow/chat/stream";

    explicit FakeWorkflowServer(QObject *parent = nullptr);
    bool listen();
    QUrl baseUrl() const;

    void setToken(const QString &token) { m_token = token; }
    void setEvents(const QList<Event> &events) { m_events = events; }
    const QList<Event> &events() const { return m_events; }
    void setFraming(Framing framing) { m_framing = framing; }
    // A `: heartbeat` comment after every `frames` frames (0: only the first one).
    void setHeartbeatEvery(int frames) { m_heartbeatEvery = frames; }
    // Each frame's JSON is cut into two `data:` lines after its first comma.
    void setSplitDataLines(bool split) { m_splitDataLines = split; }
    // Stream i (0-based, counting only streams served) is cut after perStream[i] frames; streams
    // past the list are not cut.
    void setDropAfter(const QList<int> &perStream) { m_dropAfter = perStream; }
    // A cut also sends the first half of the next frame (which the client must not count).
    void setCutMidFrame(bool cut) { m_cutMidFrame = cut; }
    // With EventAndIdLines: replays also resend `count` frames the client said it has.
    void setReplayExtra(int count) { m_replayExtra = count; }
    void setEventDelayMs(int ms) { m_delayMs = ms; }

    // Every request's JSON body, in order (including refused ones).
    const QList<QJsonObject> &bodies() const { return m_bodies; }
    const QList<FakeHttpServer::Request> &requests() const { return m_http.requests(); }
    int streamsServed() const { return m_streams; }

    // The B3OS shapes (see docs/protocols/workflow.md for which fields are confirmed).
    static Event chunk(const QString &text); // {"type":"chunk","data":text}
    static Event node(const QJsonObject &node); // {"type":"node","data":node}
    static Event thinking(const QString &message);
    static Event toolStart(const QString &toolName);
    static Event toolResult(const QString &toolName);
    static Event modeSwitch(const QString &mode);
    // {"type":"done","data":{"type":"workflow","workflow":…,"incompleteFields":[…],
    // "validationErrors":[{"nodeId","message"}]},"usage":{…}}
    static Event done(const QJsonObject &workflow, const QStringList &incompleteFields = {},
        const QJsonArray &validationErrors = {});
    static Event doneMessage(const QString &message); // data.type "message"
    static Event error(const QString &message); // {"type":"error","error":message}
    static Event of(const QJsonObject &data) { return { data }; }
    // The older shapes our client read first (tolerated).
    static Event legacyChunk(const QString &text); // {"type":"chunk","text":…}
    static Event legacyNode(const QJsonObject &node); // {"type":"node","node":…}
    static Event legacyDone(const QJsonObject &definition); // {"type":"done","definition":…}
    static Event legacyError(const QString &message); // {"type":"error","message":…}

    // One frame as this server writes it.
    QByteArray frame(int index, const Event &event) const;

Q_SIGNALS:
    void requestReceived();

private:
    FakeHttpServer::Response handle(const FakeHttpServer::Request &request);
    QString checkBody(const QJsonObject &body) const;
    FakeHttpServer::Response stream(int from);

    FakeHttpServer m_http;
    QString m_token = QStringLiteral("secret-token");
    QList<Event> m_events;
    QList<int> m_dropAfter;
    QList<QJsonObject> m_bodies;
    QSet<QString> m_sessions; // requestIds already started
    Framing m_framing = Framing::B3os;
    int m_heartbeatEvery = 3;
    int m_replayExtra = 0;
    int m_delayMs = 0;
    int m_streams = 0;
    bool m_splitDataLines = false;
    bool m_cutMidFrame = false;
};

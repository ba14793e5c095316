#pragma once

// What the workflow stream tests share: one scripted answer (in the B3OS shapes or the older
// ones), a recorder of the events a stream emits, and a client configuration for the fake.

#include "app/protocol/streamevent.h"
#include "app/workflow/workflowconfig.h"
#include "tests/support/fakeworkflowserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace WorkflowScript {

inline const QString fullText
    = QStringLiteral("Planning a workflow with a trigger and an email step.");

inline QJsonObject node(const QString &id, const QString &type, const QStringList &children = {})
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("type"), type },
        { QStringLiteral("children"), QJsonArray::fromStringList(children) } };
}

inline QJsonObject definition()
{
    return { { QStringLiteral("nodes"),
        QJsonObject { { QStringLiteral("root"),
                          node(QStringLiteral("root"), QStringLiteral("manual"),
                              { QStringLiteral("send") }) },
            { QStringLiteral("send"),
                node(
                    QStringLiteral("send"), QStringLiteral("http"), { QStringLiteral("notify") }) },
            { QStringLiteral("notify"),
                node(QStringLiteral("notify"), QStringLiteral("email")) } } } };
}

// Eleven frames, numbered 0..10 by the server: 0 thinking, 1 chunk, 2 tool_start, 3 chunk,
// 4 node root, 5 chunk, 6 node send, 7 chunk, 8 node notify, 9 chunk, 10 done. The five chunks
// make fullText. `legacy`: chunk, node and done in the older shapes.
inline QList<FakeWorkflowServer::Event> script(bool legacy = false)
{
    using S = FakeWorkflowServer;
    const auto chunk
        = [legacy](const QString &t) { return legacy ? S::legacyChunk(t) : S::chunk(t); };
    const auto nodeEvent
        = [legacy](const QJsonObject &n) { return legacy ? S::legacyNode(n) : S::node(n); };
    return { S::thinking(QStringLiteral("Reading the request")), chunk(QStringLiteral("Planning ")),
        S::toolStart(QStringLiteral("search_actions")), chunk(QStringLiteral("a workflow ")),
        nodeEvent(
            node(QStringLiteral("root"), QStringLiteral("manual"), { QStringLiteral("send") })),
        chunk(QStringLiteral("with a trigger ")),
        nodeEvent(
            node(QStringLiteral("send"), QStringLiteral("http"), { QStringLiteral("notify") })),
        chunk(QStringLiteral("and an email ")),
        nodeEvent(node(QStringLiteral("notify"), QStringLiteral("email"))),
        chunk(QStringLiteral("step.")),
        legacy ? S::legacyDone(definition()) : S::done(definition()) };
}

struct Recorder
{
    QList<StreamEvent> events;
    QString text;
    int deltas = 0;
    QStringList progress;

    void add(const StreamEvent &e)
    {
        events << e;
        if (e.type == StreamEvent::Type::TextDelta) {
            text += e.text;
            ++deltas;
        }
        if (e.type == StreamEvent::Type::Progress)
            progress << e.progressMessage;
    }
    QString types() const
    {
        QStringList names;
        for (const StreamEvent &e : events)
            names << e.typeName;
        return names.join(u' ');
    }
};

inline WorkflowConfig config(const FakeWorkflowServer &server)
{
    WorkflowConfig c;
    c.baseUrl = server.baseUrl();
    c.token = QStringLiteral("secret-token");
    c.limits.idleTimeoutMs = 5000;
    c.limits.connectTimeoutMs = 5000;
    c.reconnect.baseDelayMs = 10;
    c.reconnect.maxDelayMs = 40;
    return c;
}

} // namespace WorkflowScript

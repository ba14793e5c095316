#pragma once

#include "streamevent.h"
#include "workflowframe.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Turns the events of one workflow answer into the StreamEvents every chat session applies:
//   begin        → start {conversationId}
//   chunk        → text_start (once), text_delta {text}
//   node         → progress "Added node <id> (<type>)"; the node is kept (nodes())
//   done         → text_end, asset_start {asset_type "workflow"}, asset_delta {definition JSON},
//                  asset_end, finish (no result), [DONE]
//   error        → text_end, error {message}, [DONE]
//   unknown      → nothing
// Nothing is mapped after done or error. Pure: no QObject, no I/O; the caller de-duplicates
// replayed events before mapping them.
class WorkflowEventMapper
{
public:
    explicit WorkflowEventMapper(QString conversationId = {});

    // What an answer resumed after a restart had already received: begin() hands the text on
    // again (text_start + text_delta) so that a fresh assembler holds the whole answer.
    void restore(const QString &text, const QJsonArray &nodes);

    QList<StreamEvent> begin();
    QList<StreamEvent> map(const WorkflowFrame &frame);

    bool isFinished() const { return m_finished; }
    QString text() const { return m_text; }
    // The nodes in the order first seen; a node sent again with the same id replaces it.
    const QList<QJsonObject> &nodes() const { return m_nodes; }
    QJsonArray nodesArray() const;

    // "Added node send (http)".
    static QString describeNode(const QJsonObject &node);

private:
    StreamEvent make(StreamEvent::Type type, const QString &name) const;
    void keepNode(const QJsonObject &node);
    void endText(QList<StreamEvent> &out);

    QString m_conversationId;
    QString m_text;
    QList<QJsonObject> m_nodes;
    bool m_textStarted = false;
    bool m_textEnded = false;
    bool m_finished = false;
};

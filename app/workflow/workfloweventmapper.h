#pragma once

#include "app/protocol/streamevent.h"
#include "app/workflow/workflowframe.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

// Turns the events of one workflow answer into the StreamEvents every chat session applies:
//   begin        → start {conversationId}
//   chunk        → text_start (once), text_delta {text}
//   node         → progress "Added node <id> (<type>)"; the node is kept (nodes())
//   thinking     → progress "Thinking: <message>"
//   tool_start   → progress "Using tool <toolName>"; tool_result → "Tool <toolName> finished"
//   mode_switch  → progress "Switched to <mode> mode"
//   done         → the answer text from data.message when no chunk came; text_end; a second text
//                  block listing incompleteFields and validationErrors (see notesMarkdown());
//                  asset_start {asset_type "workflow"}, asset_delta {definition JSON},
//                  asset_end; finish (no result), [DONE]
//   error        → text_end, error {message}, [DONE]
//   sheet_data, unknown → nothing (logged under chartroom.workflow)
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
    // The progress line of a thinking, tool_start, tool_result or mode_switch frame, in words.
    static QString describeStep(const WorkflowFrame &frame);
    // The section shown under the answer for done's incompleteFields and validationErrors
    // (markdown); empty when there are none.
    static QString notesMarkdown(const QStringList &incompleteFields,
        const QList<WorkflowFrame::ValidationError> &validationErrors);

private:
    StreamEvent make(StreamEvent::Type type, const QString &name) const;
    void keepNode(const QJsonObject &node);
    void endText(QList<StreamEvent> &out);
    void startText(QList<StreamEvent> &out);
    void mapDone(const WorkflowFrame &frame, QList<StreamEvent> &out);
    void logIgnored(const WorkflowFrame &frame);

    QString m_conversationId;
    QString m_text;
    QList<QJsonObject> m_nodes;
    QSet<QString> m_ignoredTypes; // logged once each
    bool m_textStarted = false;
    bool m_textEnded = false;
    bool m_finished = false;
};

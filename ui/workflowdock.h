#pragma once

#include <QDockWidget>
#include <QPointer>

class AnswerStream;
class ChatSession;
class QTabWidget;
class TranscriptModel;
class WorkflowGraphWidget;
class WorkflowPanel;

// The workflow panel as a dock beside the transcript: it appears when a workflow answer
// streams (following its nodes) or when the open conversation holds a stored workflow, and
// hides for conversations without one. Opening the conversation of the answer that streams
// keeps following it. Two tabs: Graph (the nodes as boxes and arrows, zoomable, exported as PNG,
// SVG or JSON) and Details (the tree of each node's properties).
class WorkflowDock : public QDockWidget
{
    Q_OBJECT
public:
    WorkflowDock(ChatSession &session, TranscriptModel &transcript, QWidget *parent = nullptr);

    WorkflowPanel *panel() const { return m_panel; }
    WorkflowGraphWidget *graph() const { return m_graph; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void showStoredWorkflow();
    bool showsLiveAnswer() const;

    TranscriptModel &m_transcript;
    WorkflowPanel *m_panel;
    WorkflowGraphWidget *m_graph;
    QTabWidget *m_tabs;
    QPointer<AnswerStream> m_live; // the workflow answer being followed, while it streams
    qint64 m_liveMessageId = 0;
};

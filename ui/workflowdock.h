#pragma once

#include <QDockWidget>

class ChatSession;
class TranscriptModel;
class WorkflowPanel;

// The workflow panel as a dock beside the transcript: it appears when a workflow answer
// streams (following its nodes) or when the open conversation holds a stored workflow, and
// hides for conversations without one.
class WorkflowDock : public QDockWidget
{
    Q_OBJECT
public:
    WorkflowDock(ChatSession &session, TranscriptModel &transcript, QWidget *parent = nullptr);

    WorkflowPanel *panel() const { return m_panel; }

private:
    void showStoredWorkflow();

    TranscriptModel &m_transcript;
    WorkflowPanel *m_panel;
};

#pragma once

#include "app/chat/backend.h"
#include "app/workflow/workflowconfig.h"
#include "app/workflow/workflowresumestate.h"

#include <QByteArray>
#include <QList>

class QNetworkAccessManager;
class WorkflowAnswerStream;
struct WorkflowRequest;

// The workflow chat stream (seed 003) as a chat backend. ask() sends the prompt with a new
// requestId; the conversationId is the conversation's remote id when it has one, else a new
// UUID, which the chat session stores when the start event brings it back. Images attached with
// attachImage() go with the next question only. The answer's text streams as text; each node
// of the workflow as a progress line (and WorkflowAnswerStream::nodeReceived()); the final
// definition becomes an asset of type "workflow".
class WorkflowBackend : public Backend
{
public:
    WorkflowBackend(QNetworkAccessManager &network, WorkflowConfig config,
        QString id = QStringLiteral("workflow"));

    QString id() const override { return m_id; }
    QString displayName() const override;
    QString validate(const PromptRequest &request) const override;
    AnswerStream *ask(const PromptRequest &request, QObject *parent) override;

    // The same, typed, for callers that want the workflow signals (nodes, resume state).
    WorkflowAnswerStream *start(const WorkflowRequest &request, QObject *parent);
    // Continues an unfinished answer from a state saved before a restart.
    WorkflowAnswerStream *resume(const WorkflowResumeState &state, QObject *parent);
    // Backend::resume(): from the saved JSON of a WorkflowResumeState.
    AnswerStream *resume(const QByteArray &savedState, QObject *parent) override;

    // Attaches an image (the file's bytes: PNG, JPEG...) to the next question; sent base64 in
    // `images[]` and then forgotten.
    void attachImage(const QByteArray &imageBytes);
    void clearImages() { m_images.clear(); }
    qsizetype attachedImageCount() const { return m_images.size(); }

    // The request ask() would send for `request` (without the attached images consumed).
    WorkflowRequest requestFor(const PromptRequest &request) const;

    const WorkflowConfig &config() const { return m_config; }
    void setConfig(WorkflowConfig config) { m_config = std::move(config); }

private:
    QString configProblem() const;

    QNetworkAccessManager &m_network;
    WorkflowConfig m_config;
    QString m_id;
    QList<QByteArray> m_images; // base64
};

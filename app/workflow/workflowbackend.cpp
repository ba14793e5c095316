#include "app/workflow/workflowbackend.h"

#include "app/workflow/workflowanswerstream.h"
#include "app/workflow/workflowrequest.h"

#include <QObject>

using namespace Qt::StringLiterals;

WorkflowBackend::WorkflowBackend(QNetworkAccessManager &network, WorkflowConfig config, QString id)
    : m_network(network)
    , m_config(std::move(config))
    , m_id(std::move(id))
{
}

QString WorkflowBackend::displayName() const
{
    return u"Workflow chat at "_s + m_config.baseUrl.toDisplayString();
}

void WorkflowBackend::attachImage(const QByteArray &imageBytes)
{
    if (!imageBytes.isEmpty())
        m_images.append(imageBytes.toBase64());
}

WorkflowRequest WorkflowBackend::requestFor(const PromptRequest &request) const
{
    WorkflowRequest r
        = WorkflowRequest::create(m_config, request.text, request.remoteConversationId);
    r.imagesBase64 = m_images;
    return r;
}

QString WorkflowBackend::configProblem() const
{
    if (!m_config.baseUrl.isValid() || m_config.baseUrl.scheme().isEmpty()
        || m_config.baseUrl.host().isEmpty())
        return QObject::tr("The workflow backend needs the server's address (Settings).");
    if (m_config.token.isEmpty())
        return QObject::tr("The workflow backend needs an API token (Settings).");
    return {};
}

QString WorkflowBackend::validate(const PromptRequest &request) const
{
    if (const QString problem = configProblem(); !problem.isEmpty())
        return problem;
    return requestFor(request).validate();
}

AnswerStream *WorkflowBackend::ask(const PromptRequest &request, QObject *parent)
{
    return start(requestFor(request), parent);
}

WorkflowAnswerStream *WorkflowBackend::start(const WorkflowRequest &request, QObject *parent)
{
    m_images.clear();
    return new WorkflowAnswerStream(m_network, m_config, request, parent);
}

WorkflowAnswerStream *WorkflowBackend::resume(const WorkflowResumeState &state, QObject *parent)
{
    return new WorkflowAnswerStream(m_network, m_config, state, parent);
}

AnswerStream *WorkflowBackend::resume(const QByteArray &savedState, QObject *parent)
{
    const std::optional<WorkflowResumeState> state = WorkflowResumeState::fromJson(savedState);
    if (!state)
        return nullptr;
    return resume(*state, parent);
}

#include "app/looker/lookeragentresolver.h"

#include "app/looker/lookercall.h"
#include "app/looker/lookerrequests.h"
#include "app/looker/lookersession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace {
QString idOf(const QJsonValue &value)
{
    // Looker ids are strings; a number is tolerated.
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
}
} // namespace

LookerAgentResolver::LookerAgentResolver(LookerSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

bool LookerAgentResolver::isBusy() const
{
    return m_call && !m_call->isFinished();
}

void LookerAgentResolver::start()
{
    if (!m_session) {
        finish({}, ApiErrors::make(ApiError::Code::Usage, tr("The Looker account was removed.")));
        return;
    }
    const LookerConfig &config = m_session->config();
    const QString known
        = config.agentId.isEmpty() ? m_session->provisionedAgentId() : config.agentId;
    if (!known.isEmpty() || config.sources.isEmpty()) {
        // Signals are connected after start(): answer on the next turn, like a call would.
        QTimer::singleShot(0, this, [this, known] { finish(known, std::nullopt); });
        return;
    }
    m_name = LookerRequests::agentName(config.sources);
    Q_EMIT working(tr("Finding the Looker agent"));
    startCall(true);
}

void LookerAgentResolver::abort()
{
    if (isBusy())
        m_call->abort();
}

LookerCall *LookerAgentResolver::startCall(bool search)
{
    const LookerConfig &config = m_session->config();
    auto *call = new LookerCall(m_session,
        search ? LookerRequests::searchAgents(m_name)
               : LookerRequests::createAgent(m_name, config.sources),
        this);
    m_call = call;
    connect(call, &LookerCall::succeeded, this,
        search ? &LookerAgentResolver::onSearched : &LookerAgentResolver::onCreated);
    connect(call, &LookerCall::failed, this, [this](const ApiError &error) {
        ApiError e = error;
        if (e.code != ApiError::Code::Cancelled)
            e.message = tr("Looker's agent for this account could not be set up: ") + e.message;
        finish({}, e);
    });
    call->start();
    return call;
}

void LookerAgentResolver::onSearched(const QByteArray &body)
{
    for (const QJsonValue &agent : QJsonDocument::fromJson(body).array()) {
        const QJsonObject object = agent.toObject();
        const QString id = idOf(object.value(u"id"));
        if (object.value(u"name").toString() == m_name && !object.value(u"deleted").toBool()
            && !id.isEmpty()) {
            finish(id, std::nullopt);
            return;
        }
    }
    Q_EMIT working(tr("Creating a Looker agent for %1").arg(m_name));
    startCall(false);
}

void LookerAgentResolver::onCreated(const QByteArray &body)
{
    const QString id = idOf(QJsonDocument::fromJson(body).object().value(u"id"));
    if (id.isEmpty()) {
        finish({},
            ApiErrors::make(
                ApiError::Code::Protocol, tr("Looker created the agent but did not say its id.")));
        return;
    }
    finish(id, std::nullopt);
}

void LookerAgentResolver::finish(const QString &agentId, const std::optional<ApiError> &error)
{
    if (m_call)
        m_call->deleteLater();
    if (!error && !agentId.isEmpty() && m_session && m_session->config().agentId.isEmpty())
        m_session->setProvisionedAgentId(agentId);
    Q_EMIT resolved(agentId, error);
}

#include "app/core/backendfactory.h"

#include "app/looker/lookerbackend.h"
#include "app/luzmo/luzmobackend.h"
#include "app/server/localserver.h"
#include "app/workflow/workflowbackend.h"

LuzmoConfig BackendFactory::luzmoConfig(const Account &account)
{
    LuzmoConfig config;
    config.host = account.url();
    if (!account.apiVersion.trimmed().isEmpty())
        config.apiVersion = account.apiVersion.trimmed();
    config.key = account.keyId.trimmed();
    config.token = account.secret;
    config.transport = account.transport;
    return config;
}

LookerConfig BackendFactory::lookerConfig(const Account &account)
{
    LookerConfig config;
    config.baseUrl = account.url();
    config.clientId = account.keyId.trimmed();
    config.clientSecret = account.secret;
    config.agentId = account.agent.trimmed();
    return config;
}

std::unique_ptr<Backend> BackendFactory::create(QNetworkAccessManager &network,
    const Account &account, const QList<LookerSource> &lookerSources)
{
    switch (account.kind) {
    case Account::Kind::Local:
        return nullptr; // the built-in server's backend: createLocal()
    case Account::Kind::Luzmo:
        return std::make_unique<LuzmoBackend>(network, luzmoConfig(account), account.id);
    case Account::Kind::Workflow: {
        WorkflowConfig config;
        config.baseUrl = account.url();
        config.token = account.secret;
        return std::make_unique<WorkflowBackend>(network, config, account.id);
    }
    case Account::Kind::Looker: {
        LookerConfig config = lookerConfig(account);
        config.sources = lookerSources;
        return std::make_unique<LookerBackend>(network, config, account.id);
    }
    }
    return nullptr;
}

LuzmoConfig BackendFactory::localConfig(const LocalServer &server)
{
    LuzmoConfig config;
    config.host = QUrl(server.url());
    config.key = server.key();
    config.token = server.token();
    return config;
}

std::unique_ptr<LuzmoBackend> BackendFactory::createLocal(
    QNetworkAccessManager &network, const LocalServer &server)
{
    return std::make_unique<LuzmoBackend>(network, localConfig(server), Account::localId);
}

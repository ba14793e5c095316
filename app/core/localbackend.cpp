#include "app/core/localbackend.h"

#include "app/core/backendfactory.h"
#include "app/luzmo/luzmobackend.h"

using namespace Qt::StringLiterals;

LocalBackend::LocalBackend(QNetworkAccessManager &network, LocalServer::Options options)
    : m_network(network)
    , m_server(std::move(options))
{
}

LocalBackend::~LocalBackend() = default;

QString LocalBackend::start()
{
    if (m_backend)
        return {};
    if (const QString error = m_server.start(); !error.isEmpty())
        return error;
    m_backend = BackendFactory::createLocal(m_network, m_server);
    return {};
}

QString LocalBackend::startFailed(const QString &error)
{
    return u"The local analyst server could not start: "_s + error;
}

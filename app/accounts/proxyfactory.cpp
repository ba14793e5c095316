#include "app/accounts/proxyfactory.h"

#include <QHostAddress>

ProxyFactory::ProxyFactory(ProxySettings settings)
    : m_settings(std::move(settings))
{
}

bool ProxyFactory::isLoopback(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    if (h == u"localhost" || h.endsWith(u".localhost"))
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (isLoopback(query.peerHostName()))
        return { QNetworkProxy(QNetworkProxy::NoProxy) };
    switch (m_settings.mode) {
    case ProxySettings::Mode::System:
        return systemProxyForQuery(query);
    case ProxySettings::Mode::None:
        break;
    case ProxySettings::Mode::Manual:
        return { m_settings.proxy() };
    }
    return { QNetworkProxy(QNetworkProxy::NoProxy) };
}

#pragma once

#include "app/accounts/proxysettings.h"

#include <QNetworkProxyFactory>

// The application's proxy choice for every connection (HTTP and WebSocket): loopback hosts
// (127.0.0.0/8, ::1, localhost — the built-in server) always go direct; other hosts use the
// system's proxy, none, or the manual proxy, as set in ProxySettings.
class ProxyFactory : public QNetworkProxyFactory
{
public:
    explicit ProxyFactory(ProxySettings settings);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;
    static bool isLoopback(const QString &host);

private:
    ProxySettings m_settings;
};

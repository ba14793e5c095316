#include "app/accounts/proxysettings.h"

#include <QHostAddress>
#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
const auto modeKey = u"network/proxyMode"_s;
const auto typeKey = u"network/proxyType"_s;
const auto hostKey = u"network/proxyHost"_s;
const auto portKey = u"network/proxyPort"_s;
const auto userKey = u"network/proxyUser"_s;
} // namespace

ProxySettings ProxySettings::load(const QSettings &settings)
{
    ProxySettings p;
    const QString mode = settings.value(modeKey).toString();
    p.mode = mode == u"none" ? Mode::None : mode == u"manual" ? Mode::Manual : Mode::System;
    p.type = settings.value(typeKey).toString() == u"socks5" ? Type::Socks5 : Type::Http;
    p.host = settings.value(hostKey).toString();
    p.port = settings.value(portKey, p.port).toInt();
    p.user = settings.value(userKey).toString();
    return p;
}

void ProxySettings::save(QSettings &settings) const
{
    settings.setValue(modeKey,
        mode == Mode::None         ? u"none"_s
            : mode == Mode::Manual ? u"manual"_s
                                   : u"system"_s);
    settings.setValue(typeKey, type == Type::Socks5 ? u"socks5"_s : u"http"_s);
    settings.setValue(hostKey, host.trimmed());
    settings.setValue(portKey, port);
    settings.setValue(userKey, user.trimmed());
}

QString ProxySettings::problem() const
{
    if (mode != Mode::Manual)
        return {};
    const QString h = host.trimmed();
    if (h.isEmpty())
        return tr("Enter the proxy's host name or address, e.g. proxy.example.com.");
    if (h.contains(u' ') || h.contains(u'/') || QUrl::fromAce(QUrl::toAce(h)).isEmpty())
        return tr("The proxy host is a name or an address only, without http:// or a path.");
    if (port < 1 || port > 65535)
        return tr("The proxy port is a number from 1 to 65535.");
    return {};
}

QNetworkProxy ProxySettings::proxy() const
{
    if (mode != Mode::Manual)
        return QNetworkProxy(QNetworkProxy::NoProxy);
    QNetworkProxy p(type == Type::Socks5 ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy,
        host.trimmed(), static_cast<quint16>(port));
    if (!user.trimmed().isEmpty()) {
        p.setUser(user.trimmed());
        p.setPassword(password);
    }
    return p;
}

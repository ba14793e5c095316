#pragma once

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QString>

class QSettings;

// How Chartroom reaches the network: the system's proxy (default), no proxy, or a manual
// HTTP/SOCKS5 proxy. The password is a secret: never saved here (the keychain keeps it under
// the key "proxy"). Loopback never goes through any of them (ProxyFactory).
struct ProxySettings
{
    Q_DECLARE_TR_FUNCTIONS(ProxySettings)
public:
    enum class Mode { System, None, Manual };
    enum class Type { Http, Socks5 };
    static inline const QString secretKey = QStringLiteral("proxy");

    Mode mode = Mode::System;
    Type type = Type::Http;
    QString host;
    int port = 8080;
    QString user;
    QString password; // never written by save()

    static ProxySettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    // Why the manual proxy cannot be used, in words; empty when it can (or is not manual).
    QString problem() const;
    // The manual proxy as a QNetworkProxy (NoProxy unless Mode::Manual).
    QNetworkProxy proxy() const;

    bool operator==(const ProxySettings &) const = default;
};

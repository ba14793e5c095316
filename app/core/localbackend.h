#pragma once

#include "app/server/localserver.h"

#include <QString>

#include <memory>

class LuzmoBackend;
class QNetworkAccessManager;

// The built-in analyst server started in this process and the chat backend that asks it (id
// "local"), the one way the GUI (its default account), `chartroom-cli ask` and `sync` (without
// --url) and `chartroom-cli serve` start it.
class LocalBackend
{
public:
    LocalBackend(QNetworkAccessManager &network, LocalServer::Options options);
    ~LocalBackend();

    // Opens the server's stores (the bundled sample on first use) and listens; then backend() is
    // there. Returns the error in words, or an empty string.
    QString start();
    // What the CLI prints when start() failed.
    static QString startFailed(const QString &error);

    LocalServer &server() { return m_server; }
    // The backend of the running server; nullptr until start() succeeded.
    LuzmoBackend *backend() const { return m_backend.get(); }

private:
    QNetworkAccessManager &m_network;
    LocalServer m_server;
    std::unique_ptr<LuzmoBackend> m_backend;
};

#pragma once

#include "app/accounts/account.h"
#include "app/looker/lookerconfig.h"
#include "app/luzmo/luzmoconfig.h"

#include <QList>

#include <memory>

class Backend;
class LocalServer;
class LuzmoBackend;
class QNetworkAccessManager;

// The one place a chat backend is made, for the GUI (an account from Settings, through
// AccountBackend) and the CLI (an account its flags describe): a Luzmo, workflow or Looker
// backend from a remote account, or the built-in local server's backend from the running
// server's address and this run's credentials.
namespace BackendFactory {
// The connection settings of an account of that kind (its secret included).
LuzmoConfig luzmoConfig(const Account &account);
LookerConfig lookerConfig(const Account &account);
// The backend of a remote account, with Backend::id() the account id; nullptr for Local (its
// backend is the local server's, createLocal()). `lookerSources`: the LookML sources of new
// Looker conversations.
std::unique_ptr<Backend> create(QNetworkAccessManager &network, const Account &account,
    const QList<LookerSource> &lookerSources = {});
// The running local server as a Luzmo endpoint, and its backend (id "local").
LuzmoConfig localConfig(const LocalServer &server);
std::unique_ptr<LuzmoBackend> createLocal(
    QNetworkAccessManager &network, const LocalServer &server);
} // namespace BackendFactory

#pragma once

#include "app/accounts/accountsettings.h"

class QSettings;

// Reads and writes AccountSettings in QSettings — never a secret:
//   accounts/size, accounts/<n>/{id, kind, name, baseUrl, apiVersion, keyId, transport, agent,
//   task}, accounts/default, accounts/legacyLuzmoId, chat/stream, network/proxy*.
// The first load after an upgrade moves the single-backend settings of older versions
// (backend/kind, luzmo/host, luzmo/apiVersion, luzmo/key, chat/agent, chat/task) into a Luzmo
// account, the default if it was chosen, and removes them (and any stray secret keys).
class AccountStore
{
public:
    static AccountSettings load(QSettings &settings);
    static void save(QSettings &settings, const AccountSettings &accounts);
    // The migration on its own: whether older settings were found and moved.
    static bool migrate(QSettings &settings);
};

#pragma once

#include "app/accounts/account.h"
#include "app/accounts/proxysettings.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

// Why an account change was refused.
struct AccountError
{
    enum class Code { NotFound, LocalNotRemovable, LocalNotEditable, Invalid, DuplicateId };
    Code code = Code::NotFound;
    QString message; // for people
};

// Everything Settings edits: the accounts (the built-in Local account always first), the
// default account of new conversations, whether answers stream, and the network proxy.
// Secrets travel in the accounts' and proxy's `secret`/`password` fields, in memory only.
struct AccountSettings
{
    Q_DECLARE_TR_FUNCTIONS(AccountSettings)
public:
    QList<Account> accounts { Account::local() };
    QString defaultId = Account::localId;
    bool stream = true;
    ProxySettings proxy;
    // The account that took over the single Luzmo backend of older versions (conversations
    // stored before accounts name it "luzmo"); empty when there was none.
    QString legacyLuzmoId;

    const Account *find(const QString &id) const;
    // The account a stored backend id means ("luzmo" from older versions: legacyLuzmoId).
    const Account *resolve(const QString &backendId) const;
    const Account &defaultAccount() const; // Local when the default is gone

    std::optional<AccountError> add(const Account &account);
    std::optional<AccountError> update(const Account &account);
    // Removes the account (the default falls back to Local). Local cannot be removed.
    std::optional<AccountError> remove(const QString &id);
    std::optional<AccountError> setDefault(const QString &id);
    // Puts Local first and makes the default point at an existing account.
    void normalize();

    bool operator==(const AccountSettings &) const = default;
};

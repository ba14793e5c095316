#include "app/accounts/accountsettings.h"

namespace {
AccountError error(AccountError::Code code, const QString &message)
{
    return AccountError { code, message };
}
} // namespace

const Account *AccountSettings::find(const QString &id) const
{
    for (const Account &a : accounts) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

const Account *AccountSettings::resolve(const QString &backendId) const
{
    if (const Account *a = find(backendId))
        return a;
    if (backendId == u"luzmo" && !legacyLuzmoId.isEmpty())
        return find(legacyLuzmoId);
    return nullptr;
}

const Account &AccountSettings::defaultAccount() const
{
    if (const Account *a = find(defaultId))
        return *a;
    static const Account fallback = Account::local();
    const Account *local = find(Account::localId);
    return local ? *local : fallback;
}

std::optional<AccountError> AccountSettings::add(const Account &account)
{
    if (account.id.isEmpty() || find(account.id))
        return error(AccountError::Code::DuplicateId,
            tr("An account with this id already exists: create new accounts with "
               "Account::create()."));
    if (account.kind == Account::Kind::Local)
        return error(AccountError::Code::Invalid, tr("There is only one built-in Local account."));
    if (const QString p = account.problem(); !p.isEmpty())
        return error(AccountError::Code::Invalid, p);
    accounts.append(account);
    return std::nullopt;
}

std::optional<AccountError> AccountSettings::update(const Account &account)
{
    for (Account &a : accounts) {
        if (a.id != account.id)
            continue;
        if (a.isLocal()) {
            // Only the agent defaults of the built-in server can change.
            if (account.kind != Account::Kind::Local || account.baseUrl != a.baseUrl)
                return error(AccountError::Code::LocalNotEditable,
                    tr("The built-in Local account has no address or credentials to change."));
            a.agent = account.agent;
            a.task = account.task;
            return std::nullopt;
        }
        if (account.kind == Account::Kind::Local)
            return error(
                AccountError::Code::Invalid, tr("There is only one built-in Local account."));
        if (const QString p = account.problem(); !p.isEmpty())
            return error(AccountError::Code::Invalid, p);
        a = account;
        return std::nullopt;
    }
    return error(AccountError::Code::NotFound, tr("This account no longer exists."));
}

std::optional<AccountError> AccountSettings::remove(const QString &id)
{
    if (id == Account::localId)
        return error(AccountError::Code::LocalNotRemovable,
            tr("The built-in Local account cannot be removed."));
    const auto removed = accounts.removeIf([&id](const Account &a) { return a.id == id; });
    if (removed == 0)
        return error(AccountError::Code::NotFound, tr("This account no longer exists."));
    if (defaultId == id)
        defaultId = Account::localId;
    if (legacyLuzmoId == id)
        legacyLuzmoId.clear();
    return std::nullopt;
}

std::optional<AccountError> AccountSettings::setDefault(const QString &id)
{
    if (!find(id))
        return error(AccountError::Code::NotFound, tr("This account no longer exists."));
    defaultId = id;
    return std::nullopt;
}

void AccountSettings::normalize()
{
    accounts.removeIf(
        [](const Account &a) { return a.kind == Account::Kind::Local && !a.isLocal(); });
    qsizetype local = -1;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        if (accounts.at(i).isLocal())
            local = i;
    }
    if (local < 0)
        accounts.prepend(Account::local());
    else if (local > 0)
        accounts.move(local, 0);
    if (!find(defaultId))
        defaultId = Account::localId;
}

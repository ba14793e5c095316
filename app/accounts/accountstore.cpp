#include "app/accounts/accountstore.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const auto arrayName = u"accounts"_s;
const auto defaultKey = u"accounts/default"_s;
const auto legacyKey = u"accounts/legacyLuzmoId"_s;
const auto versionKey = u"accounts/version"_s;
const auto streamKey = u"chat/stream"_s;

QString oneOf(const QString &value, const QStringList &allowed)
{
    return allowed.contains(value) ? value : allowed.first();
}

// Keys a secret could have been written under by anything else: removed on every save.
const QStringList straySecretKeys { u"luzmo/token"_s, u"network/proxyPassword"_s };
} // namespace

AccountSettings AccountStore::load(QSettings &settings)
{
    migrate(settings);
    AccountSettings s;
    s.accounts.clear();
    const int size = settings.beginReadArray(arrayName);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        Account a;
        bool known = false;
        a.kind = Account::kindFromName(settings.value(u"kind"_s).toString(), &known);
        a.id = settings.value(u"id"_s).toString();
        if (!known || a.id.isEmpty())
            continue;
        if (a.kind == Account::Kind::Local) {
            a = Account::local();
        } else {
            a.name = settings.value(u"name"_s).toString();
            a.baseUrl = settings.value(u"baseUrl"_s).toString();
            a.apiVersion = settings.value(u"apiVersion"_s, a.apiVersion).toString();
            a.keyId = settings.value(u"keyId"_s).toString();
            a.transport = settings.value(u"transport"_s).toString() == u"socketio"
                ? LuzmoConfig::Transport::SocketIo
                : LuzmoConfig::Transport::Sse;
        }
        const QString agent = settings.value(u"agent"_s, a.agent).toString();
        a.agent
            = a.kind == Account::Kind::Looker ? agent : oneOf(agent, { u"analyst"_s, u"item"_s });
        a.task = oneOf(settings.value(u"task"_s, a.task).toString(),
            { u"generate"_s, u"suggest"_s, u"describe"_s });
        if (!s.find(a.id))
            s.accounts.append(a);
    }
    settings.endArray();
    s.defaultId = settings.value(defaultKey, Account::localId).toString();
    s.legacyLuzmoId = settings.value(legacyKey).toString();
    s.stream = settings.value(streamKey, true).toBool();
    s.proxy = ProxySettings::load(settings);
    s.normalize();
    return s;
}

void AccountStore::save(QSettings &settings, const AccountSettings &accounts)
{
    AccountSettings s = accounts;
    s.normalize();
    settings.remove(arrayName);
    settings.beginWriteArray(arrayName, static_cast<int>(s.accounts.size()));
    for (int i = 0; i < s.accounts.size(); ++i) {
        const Account &a = s.accounts.at(i);
        settings.setArrayIndex(i);
        settings.setValue(u"id"_s, a.id);
        settings.setValue(u"kind"_s, Account::kindName(a.kind));
        if (!a.isLocal()) {
            settings.setValue(u"name"_s, a.name.trimmed());
            settings.setValue(u"baseUrl"_s, a.baseUrl.trimmed());
            settings.setValue(u"keyId"_s, a.keyId.trimmed());
        }
        if (a.kind == Account::Kind::Luzmo) {
            settings.setValue(u"apiVersion"_s, a.apiVersion.trimmed());
            settings.setValue(u"transport"_s,
                a.transport == LuzmoConfig::Transport::SocketIo ? u"socketio"_s : u"sse"_s);
        }
        if (a.kind != Account::Kind::Workflow) {
            settings.setValue(u"agent"_s, a.agent);
            settings.setValue(u"task"_s, a.task);
        }
    }
    settings.endArray();
    settings.setValue(versionKey, 1);
    settings.setValue(defaultKey, s.defaultId);
    if (s.legacyLuzmoId.isEmpty())
        settings.remove(legacyKey);
    else
        settings.setValue(legacyKey, s.legacyLuzmoId);
    settings.setValue(streamKey, s.stream);
    s.proxy.save(settings);
    for (const QString &key : straySecretKeys)
        settings.remove(key);
    settings.sync();
}

bool AccountStore::migrate(QSettings &settings)
{
    if (settings.contains(versionKey))
        return false;
    const bool hadBackend = settings.contains(u"backend/kind"_s)
        || settings.contains(u"luzmo/host"_s) || settings.contains(u"luzmo/key"_s);
    const bool wasLuzmo = settings.value(u"backend/kind"_s).toString() == u"luzmo";
    const QString key = settings.value(u"luzmo/key"_s).toString().trimmed();
    AccountSettings s;
    Account &local = s.accounts.first();
    local.agent = oneOf(
        settings.value(u"chat/agent"_s, local.agent).toString(), { u"analyst"_s, u"item"_s });
    local.task = oneOf(settings.value(u"chat/task"_s, local.task).toString(),
        { u"generate"_s, u"suggest"_s, u"describe"_s });
    s.stream = settings.value(streamKey, true).toBool();
    s.proxy = ProxySettings::load(settings);
    if (wasLuzmo || !key.isEmpty()) {
        Account luzmo = Account::create(Account::Kind::Luzmo);
        luzmo.baseUrl = settings.value(u"luzmo/host"_s, luzmo.baseUrl).toString().trimmed();
        luzmo.apiVersion = settings.value(u"luzmo/apiVersion"_s, luzmo.apiVersion).toString();
        luzmo.keyId = key;
        luzmo.agent = local.agent;
        luzmo.task = local.task;
        s.accounts.append(luzmo);
        s.legacyLuzmoId = luzmo.id;
        if (wasLuzmo)
            s.defaultId = luzmo.id;
    }
    for (const auto &old : { u"backend/kind"_s, u"luzmo/host"_s, u"luzmo/apiVersion"_s,
             u"luzmo/key"_s, u"chat/agent"_s, u"chat/task"_s })
        settings.remove(old);
    save(settings, s);
    return hadBackend;
}

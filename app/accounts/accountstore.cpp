#include "accountstore.h"

#include <QSettings>

namespace {
const auto arrayName = u"accounts"_qs;
const auto defaultKey = u"accounts/default"_qs;
const auto legacyKey = u"accounts/legacyLuzmoId"_qs;
const auto versionKey = u"accounts/version"_qs;
const auto streamKey = u"chat/stream"_qs;

QString oneOf(const QString &value, const QStringList &allowed)
{
    return allowed.contains(value) ? value : allowed.first();
}

// Keys a secret could have been written under by anything else: removed on every save.
const QStringList straySecretKeys { u"luzmo/token"_qs, u"network/proxyPassword"_qs };
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
        a.kind = Account::kindFromName(settings.value(u"kind"_qs).toString(), &known);
        a.id = settings.value(u"id"_qs).toString();
        if (!known || a.id.isEmpty())
            continue;
        if (a.kind == Account::Kind::Local) {
            a = Account::local();
        } else {
            a.name = settings.value(u"name"_qs).toString();
            a.baseUrl = settings.value(u"baseUrl"_qs).toString();
            a.apiVersion = settings.value(u"apiVersion"_qs, a.apiVersion).toString();
            a.keyId = settings.value(u"keyId"_qs).toString();
            a.transport = settings.value(u"transport"_qs).toString() == u"socketio"
                ? LuzmoConfig::Transport::SocketIo
                : LuzmoConfig::Transport::Sse;
        }
        const QString agent = settings.value(u"agent"_qs, a.agent).toString();
        a.agent
            = a.kind == Account::Kind::Looker ? agent : oneOf(agent, { u"analyst"_qs, u"item"_qs });
        a.task = oneOf(settings.value(u"task"_qs, a.task).toString(),
            { u"generate"_qs, u"suggest"_qs, u"describe"_qs });
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
        settings.setValue(u"id"_qs, a.id);
        settings.setValue(u"kind"_qs, Account::kindName(a.kind));
        if (!a.isLocal()) {
            settings.setValue(u"name"_qs, a.name.trimmed());
            settings.setValue(u"baseUrl"_qs, a.baseUrl.trimmed());
            settings.setValue(u"keyId"_qs, a.keyId.trimmed());
        }
        if (a.kind == Account::Kind::Luzmo) {
            settings.setValue(u"apiVersion"_qs, a.apiVersion.trimmed());
            settings.setValue(u"transport"_qs,
                a.transport == LuzmoConfig::Transport::SocketIo ? u"socketio"_qs : u"sse"_qs);
        }
        if (a.kind != Account::Kind::Workflow) {
            settings.setValue(u"agent"_qs, a.agent);
            settings.setValue(u"task"_qs, a.task);
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
    const bool hadBackend = settings.contains(u"backend/kind"_qs)
        || settings.contains(u"luzmo/host"_qs) || settings.contains(u"luzmo/key"_qs);
    const bool wasLuzmo = settings.value(u"backend/kind"_qs).toString() == u"luzmo";
    const QString key = settings.value(u"luzmo/key"_qs).toString().trimmed();
    AccountSettings s;
    Account &local = s.accounts.first();
    local.agent = oneOf(
        settings.value(u"chat/agent"_qs, local.agent).toString(), { u"analyst"_qs, u"item"_qs });
    local.task = oneOf(settings.value(u"chat/task"_qs, local.task).toString(),
        { u"generate"_qs, u"suggest"_qs, u"describe"_qs });
    s.stream = settings.value(streamKey, true).toBool();
    s.proxy = ProxySettings::load(settings);
    if (wasLuzmo || !key.isEmpty()) {
        Account luzmo = Account::create(Account::Kind::Luzmo);
        luzmo.baseUrl = settings.value(u"luzmo/host"_qs, luzmo.baseUrl).toString().trimmed();
        luzmo.apiVersion = settings.value(u"luzmo/apiVersion"_qs, luzmo.apiVersion).toString();
        luzmo.keyId = key;
        luzmo.agent = local.agent;
        luzmo.task = local.task;
        s.accounts.append(luzmo);
        s.legacyLuzmoId = luzmo.id;
        if (wasLuzmo)
            s.defaultId = luzmo.id;
    }
    for (const auto &old : { u"backend/kind"_qs, u"luzmo/host"_qs, u"luzmo/apiVersion"_qs,
             u"luzmo/key"_qs, u"chat/agent"_qs, u"chat/task"_qs })
        settings.remove(old);
    save(settings, s);
    return hadBackend;
}

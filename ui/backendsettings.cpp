#include "backendsettings.h"

#include <QSettings>

namespace {
const auto kindKey = u"backend/kind"_qs;
const auto hostKey = u"luzmo/host"_qs;
const auto versionKey = u"luzmo/apiVersion"_qs;
const auto keyKey = u"luzmo/key"_qs;
const auto tokenKey = u"luzmo/token"_qs;
const auto agentKey = u"chat/agent"_qs;
const auto taskKey = u"chat/task"_qs;
const auto streamKey = u"chat/stream"_qs;

QString oneOf(const QString &value, const QStringList &allowed)
{
    return allowed.contains(value) ? value : allowed.first();
}
} // namespace

BackendSettings BackendSettings::load(const QSettings &settings)
{
    BackendSettings s;
    s.kind = settings.value(kindKey).toString() == u"luzmo" ? Kind::Luzmo : Kind::Local;
    s.host = settings.value(hostKey, s.host).toString();
    s.apiVersion = settings.value(versionKey, s.apiVersion).toString();
    s.key = settings.value(keyKey).toString();
    s.agent = oneOf(settings.value(agentKey, s.agent).toString(), { u"analyst"_qs, u"item"_qs });
    s.task = oneOf(settings.value(taskKey, s.task).toString(),
        { u"generate"_qs, u"suggest"_qs, u"describe"_qs });
    s.stream = settings.value(streamKey, true).toBool();
    return s;
}

void BackendSettings::save(QSettings &settings) const
{
    settings.setValue(kindKey, kind == Kind::Luzmo ? u"luzmo"_qs : u"local"_qs);
    settings.setValue(hostKey, host.trimmed());
    settings.setValue(versionKey, apiVersion.trimmed());
    settings.setValue(keyKey, key.trimmed());
    settings.remove(tokenKey);
    settings.setValue(agentKey, agent);
    settings.setValue(taskKey, task);
    settings.setValue(streamKey, stream);
    settings.sync();
}

QString BackendSettings::hostProblem(const QString &host)
{
    const QString text = host.trimmed();
    if (text.isEmpty())
        return tr("Enter the API address, e.g. https://api.luzmo.com.");
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return tr("This is not a web address. Use e.g. https://api.luzmo.com.");
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return tr("The address must start with https:// (or http:// for a local server).");
    if (url.host().isEmpty())
        return tr("The address needs a host name, e.g. https://api.luzmo.com.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The address cannot have a query (?) or a fragment (#).");
    return {};
}

QUrl BackendSettings::hostUrl() const
{
    return QUrl(host.trimmed(), QUrl::StrictMode);
}

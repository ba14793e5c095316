#include "app/accounts/account.h"

#include <QUuid>

using namespace Qt::StringLiterals;

Account Account::local()
{
    Account a;
    a.id = localId;
    a.kind = Kind::Local;
    a.name = tr("Local (built in)");
    return a;
}

Account Account::create(Kind kind)
{
    Account a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.kind = kind;
    a.name = kindTitle(kind);
    a.baseUrl = kind == Kind::Luzmo ? u"https://api.luzmo.com"_s : QString();
    if (kind == Kind::Looker)
        a.agent.clear();
    return a;
}

QString Account::secretLabel(Kind kind)
{
    switch (kind) {
    case Kind::Luzmo:
        return tr("API token");
    case Kind::Workflow:
        return tr("Bearer token");
    case Kind::Looker:
        return tr("Client secret");
    case Kind::Local:
        break;
    }
    return {};
}

QString Account::keyLabel(Kind kind)
{
    if (kind == Kind::Luzmo)
        return tr("API key");
    if (kind == Kind::Looker)
        return tr("Client ID");
    return {};
}

QString Account::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Local:
        return u"local"_s;
    case Kind::Luzmo:
        return u"luzmo"_s;
    case Kind::Workflow:
        return u"workflow"_s;
    case Kind::Looker:
        return u"looker"_s;
    }
    return {};
}

Account::Kind Account::kindFromName(const QString &name, bool *ok)
{
    for (Kind k : { Kind::Local, Kind::Luzmo, Kind::Workflow, Kind::Looker }) {
        if (kindName(k) == name) {
            if (ok)
                *ok = true;
            return k;
        }
    }
    if (ok)
        *ok = false;
    return Kind::Luzmo;
}

QString Account::kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::Local:
        return tr("Local");
    case Kind::Luzmo:
        return tr("Luzmo");
    case Kind::Workflow:
        return tr("Workflow chat");
    case Kind::Looker:
        return tr("Looker");
    }
    return {};
}

QString Account::exampleUrl(Kind kind)
{
    switch (kind) {
    case Kind::Luzmo:
        return u"https://api.luzmo.com"_s;
    case Kind::Workflow:
        return u"https://workflows.example.com"_s;
    case Kind::Looker:
        return u"https://example.looker.com"_s;
    case Kind::Local:
        break;
    }
    return {};
}

QString Account::problem() const
{
    if (isLocal())
        return {};
    if (name.trimmed().isEmpty())
        return tr("Give the account a name.");
    if (const QString p = urlProblem(baseUrl, exampleUrl(kind)); !p.isEmpty())
        return p;
    if (kind == Kind::Luzmo && keyId.trimmed().isEmpty())
        return tr("Enter the API key (the key id that goes with the token).");
    if (kind == Kind::Looker && keyId.trimmed().isEmpty())
        return tr("Enter the client ID of the Looker API key.");
    return {};
}

QString Account::urlProblem(const QString &url, const QString &example)
{
    const QString text = url.trimmed();
    if (text.isEmpty())
        return tr("Enter the address, e.g. %1.").arg(example);
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme().isEmpty())
        return tr("This is not a web address. Use e.g. %1.").arg(example);
    if (parsed.scheme() != u"http" && parsed.scheme() != u"https")
        return tr("The address must start with https:// (or http:// for a local server).");
    if (parsed.host().isEmpty())
        return tr("The address needs a host name, e.g. %1.").arg(example);
    if (parsed.hasQuery() || parsed.hasFragment())
        return tr("The address cannot have a query (?) or a fragment (#).");
    return {};
}

QString Account::description() const
{
    if (isLocal())
        return name;
    const QString where = url().toDisplayString();
    return tr("%1 (%2 at %3)").arg(name, kindTitle(kind), where);
}

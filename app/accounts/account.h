#pragma once

#include "app/luzmo/luzmoconfig.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

// One backend account as chosen in Settings: what kind of system, its name, address and
// non-secret credentials, and the agent/task defaults of its conversations. `id` is a stable
// UUID (the built-in Local account: "local"); it is the Backend::id() and is stored with each
// conversation. The secret (Luzmo token, workflow Bearer token, Looker client secret) is held
// here in memory only: AccountStore never writes it, the keychain keeps it.
struct Account
{
    Q_DECLARE_TR_FUNCTIONS(Account)
public:
    enum class Kind { Local, Luzmo, Workflow, Looker };
    static inline const QString localId = QStringLiteral("local");

    QString id;
    Kind kind = Kind::Luzmo;
    QString name;
    QString baseUrl;
    QString apiVersion = QStringLiteral("0.1.0"); // Luzmo
    QString keyId; // Luzmo API key id, Looker client id
    LuzmoConfig::Transport transport = LuzmoConfig::Transport::Sse; // Luzmo
    QString agent = QStringLiteral("analyst"); // Local/Luzmo: analyst | item; Looker: agent id
    QString task = QStringLiteral("generate"); // Local/Luzmo: generate | suggest | describe
    QString secret; // never saved by AccountStore

    // The built-in local server's account (always present, not removable).
    static Account local();
    // A new account of `kind` with a fresh UUID, a default name and address.
    static Account create(Kind kind);

    bool isLocal() const { return id == localId; }
    bool hasSecret() const { return kind != Kind::Local; }
    // What the secret and key are called for this kind ("API token", "Client secret"...).
    static QString secretLabel(Kind kind);
    static QString keyLabel(Kind kind); // empty: the kind has no key id
    static QString kindName(Kind kind); // "local", "luzmo", "workflow", "looker"
    static Kind kindFromName(const QString &name, bool *ok = nullptr);
    static QString kindTitle(Kind kind); // "Luzmo", "Workflow chat", ...
    static QString exampleUrl(Kind kind);

    // Why the account cannot be used as it is, in words; empty when it can (the secret is not
    // checked: it may still be loading from the keychain).
    QString problem() const;
    // Why `url` is not a usable API address, in words; empty when it is.
    static QString urlProblem(const QString &url, const QString &example);
    QUrl url() const { return QUrl(baseUrl.trimmed(), QUrl::StrictMode); }
    // For people: "Luzmo EU (Luzmo at https://api.luzmo.com)".
    QString description() const;

    bool operator==(const Account &) const = default;
};

#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QSettings;

// The single-backend settings of versions before accounts: the built-in local server or one
// Luzmo account, and the agent, task and streaming defaults. AccountStore migrates what save()
// wrote into a Luzmo account; BackendController::apply(BackendSettings) still takes this form.
// The token is never written by save().
struct BackendSettings
{
    Q_DECLARE_TR_FUNCTIONS(BackendSettings)
public:
    enum class Kind { Local, Luzmo };

    Kind kind = Kind::Local;
    QString host = QStringLiteral("https://api.luzmo.com");
    QString apiVersion = QStringLiteral("0.1.0");
    QString key;
    QString token; // never written by save()
    QString agent = QStringLiteral("analyst"); // "analyst" | "item"
    QString task = QStringLiteral("generate"); // "generate" | "suggest" | "describe"
    bool stream = true;

    // Reads what save() wrote; the token is left empty.
    static BackendSettings load(const QSettings &settings);
    // Writes everything but the token (and removes a token key left by anything else).
    void save(QSettings &settings) const;

    // Why `host` is not a usable API address, in words; empty when it is.
    static QString hostProblem(const QString &host);
    QUrl hostUrl() const;

    bool operator==(const BackendSettings &) const = default;
};

#pragma once

#include "app/cli/command.h"

#include <QNetworkAccessManager>
#include <QString>

#include <memory>

class LocalBackend;
class QSocketNotifier;

// `chartroom-cli serve`: runs the local Luzmo-compatible analyst server until SIGINT or
// SIGTERM, then finishes with exit code 0. Prints "listening on http://127.0.0.1:PORT" when
// ready, and the key and token a client needs (random for this run unless given: --key/--token
// or CHARTROOM_KEY/CHARTROOM_TOKEN).
class ServeCommand : public Command
{
    Q_OBJECT
public:
    // `line`: the words after "serve", parsed with options().
    ServeCommand(const QString &dataDirectory, CommandLine line, const Output &output);
    ~ServeCommand() override;

    static QList<QCommandLineOption> options();
    static QString usage();

private:
    int run() override; // Running: listening until a signal comes

    QString m_dataDirectory;
    const CommandLine m_line;
    QNetworkAccessManager m_network;
    std::unique_ptr<LocalBackend> m_local;
    std::unique_ptr<QSocketNotifier> m_signals;
};

#pragma once

#include "app/cli/command.h"

#include <QString>
#include <QStringList>

#include <memory>

class Backend;
class ChartDataFetcher;
class ChatSession;
class LocalBackend;
class QNetworkAccessManager;
class Repository;

// `chartroom-cli ask PROMPT`: sends the prompt through the same ChatSession as the GUI (so the
// answer is stored the same way) and prints the answer as it streams, or with --json each
// decoded event as one JSON line, then a final {"type":"result", ...} line. Then it stores the
// data of the answer's line charts, so they render offline.
class AskCommand : public Command
{
    Q_OBJECT
public:
    // `line`: the words after "ask", parsed with options(). Without --url the built-in server
    // over `dataDirectory` answers, started in this process.
    AskCommand(Repository &repository, QNetworkAccessManager &network, CommandLine line,
        const QString &dataDirectory, const Output &output);
    ~AskCommand() override;

    static QList<QCommandLineOption> options();
    static QString usage();

private:
    int run() override;
    int connectBackend(const QString &kind, const QUrl &url); // makes m_backend
    void onAnswered();
    void storeChartData();
    void onChartDone();
    int report();

    Repository &m_repository;
    QNetworkAccessManager &m_network;
    const CommandLine m_line;
    QString m_dataDirectory;
    bool m_json = false;
    std::unique_ptr<LocalBackend> m_local;
    std::unique_ptr<Backend> m_remote;
    Backend *m_backend = nullptr;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<ChartDataFetcher> m_fetcher;
    QString m_printed; // what text mode has written so far
    QStringList m_storeErrors;
    qint64 m_answerId = 0;
    qint64 m_conversationId = 0; // where the answer is stored (it may join an earlier copy)
    int m_chartsPending = 0;
    bool m_sent = false;
    bool m_answered = false;
};

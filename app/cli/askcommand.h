#pragma once

#include "app/cli/output.h"

#include <QString>

class Backend;
class Repository;

// `chartroom-cli ask PROMPT`: sends the prompt through the same ChatSession as the GUI (so the
// answer is stored the same way) and prints the answer as it streams, or with --json each
// decoded event as one JSON line, then a final {"type":"result", ...} line.
class AskCommand
{
public:
    struct Options
    {
        QString prompt;
        qint64 conversationId = 0; // local id; 0 starts a new conversation
        QString agent = QStringLiteral("analyst");
        QString task = QStringLiteral("generate");
        bool stream = true;
        bool json = false;
    };

    AskCommand(Repository &repository, Backend &backend, const Output &output);
    int run(const Options &options);

    static QString usage();

private:
    void storeChartData(qint64 answerId);

    Repository &m_repository;
    Backend &m_backend;
    const Output &m_output;
};

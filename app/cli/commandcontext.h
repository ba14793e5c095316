#pragma once

#include "app/cli/commandline.h"
#include "app/cli/output.h"
#include "models/database.h"

#include <memory>

class QNetworkAccessManager;
class Repository;

// What a command of chartroom-cli is made from: its parsed command line, where it writes, the
// data folder, and the store and network access, opened when a command asks for them.
class CommandContext
{
public:
    CommandContext(const Output &output, CommandLine line);
    ~CommandContext();

    const Output &output() const { return m_output; }
    const CommandLine &line() const { return m_line; }
    // --data-dir (before or after the command), else CHARTROOM_DATA_DIR, else the default.
    const QString &dataDirectory() const { return m_dataDirectory; }
    // The history store in the data folder; nullptr (the reason printed) when it cannot open.
    Repository *repository();
    QNetworkAccessManager &network();

private:
    const Output &m_output;
    const CommandLine m_line;
    const QString m_dataDirectory;
    Database m_database;
    std::unique_ptr<Repository> m_repository;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

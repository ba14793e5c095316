#pragma once

#include "app/cli/command.h"

#include <QStringList>

class DatasetStore;

// `chartroom-cli import FILE.csv [--name NAME] [--json]`: imports a CSV file into the datasets
// store and prints the dataset id, its row count and its columns with their types.
// Exit codes: 0 imported, 1 failed (missing or unreadable file, bad rows, store errors), 2 usage.
class ImportCommand : public Command
{
    Q_OBJECT
public:
    // The store is opened (DIR/datasets.sqlite) by start(), in the data directory given.
    // `line`: the words after "import", parsed with options().
    ImportCommand(const QString &dataDirectory, CommandLine line, const Output &output);

    static QList<QCommandLineOption> options();
    static QString usage();

private:
    int run() override;
    int import(DatasetStore &store, const QString &file, const QString &name);

    QString m_dataDirectory;
    const CommandLine m_line;
    const bool m_json;
};

#pragma once

#include "app/cli/output.h"

#include <QStringList>

class DatasetStore;

// `chartroom-cli import FILE.csv [--name NAME] [--json]`: imports a CSV file into the datasets
// store and prints the dataset id, its row count and its columns with their types.
// Exit codes: 0 imported, 1 failed (missing or unreadable file, bad rows, store errors), 2 usage.
class ImportCommand
{
public:
    // The store is opened (DIR/datasets.sqlite) by run(), in the data directory given.
    ImportCommand(const QString &dataDirectory, Output output = Output());

    // `arguments` are the words after "import". Returns an ExitCode.
    int run(const QStringList &arguments);

    static QString usage();

private:
    int import(DatasetStore &store, const QString &file, const QString &name);

    QString m_dataDirectory;
    Output m_output;
    bool m_json = false;
};

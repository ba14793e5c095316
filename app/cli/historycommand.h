#pragma once

#include "output.h"

#include <QStringList>

class Repository;

// `chartroom-cli history list | show ID | search QUERY`, as text or JSON.
class HistoryCommand
{
public:
    HistoryCommand(Repository &repository, const Output &output, bool json);

    // `arguments` are the words after "history". Returns an ExitCode.
    int run(const QStringList &arguments);

    static QString usage();

private:
    int list();
    int show(const QString &idText);
    int search(const QString &query);

    Repository &m_repository;
    const Output &m_output;
    bool m_json;
};

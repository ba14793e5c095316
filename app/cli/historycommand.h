#pragma once

#include "app/cli/command.h"
#include "models/searchfilter.h"

#include <QStringList>

class Repository;

// `chartroom-cli history list | show ID | search QUERY [filters]`, as text or JSON. The
// search filters may stand anywhere after "search": --backend NAME, --from YYYY-MM-DD,
// --to YYYY-MM-DD (inclusive days, local time), --has-chart; "--name=value" works too.
class HistoryCommand : public Command
{
    Q_OBJECT
public:
    // `line`: the words after "history", parsed with options().
    HistoryCommand(Repository &repository, CommandLine line, const Output &output);

    static QList<QCommandLineOption> options();
    static QString usage();

private:
    int run() override;
    int list();
    int show(const QString &idText);
    int search(const QStringList &words);
    int search(const QString &query, const SearchFilter &filter);

    Repository &m_repository;
    const CommandLine m_line;
    const bool m_json;
};

#pragma once

#include "app/cli/output.h"
#include "models/searchfilter.h"

#include <QStringList>

class Repository;

// `chartroom-cli history list | show ID | search QUERY [filters]`, as text or JSON. The
// search filters may stand anywhere after "search": --backend NAME, --from YYYY-MM-DD,
// --to YYYY-MM-DD (inclusive days, local time), --has-chart; "--name=value" works too.
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
    int search(const QStringList &arguments);
    int search(const QString &query, const SearchFilter &filter);

    Repository &m_repository;
    const Output &m_output;
    bool m_json;
};

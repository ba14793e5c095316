#pragma once

#include "app/cli/output.h"

#include <QStringList>

class Repository;

// `chartroom-cli export ASSET_ID --format png|svg|pdf|csv|json --out FILE [--width W --height H]`
// One chart asset to a file, drawn from the data stored with it (no network). Exit codes: 0 done,
// 1 failed (unknown asset, no stored data, unwritable file…), 2 usage. Errors in words on stderr.
// Needs a QApplication (QtCharts draws through QGraphicsWidget); without a display, use the
// offscreen platform (QT_QPA_PLATFORM=offscreen). The entry point must link chartroom_charts.
class ExportCommand
{
public:
    ExportCommand(Repository &repository, const Output &output);

    // `arguments`: the words after "export", options included.
    int run(const QStringList &arguments);
    static QString usage();

private:
    Repository &m_repository;
    const Output &m_output;
};

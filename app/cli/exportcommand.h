#pragma once

#include "app/cli/command.h"

#include <QStringList>

class Repository;

// `chartroom-cli export ASSET_ID --format png|svg|pdf|csv|json --out FILE [--width W --height H]`
// One chart asset to a file, drawn from the data stored with it (no network). Exit codes: 0 done,
// 1 failed (unknown asset, no stored data, unwritable file…), 2 usage. Errors in words on stderr.
// Needs a QApplication (QtCharts draws through QGraphicsWidget); without a display, use the
// offscreen platform (QT_QPA_PLATFORM=offscreen). The entry point must link chartroom_charts.
class ExportCommand : public Command
{
    Q_OBJECT
public:
    // `line`: the words after "export", parsed with options().
    ExportCommand(Repository &repository, CommandLine line, const Output &output);

    static QList<QCommandLineOption> options();
    static QString usage();

private:
    int run() override;

    Repository &m_repository;
    const CommandLine m_line;
};

#pragma once

#include "app/cli/command.h"
#include "app/export/chartimagerenderer.h"

#include <QStringList>

class Repository;

// `chartroom-cli export-conversation ID [--format md|html|pdf|json] --out FILE`: writes one
// conversation as Markdown, self-contained HTML, PDF or JSON (ConversationExporter). Without
// --format the format comes from FILE's extension. Charts are drawn by `renderer` (none:
// placeholders). HTML and PDF need a QGuiApplication (QT_QPA_PLATFORM=offscreen is enough).
// Exit codes: 0 written, 1 failed (unknown or deleted conversation, unwritable file), 2 usage.
class ExportConversationCommand : public Command
{
    Q_OBJECT
public:
    // `line`: the words after "export-conversation", parsed with options() (--format F,
    // --out FILE, also as --format=F and --out=FILE).
    ExportConversationCommand(Repository &repository, CommandLine line, const Output &output,
        ChartImageRenderer renderer = {});

    static QList<QCommandLineOption> options();
    static QString usage();

private:
    int run() override;
    int wrongUsage(const QString &message);

    Repository &m_repository;
    const CommandLine m_line;
    ChartImageRenderer m_renderer;
};

#pragma once

#include "app/cli/output.h"
#include "app/export/chartimagerenderer.h"

#include <QStringList>

class Repository;

// `chartroom-cli export-conversation ID [--format md|html|pdf|json] --out FILE`: writes one
// conversation as Markdown, self-contained HTML, PDF or JSON (ConversationExporter). Without
// --format the format comes from FILE's extension. Charts are drawn by `renderer` (none:
// placeholders). HTML and PDF need a QGuiApplication (QT_QPA_PLATFORM=offscreen is enough).
// Exit codes: 0 written, 1 failed (unknown or deleted conversation, unwritable file), 2 usage.
class ExportConversationCommand
{
public:
    ExportConversationCommand(
        Repository &repository, const Output &output, ChartImageRenderer renderer = {});

    // `arguments` are the words after "export-conversation", options included
    // (--format F, --out FILE, also as --format=F and --out=FILE). Returns an ExitCode.
    int run(const QStringList &arguments);

    static QString usage();

private:
    int usageError(const QString &message);

    Repository &m_repository;
    const Output &m_output;
    ChartImageRenderer m_renderer;
};

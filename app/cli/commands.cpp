#include "app/cli/commands.h"

#include "app/cli/askcommand.h"
#include "app/cli/commandcontext.h"
#include "app/cli/exportcommand.h"
#include "app/cli/exportconversationcommand.h"
#include "app/cli/historycommand.h"
#include "app/cli/importcommand.h"
#include "app/cli/servecommand.h"
#include "app/cli/synccommand.h"
#include "ui/chart/chartexport.h"

using namespace Qt::StringLiterals;

namespace {
// The commands that read or write the history store get it opened; nullptr when it cannot open.
template<typename Make> std::unique_ptr<Command> withRepository(CommandContext &c, Make make)
{
    Repository *repository = c.repository();
    return repository ? make(*repository) : nullptr;
}

std::unique_ptr<Command> history(CommandContext &c)
{
    return withRepository(c, [&c](Repository &repository) {
        return std::make_unique<HistoryCommand>(repository, c.line(), c.output());
    });
}

std::unique_ptr<Command> ask(CommandContext &c)
{
    return withRepository(c, [&c](Repository &repository) {
        return std::make_unique<AskCommand>(
            repository, c.network(), c.line(), c.dataDirectory(), c.output());
    });
}

std::unique_ptr<Command> sync(CommandContext &c)
{
    return withRepository(c, [&c](Repository &repository) {
        return std::make_unique<SyncCommand>(
            repository, c.network(), c.output(), c.line(), c.dataDirectory());
    });
}

std::unique_ptr<Command> serve(CommandContext &c)
{
    return std::make_unique<ServeCommand>(c.dataDirectory(), c.line(), c.output());
}

std::unique_ptr<Command> import(CommandContext &c)
{
    return std::make_unique<ImportCommand>(c.dataDirectory(), c.line(), c.output());
}

std::unique_ptr<Command> exportChart(CommandContext &c)
{
    return withRepository(c, [&c](Repository &repository) {
        return std::make_unique<ExportCommand>(repository, c.line(), c.output());
    });
}

std::unique_ptr<Command> exportConversation(CommandContext &c)
{
    // Charts in HTML and PDF are drawn from their stored data.
    return withRepository(c, [&c](Repository &repository) {
        return std::make_unique<ExportConversationCommand>(
            repository, c.line(), c.output(), &ChartExport::image);
    });
}

const QList<Commands::Entry> &entries()
{
    static const QList<Commands::Entry> all = {
        { u"history"_s, false, &HistoryCommand::options, &HistoryCommand::usage, &history },
        { u"ask"_s, false, &AskCommand::options, &AskCommand::usage, &ask },
        { u"sync"_s, false, &SyncCommand::options, &SyncCommand::usage, &sync },
        { u"serve"_s, false, &ServeCommand::options, &ServeCommand::usage, &serve },
        { u"import"_s, false, &ImportCommand::options, &ImportCommand::usage, &import },
        { u"export"_s, true, &ExportCommand::options, &ExportCommand::usage, &exportChart },
        { u"export-conversation"_s, true, &ExportConversationCommand::options,
            &ExportConversationCommand::usage, &exportConversation },
    };
    return all;
}
} // namespace

const Commands::Entry *Commands::find(const QString &name)
{
    for (const Entry &entry : entries()) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

QString Commands::usage()
{
    return u"usage: chartroom-cli [--data-dir DIR] [--json] COMMAND ...\n"
           u"commands:\n"
           u"  history list            conversations, newest first\n"
           u"  history show ID         one conversation with its messages and asset ids\n"
           u"  history search QUERY    full-text search (words, prefix*, \"phrases\", OR, NOT)\n"
           u"      [--backend NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--has-chart]\n"
           u"  ask PROMPT              ask a question; the answer streams and is stored\n"
           u"      [--url URL] [--key K] [--token T] [--conversation ID]\n"
           u"      [--agent item|analyst] [--task generate|suggest|describe] [--no-stream]\n"
           u"      [--backend local|luzmo|workflow|looker] [--transport sse|socketio]\n"
           u"      luzmo: --key/--token; workflow: --token (Bearer); looker: --key = client id,\n"
           u"      --token = client secret, [--looker-agent ID] [--looker-source "
           u"MODEL/EXPLORE]...\n"
           u"      without --url the built-in local analyst server answers (offline)\n"
           u"      credentials may also come from CHARTROOM_KEY and CHARTROOM_TOKEN\n"
           u"  sync [--url URL --key K --token T]\n"
           u"                          pull a backend's history (default: the built-in server)\n"
           u"  serve [--port N] [--key K --token T]\n"
           u"                          run the local Luzmo-compatible server until Ctrl+C\n"
           u"  import FILE.csv [--name NAME]\n"
           u"                          add a CSV file as a dataset of the local server\n"
           u"  export ASSET_ID --format png|svg|pdf|csv|json --out FILE [--width W --height H]\n"
           u"                          one chart, from its stored data\n"
           u"  export-conversation ID --format md|html|pdf|json --out FILE\n"
           u"                          a whole conversation, charts included\n"_s;
}

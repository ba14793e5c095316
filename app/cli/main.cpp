// chartroom-cli: the headless entry point. Reads the global options and the command's name,
// makes the application the command needs, parses the rest of the line with the command's own
// options and runs the command under the event loop until it finishes.

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commands.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Which command runs decides which application is made, so the words are read before it is
    // (as QCoreApplication::arguments() will have them).
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const Output output;
    const CommandLine global = CommandLine::global(arguments, Commands::usage());
    const QStringList words = global.positional();
    const Commands::Entry *entry = global.failure() ? nullptr : Commands::find(words.value(0));

    // Charts are drawn with Qt Charts, which needs a (widgets) application: the export commands
    // get one, offscreen unless a display is there; every other command stays a plain one.
    const bool drawsCharts = entry && entry->drawsCharts;
    if (drawsCharts && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = drawsCharts
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(u"Chartroom"_s);
    QCoreApplication::setApplicationName(u"chartroom"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHARTROOM_VERSION));

    if (const auto &failure = global.failure()) {
        output.error(failure->text);
        output.error(Commands::usage());
        return ExitUsage;
    }
    if (global.help()) {
        output.write(global.helpText());
        return ExitOk;
    }
    if (global.version()) {
        output.line(u"chartroom-cli " + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    if (!entry) {
        const QString name = words.value(0);
        output.error(name.isEmpty() ? u"no command given"_s : u"unknown command \"" + name + u"\"");
        output.error(Commands::usage());
        return ExitUsage;
    }

    CommandContext context(
        output, CommandLine(entry->options(), words.mid(1), &global, entry->usage()));
    if (context.line().help() && !context.line().failure()) {
        output.write(context.line().helpText());
        return ExitOk;
    }
    const std::unique_ptr<Command> command = entry->make(context);
    if (!command)
        return ExitFailure;
    QObject::connect(command.get(), &Command::finished, app.get(),
        [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, command.get(), &Command::start);
    return QCoreApplication::exec();
}

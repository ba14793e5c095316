#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <memory>

class Command;
class CommandContext;

// The commands of chartroom-cli, by name: each with its options (for its own CommandLine), its
// usage line, whether it draws charts (then main() makes a QApplication, else a
// QCoreApplication) and the factory that makes it.
namespace Commands {
struct Entry
{
    QString name;
    bool drawsCharts = false;
    QList<QCommandLineOption> (*options)() = nullptr;
    QString (*usage)() = nullptr;
    // nullptr: it cannot be made (the store does not open; the reason is printed).
    std::unique_ptr<Command> (*make)(CommandContext &context) = nullptr;
};

// nullptr for an unknown name.
const Entry *find(const QString &name);
// `chartroom-cli`'s usage: every command with its options.
QString usage();
} // namespace Commands

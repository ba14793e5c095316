#include "app/cli/servecommand.h"

#include "app/core/localbackend.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
int signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the pipe.
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}
} // namespace

ServeCommand::ServeCommand(const QString &dataDirectory, CommandLine line, const Output &output)
    : Command(output)
    , m_dataDirectory(dataDirectory)
    , m_line(std::move(line))
{
}

ServeCommand::~ServeCommand()
{
    if (!m_signals)
        return;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_signals.reset();
    for (int &fd : signalPipe) {
        ::close(fd);
        fd = -1;
    }
}

QList<QCommandLineOption> ServeCommand::options()
{
    return QList<QCommandLineOption> {
        { u"port"_s, u"serve: the port on 127.0.0.1 (default: any free)."_s, u"N"_s },
    }
    + CommandLine::credentialOptions();
}

QString ServeCommand::usage()
{
    return u"usage: chartroom-cli serve [--port N] [--key K --token T] [--data-dir DIR]"_s;
}

int ServeCommand::run()
{
    if (const auto &failure = m_line.failure())
        return usageError(*failure, usage());
    LocalServer::Options options;
    options.dataDirectory = m_dataDirectory;
    options.key = m_line.valueOrEnvironment(u"key"_s, "CHARTROOM_KEY");
    options.token = m_line.valueOrEnvironment(u"token"_s, "CHARTROOM_TOKEN");
    if (options.key.isEmpty() != options.token.isEmpty()) {
        m_output.error(u"serve: give both --key and --token, or neither."_s);
        return ExitUsage;
    }
    bool ok = true;
    options.port = m_line.isSet(u"port"_s) ? m_line.value(u"port"_s).toUShort(&ok) : 0;
    if (!ok || !m_line.positional().isEmpty()) {
        m_output.error(usage());
        return ExitUsage;
    }
    const bool printKey = options.key.isEmpty();
    const bool printToken = options.token.isEmpty();
    m_local = std::make_unique<LocalBackend>(m_network, options);
    if (const QString error = m_local->start(); !error.isEmpty()) {
        m_output.error(error);
        return ExitFailure;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        m_output.error(u"Cannot set up signal handling."_s);
        return ExitFailure;
    }
    m_signals = std::make_unique<QSocketNotifier>(signalPipe[0], QSocketNotifier::Read);
    connect(m_signals.get(), &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        finish(ExitOk);
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    const LocalServer &server = m_local->server();
    if (printKey)
        m_output.line(u"key: "_s + server.key());
    if (printToken)
        m_output.line(u"token: "_s + server.token());
    m_output.line(u"listening on "_s + server.url());
    return Running;
}

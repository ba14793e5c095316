#include "app/cli/servecommand.h"

#include "app/server/localserver.h"

#include <QCoreApplication>
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

int ServeCommand::run(const Options &options)
{
    LocalServer::Options serverOptions;
    serverOptions.dataDirectory = options.dataDirectory;
    serverOptions.port = options.port;
    serverOptions.key = options.key;
    serverOptions.token = options.token;
    LocalServer server(serverOptions);
    if (const QString error = server.start(); !error.isEmpty()) {
        m_output.error(error);
        return ExitFailure;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        m_output.error(u"Cannot set up signal handling."_s);
        return ExitFailure;
    }
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    if (options.printCredentials && options.key.isEmpty())
        m_output.line(u"key: "_s + server.key());
    if (options.printCredentials && options.token.isEmpty())
        m_output.line(u"token: "_s + server.token());
    m_output.line(u"listening on "_s + server.url());
    const int code = QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return code == 0 ? ExitOk : ExitFailure;
}

// Sync benchmark (issue 7.5): messages/s pulled from a loopback Luzmo-compatible server into a
// fresh store, and the longest the event loop went without a turn meanwhile (a 1 ms timer
// measures the gaps between its ticks).
// Usage: bench_sync [--smoke] [--conversations N] [--messages M] [--page-size P]
// Prints one line per measurement; never asserts a time.

#include "app/luzmo/luzmoclient.h"
#include "app/sync/luzmosyncsource.h"
#include "app/sync/syncengine.h"
#include "models/database.h"
#include "models/repository.h"
#include "tests/app/sync/fakeluzmohistory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
int argValue(const QStringList &args, const QString &name, int fallback)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const bool smoke = args.contains(u"--smoke"_s);
    const int conversations = argValue(args, u"--conversations"_s, smoke ? 10 : 100);
    const int messages = argValue(args, u"--messages"_s, smoke ? 10 : 100);
    const int pageSize = argValue(args, u"--page-size"_s, 0);

    FakeLuzmoHistory history;
    if (!history.listen()) {
        std::fprintf(stderr, "cannot listen on loopback\n");
        return 1;
    }
    history.generate(conversations, messages, QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));
    QTemporaryDir dir;
    Database database;
    if (StoreStatus e = database.open(dir.path())) {
        std::fprintf(stderr, "%s\n", qPrintable(e->toString()));
        return 1;
    }
    Repository repository(database);
    QNetworkAccessManager network;
    LuzmoConfig config;
    config.host = QUrl(history.url());
    config.key = u"k"_s;
    config.token = u"t"_s;
    LuzmoClient client(network, config);
    LuzmoSyncSource source(client, u"luzmo"_s);
    if (pageSize > 0)
        source.setPageSize(pageSize);
    SyncEngine engine(repository, source);

    QElapsedTimer sinceTick;
    qint64 longestGapMs = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &ticker,
        [&] { longestGapMs = std::max(longestGapMs, sinceTick.restart()); });

    QEventLoop loop;
    int exitCode = 0;
    SyncReport report;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncReport &r) {
        report = r;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const SyncError &e) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(e.message));
        exitCode = 1;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    sinceTick.start();
    ticker.start();
    engine.start();
    loop.exec();
    ticker.stop();
    const qint64 ms = std::max<qint64>(1, clock.elapsed());
    if (exitCode != 0)
        return exitCode;

    std::printf("sync: %d conversations x %d messages, pages of %d conversations (0: sized to ~%d "
                "messages)\n",
        conversations, messages, pageSize, LuzmoSyncSource::messageBudget);
    std::printf("sync: %d messages (%d charts) in %lld ms = %.0f messages/s, %d pages\n",
        report.messagesAdded, report.assetsAdded, static_cast<long long>(ms),
        report.messagesAdded * 1000.0 / double(ms), report.pages);
    std::printf("sync: longest event-loop stall %lld ms\n", static_cast<long long>(longestGapMs));

    // A second run with nothing new (the incremental path).
    clock.restart();
    engine.start();
    loop.exec();
    std::printf("sync: re-run with nothing new %lld ms (%d messages seen)\n",
        static_cast<long long>(clock.elapsed()), report.messagesSeen);
    return exitCode;
}

// Sync benchmark (issues 7.5, 14.5): messages/s pulled from a loopback Luzmo-compatible server
// into a fresh store, and the longest the event loop went without a turn meanwhile (a 1 ms timer
// measures the gaps between its ticks). The server runs on a thread of its own, as a real server
// is another process: building its answers is not the client's stall.
// Usage: bench_sync [--smoke] [--conversations N] [--messages M] [--page-size P]
// Prints one JSON line per run; never asserts a time. --smoke also checks that the store holds
// every message the server has (a plain SQL count).

#include "app/luzmo/luzmoclient.h"
#include "app/sync/luzmosyncsource.h"
#include "app/sync/syncengine.h"
#include "models/database.h"
#include "models/repository.h"
#include "tests/app/sync/fakeluzmohistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
int argValue(const QStringList &args, const QString &name, int fallback)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

// The history server on a thread of its own: created, filled and destroyed there.
class ServerThread
{
public:
    ServerThread()
    {
        m_thread.setObjectName(u"bench-server"_s);
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~ServerThread()
    {
        run([this] { m_history.reset(); });
        m_thread.quit();
        m_thread.wait();
    }
    bool start(int conversations, int messages)
    {
        bool listening = false;
        run([&] {
            m_history = std::make_unique<FakeLuzmoHistory>();
            listening = m_history->listen();
            m_history->generate(
                conversations, messages, QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));
            m_url = m_history->url();
        });
        return listening;
    }
    QString url() const { return m_url; }

private:
    template<typename F> void run(F &&f)
    {
        QMetaObject::invokeMethod(&m_context, std::forward<F>(f), Qt::BlockingQueuedConnection);
    }

    QThread m_thread;
    QObject m_context;
    std::unique_ptr<FakeLuzmoHistory> m_history;
    QString m_url;
};

// CPU milliseconds each thread of this process has used so far, by thread name (Linux
// /proc/self/task/*/stat: utime + stime). On a shared machine the wall time also counts other
// programs' turns; the busiest thread's CPU time is what bounds the sync on a machine of its own.
QHash<QString, double> threadCpuMs()
{
    QHash<QString, double> result;
    const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    for (const QString &task :
        QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(u"/proc/self/task/"_s + task + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 13) // fields after the name: state is 0, utime 11, stime 12
            continue;
        const QString name = QString::fromUtf8(line.mid(open + 1, close - open - 1));
        result[name] += (fields.at(11).toDouble() + fields.at(12).toDouble()) * tick;
    }
    return result;
}

struct Run
{
    SyncReport report;
    qint64 ms = 0;
    qint64 longestGapMs = 0;
    bool ok = true;
};

Run runSync(SyncEngine &engine)
{
    Run run;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &ticker,
        [&] { run.longestGapMs = std::max(run.longestGapMs, sinceTick.restart()); });
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncReport &r) {
        run.report = r;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const SyncError &e) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(e.message));
        run.ok = false;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    sinceTick.start();
    ticker.start();
    engine.start();
    loop.exec();
    run.ms = std::max<qint64>(1, clock.elapsed());
    return run;
}

qint64 storedMessages(Database &database)
{
    QSqlQuery query(u"SELECT count(*) FROM messages"_s, database.connection());
    return query.next() ? query.value(0).toLongLong() : -1;
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

    ServerThread server;
    if (!server.start(conversations, messages)) {
        std::fprintf(stderr, "cannot listen on loopback\n");
        return 1;
    }
    QTemporaryDir dir;
    Database database;
    if (StoreStatus e = database.open(dir.path())) {
        std::fprintf(stderr, "%s\n", qPrintable(e->toString()));
        return 1;
    }
    Repository repository(database);
    QNetworkAccessManager network;
    LuzmoConfig config;
    config.host = QUrl(server.url());
    config.key = u"k"_s;
    config.token = u"t"_s;
    LuzmoClient client(network, config);
    LuzmoSyncSource source(client, u"luzmo"_s);
    if (pageSize > 0)
        source.setPageSize(pageSize);
    SyncEngine engine(repository, source);

    const QHash<QString, double> cpuBefore = threadCpuMs();
    const Run first = runSync(engine);
    if (!first.ok)
        return 1;
    const QHash<QString, double> cpuAfter = threadCpuMs();
    const auto cpu
        = [&](const QString &thread) { return cpuAfter.value(thread) - cpuBefore.value(thread); };
    const double mainCpu = cpu(u"bench_sync"_s), storeCpu = cpu(u"sync-store"_s);
    const Run again = runSync(engine); // nothing new: the incremental path
    if (!again.ok)
        return 1;
    std::printf("{\"bench\":\"sync\",\"conversations\":%d,\"messages\":%d,\"charts\":%d,"
                "\"pages\":%d,\"ms\":%lld,\"messages_per_s\":%.0f,\"longest_stall_ms\":%lld,"
                "\"main_cpu_ms\":%.0f,\"store_cpu_ms\":%.0f,\"server_cpu_ms\":%.0f,"
                "\"messages_per_busiest_cpu_s\":%.0f,\"rerun_ms\":%lld,"
                "\"rerun_longest_stall_ms\":%lld}\n",
        conversations, first.report.messagesAdded, first.report.assetsAdded, first.report.pages,
        static_cast<long long>(first.ms), first.report.messagesAdded * 1000.0 / double(first.ms),
        static_cast<long long>(first.longestGapMs), mainCpu, storeCpu, cpu(u"bench-server"_s),
        first.report.messagesAdded * 1000.0 / std::max(1.0, std::max(mainCpu, storeCpu)),
        static_cast<long long>(again.ms), static_cast<long long>(again.longestGapMs));

    const qint64 expected = qint64(conversations) * messages;
    if (first.report.messagesAdded != expected || storedMessages(database) != expected
        || again.report.messagesAdded != 0) {
        std::fprintf(stderr,
            "bench_sync: %lld messages expected, %d added, %lld stored, %d added again\n",
            static_cast<long long>(expected), first.report.messagesAdded,
            static_cast<long long>(storedMessages(database)), again.report.messagesAdded);
        return 1;
    }
    return 0;
}

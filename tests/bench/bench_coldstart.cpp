// Cold start (issue 14.4): the real chartroom binary over a data folder whose store holds a big
// history, from the launch to the window's first paint, and its peak resident memory.
// Usage: bench_coldstart [--smoke] [--messages N] [--dir DIR] [--runs R]
//   --messages N  the history: N / 100 conversations of 100 messages each (default 1,000,000)
//   --dir DIR     keeps the store in DIR/chartroom.sqlite: the first run writes it (about a
//                 minute at 1M messages), later runs with the same N start over it as it is
//   --runs R      launches (default 5); each prints a JSON line, then one line of medians
// The app runs offscreen (QT_QPA_PLATFORM, unless set) with CHARTROOM_STARTUP_REPORT set to the
// CLOCK_MONOTONIC time of the launch: after its first paint it prints the time since then, VmHWM
// and VmRSS, and quits (app/gui/main.cpp). Settings live in a temporary XDG_CONFIG_HOME, so no
// window state or last conversation is restored. Never asserts a time; --smoke (2,000 messages,
// one launch) checks that the report arrives, the app exits cleanly and the conversation list
// holds its first page (all 20 conversations; 100 rows, a page, of a bigger history).
#include "models/database.h"
#include "models/repository.h"
#include "tests/support/bighistory.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {
constexpr int perConversation = 100;
int failures = 0;

bool fail(const QString &what)
{
    ++failures;
    std::fprintf(stderr, "FAILED: %s\n", qPrintable(what));
    return false;
}

qint64 monotonicNs()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// DIR/chartroom.sqlite with `messages` messages (ids 1..messages), written once.
bool prepareStore(const QString &dir, int messages)
{
    Database db;
    if (StoreStatus e = db.open(dir))
        return fail(u"open the store: "_s + e->toString());
    QSqlQuery q(db.connection());
    if (!q.exec(u"SELECT coalesce(max(id), 0) FROM messages"_s) || !q.next())
        return fail(u"read the store"_s);
    const qint64 stored = q.value(0).toLongLong();
    q.finish();
    if (stored == messages)
        return true;
    if (stored != 0)
        return fail(
            u"%1 holds another history (%2 messages); use another --dir"_s.arg(dir).arg(stored));
    Repository repo(db);
    const int conversations = messages / perConversation;
    for (int done = 0; done < conversations; done += 1000) {
        if (BigHistory::addConversations(
                repo, std::min(1000, conversations - done), perConversation)
                .isEmpty())
            return fail(u"write the history"_s);
    }
    // As a user's store after a normal exit: the WAL checkpointed into the main file.
    q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    return true;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&args](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i > 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const bool smoke = args.contains(u"--smoke"_s);
    const int messages = option(u"--messages"_s, smoke ? u"2000"_s : u"1000000"_s).toInt();
    const int runs = smoke ? 1 : option(u"--runs"_s, u"5"_s).toInt();
    QTemporaryDir tempData;
    const QString dir = option(u"--dir"_s, tempData.path());
    if (messages < perConversation || !prepareStore(dir, messages))
        return 1;
    const int conversations = messages / perConversation;

    QList<double> shown, peak, resident;
    for (int run = 1; run <= runs && failures == 0; ++run) {
        QTemporaryDir config;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(u"QT_QPA_PLATFORM"_s))
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, config.path());
        QProcess chartroom;
        chartroom.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const qint64 launched = monotonicNs();
        env.insert(u"CHARTROOM_STARTUP_REPORT"_s, QString::number(launched));
        chartroom.setProcessEnvironment(env);
        chartroom.start(QStringLiteral(CHARTROOM_GUI), { u"--data-dir"_s, dir });
        if (!chartroom.waitForFinished(120000)) {
            chartroom.kill();
            chartroom.waitForFinished();
            fail(u"chartroom did not quit after its first paint"_s);
            break;
        }
        if (chartroom.exitStatus() != QProcess::NormalExit || chartroom.exitCode() != 0)
            fail(u"chartroom exited with %1"_s.arg(chartroom.exitCode()));
        QJsonObject report;
        for (const QByteArray &line : chartroom.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"bench"_s).toString() == u"coldstart_run")
                report = o;
        }
        if (report.isEmpty()) {
            fail(u"chartroom printed no startup report"_s);
            break;
        }
        const int rows = report.value(u"sidebar_rows"_s).toInt();
        if (rows != std::min(100, conversations))
            fail(u"the conversation list shows %1 rows, not its first page"_s.arg(rows));
        const double ms = report.value(u"shown_ms"_s).toDouble();
        if (ms <= 0)
            fail(u"no time measured"_s);
        shown << ms;
        peak << report.value(u"vmhwm_kb"_s).toDouble() / 1024.0;
        resident << report.value(u"vmrss_kb"_s).toDouble() / 1024.0;
        std::printf("{\"bench\":\"coldstart_run\",\"messages\":%d,\"run\":%d,\"shown_ms\":%.1f,"
                    "\"vmhwm_mb\":%.1f,\"vmrss_mb\":%.1f,\"sidebar_rows\":%d}\n",
            messages, run, ms, peak.last(), resident.last(), rows);
        std::fflush(stdout);
    }
    if (!shown.isEmpty()) {
        std::printf("{\"bench\":\"coldstart\",\"messages\":%d,\"conversations\":%d,\"runs\":%lld,"
                    "\"shown_ms_median\":%.1f,\"shown_ms_max\":%.1f,\"vmhwm_mb_median\":%.1f,"
                    "\"vmrss_mb_median\":%.1f}\n",
            messages, conversations, qlonglong(shown.size()), median(shown),
            *std::max_element(shown.begin(), shown.end()), median(peak), median(resident));
    }
    return failures == 0 ? 0 : 1;
}

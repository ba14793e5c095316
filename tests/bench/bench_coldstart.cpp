// Cold start (issue 14.4): the real chartroom binary over a data folder whose store holds a big
// history, from the launch to the window's first paint, and its peak resident memory.
// Usage: bench_coldstart [--smoke] [--messages N] [--dir DIR] [--runs R] [--reopen]
//   --messages N  the history: N / 100 conversations of 100 messages each (default 1,000,000)
//   --dir DIR     keeps the store in DIR/chartroom.sqlite: the first run writes it (about a
//                 minute at 1M messages), later runs with the same N start over it as it is
//   --runs R      launches (default 5); each prints a JSON line, then one line of medians
//   --reopen      as after a restart: the settings name the newest conversation as the last one
//                 open, so the window opens it (its newest page of messages)
// The app runs offscreen (QT_QPA_PLATFORM, unless set) with CHARTROOM_STARTUP_REPORT set to the
// CLOCK_MONOTONIC time of the launch: after its first paint it prints the time since then, VmHWM
// and VmRSS, and quits (app/gui/main.cpp). Settings live in a temporary XDG_CONFIG_HOME (no
// window state; the last conversation only with --reopen). Never asserts a time; --smoke (2,000
// messages, one launch without and one with --reopen) checks that the report arrives, the app
// exits cleanly, the conversation list holds its first page (all 20 conversations; 100 rows of a
// bigger history) and the transcript nothing, or (reopened) the conversation's newest messages.
#include "models/database.h"
#include "models/repository.h"
#include "tests/support/bighistory.h"
#include "ui/mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>

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

// DIR/chartroom.sqlite with `messages` messages (ids 1..messages), written once; *newest: the
// conversation updated last.
bool prepareStore(const QString &dir, int messages, qint64 *newest)
{
    Database db;
    if (StoreStatus e = db.open(dir))
        return fail(u"open the store: "_s + e->toString());
    QSqlQuery q(db.connection());
    if (!q.exec(u"SELECT coalesce(max(id), 0) FROM messages"_s) || !q.next())
        return fail(u"read the store"_s);
    const qint64 stored = q.value(0).toLongLong();
    q.finish();
    const auto readNewest = [&q, newest] {
        const bool read = q.exec(u"SELECT id FROM conversations ORDER BY updated_at DESC LIMIT 1"_s)
            && q.next();
        *newest = read ? q.value(0).toLongLong() : 0;
        return read || fail(u"read the newest conversation"_s);
    };
    if (stored == messages)
        return readNewest();
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
    return readNewest();
}

struct Launch
{
    double shownMs = 0;
    double peakMb = 0;
    double residentMb = 0;
};

// One launch of chartroom over `dir`; with `reopen`, conversation `newest` was open last.
std::optional<Launch> launch(const QString &dir, int conversations, qint64 newest, bool reopen)
{
    QTemporaryDir config;
    if (reopen) {
        // The app's settings file and key (QSettings of Chartroom/chartroom,
        // ui/mainwindowstate.cpp).
        QSettings settings(config.filePath(u"Chartroom/chartroom.conf"_s), QSettings::IniFormat);
        settings.setValue(
            MainWindow::settingsGroupFor(dir) + u"/mainWindow/conversation"_s, newest);
        settings.sync();
    }
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
        return std::nullopt;
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
        return std::nullopt;
    }
    const int rows = report.value(u"sidebar_rows"_s).toInt();
    if (rows != std::min(100, conversations))
        fail(u"the conversation list shows %1 rows, not its first page"_s.arg(rows));
    const int transcript = report.value(u"transcript_rows"_s).toInt();
    if (reopen ? transcript <= 0 : transcript != 0)
        fail(u"the transcript holds %1 rows"_s.arg(transcript));
    Launch result { report.value(u"shown_ms"_s).toDouble(),
        report.value(u"vmhwm_kb"_s).toDouble() / 1024.0,
        report.value(u"vmrss_kb"_s).toDouble() / 1024.0 };
    if (result.shownMs <= 0)
        fail(u"no time measured"_s);
    return result;
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
    qint64 newest = 0;
    if (messages < perConversation || !prepareStore(dir, messages, &newest))
        return 1;
    const int conversations = messages / perConversation;

    // --smoke: one launch of each kind; else `runs` of the one asked for.
    QList<bool> kinds;
    if (smoke)
        kinds = { false, true };
    else
        kinds = { args.contains(u"--reopen"_s) };
    for (const bool reopen : std::as_const(kinds)) {
        QList<double> shown, peak, resident;
        for (int run = 1; run <= runs && failures == 0; ++run) {
            const std::optional<Launch> l = launch(dir, conversations, newest, reopen);
            if (!l)
                break;
            shown << l->shownMs;
            peak << l->peakMb;
            resident << l->residentMb;
            std::printf("{\"bench\":\"coldstart_run\",\"messages\":%d,\"reopen\":%s,\"run\":%d,"
                        "\"shown_ms\":%.1f,\"vmhwm_mb\":%.1f,\"vmrss_mb\":%.1f}\n",
                messages, reopen ? "true" : "false", run, l->shownMs, l->peakMb, l->residentMb);
            std::fflush(stdout);
        }
        if (shown.isEmpty())
            continue;
        std::printf("{\"bench\":\"coldstart\",\"messages\":%d,\"conversations\":%d,\"reopen\":%s,"
                    "\"runs\":%lld,\"shown_ms_median\":%.1f,\"shown_ms_max\":%.1f,"
                    "\"vmhwm_mb_median\":%.1f,\"vmrss_mb_median\":%.1f}\n",
            messages, conversations, reopen ? "true" : "false", qlonglong(shown.size()),
            median(shown), *std::max_element(shown.begin(), shown.end()), median(peak),
            median(resident));
    }
    return failures == 0 ? 0 : 1;
}

// chartroom: the GUI entry point. Builds the store, the network access, the chat session, the
// backend registry, the CSV importer and the main window, and wires them; nothing else lives
// here.
#include "app/accounts/secretstore.h"
#include "app/chat/backend.h"
#include "app/core/backendregistry.h"
#include "app/core/chatsession.h"
#include "app/core/connectivity.h"
#include "app/core/csvimporter.h"
#include "app/core/datadirlock.h"
#include "app/core/datafilewatcher.h"
#include "app/core/localbackend.h"
#include "app/core/outboxsender.h"
#include "app/luzmo/luzmobackend.h"
#include "models/database.h"
#include "models/outbox.h"
#include "models/repository.h"
#include "ui/chart/chartexport.h"
#include "ui/errorbanner.h"
#include "ui/i18n/translations.h"
#include "ui/mainwindow.h"
#include "ui/offlinebanner.h"
#include "ui/synccontroller.h"
#include "ui/theme/themecontroller.h"
#include "ui/workflowdock.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
qint64 clockNs(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// A line of /proc/self/status in kB ("VmHWM" is the peak resident size).
qint64 statusKb(const QByteArray &key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// The process start, on CLOCK_BOOTTIME: /proc/self/stat field 22, in clock ticks (10 ms).
qint64 processStartNs()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(19).toLongLong() * (1000000000 / sysconf(_SC_CLK_TCK));
}

// CHARTROOM_STARTUP_REPORT (bench_coldstart): once the window has painted for the first time,
// prints one JSON line (the time since the process started, peak and current resident memory,
// the rows the conversation list and the transcript hold) and quits. The variable's value is the
// CLOCK_MONOTONIC time in ns at which the launcher started the process; "1" measures from the
// process start that the kernel recorded (10 ms resolution).
class StartupReport : public QObject
{
public:
    StartupReport(QWidget *window, qint64 startedMonotonicNs)
        : QObject(window)
        , m_window(window)
        , m_started(startedMonotonicNs)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
            m_painted = true; // report after this paint (and the rest of its frame) is done
            QTimer::singleShot(0, this, &StartupReport::report);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void report()
    {
        const double shownMs = m_started > 0
            ? double(clockNs(CLOCK_MONOTONIC) - m_started) / 1e6
            : double(clockNs(CLOCK_BOOTTIME) - processStartNs()) / 1e6;
        const auto rows = [this](const QString &view) {
            const auto *v = m_window->findChild<QAbstractItemView *>(view);
            return v && v->model() ? v->model()->rowCount() : -1;
        };
        // window_icon: the window has an icon that draws at 16 px (tst_packaging).
        const bool icon = !m_window->windowIcon().pixmap(16, 16).isNull();
        std::printf("{\"bench\":\"coldstart_run\",\"shown_ms\":%.1f,\"vmhwm_kb\":%lld,"
                    "\"vmrss_kb\":%lld,\"sidebar_rows\":%d,\"transcript_rows\":%d,"
                    "\"window_icon\":%s}\n",
            shownMs, statusKb("VmHWM"), statusKb("VmRSS"), rows(u"conversationList"_s),
            rows(u"transcriptView"_s), icon ? "true" : "false");
        std::fflush(stdout);
        QCoreApplication::quit();
    }

    QWidget *m_window;
    qint64 m_started;
    bool m_painted = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Chartroom"_s);
    QApplication::setApplicationName(u"chartroom"_s);
    QApplication::setApplicationDisplayName(u"Chartroom"_s);
    QApplication::setApplicationVersion(QStringLiteral(CHARTROOM_VERSION));
    // Wayland finds the icon through the installed .desktop file's name.
    QGuiApplication::setDesktopFileName(u"io.chartroom.Chartroom"_s);
    // The app icon, compiled in (app/CMakeLists.txt), so that it shows uninstalled too.
    QApplication::setWindowIcon(
        QIcon(u":/icons/hicolor/scalable/apps/io.chartroom.Chartroom.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Local-first desktop client for AI analytics chat."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(u"data-dir"_s,
        QApplication::translate("main", "Keep the history in DIR instead of the default."),
        u"DIR"_s);
    parser.addOption(dataDir);
    // For scripted runs and tests (tst_guikill): a question asked as if typed and sent.
    const QCommandLineOption ask(u"ask"_s,
        QApplication::translate("main",
            "Ask TEXT in a new conversation once the window is shown, as if typed and sent."),
        u"TEXT"_s);
    parser.addOption(ask);
    // For the package test and the AppStream screenshot (scripts/test-package.sh).
    const QCommandLineOption screenshot(u"screenshot"_s,
        QApplication::translate("main",
            "Save a picture of the window to FILE once it is shown (with --ask, once the answer "
            "has ended), then quit."),
        u"FILE"_s);
    parser.addOption(screenshot);
    // German and French (translations/); the system's language unless --lang or LANGUAGE says.
    const QCommandLineOption lang(u"lang"_s,
        QApplication::translate("main",
            "Show the window in LANG (de, fr, en) instead of the "
            "system's language."),
        u"LANG"_s);
    parser.addOption(lang);
    parser.process(app);
    const QLocale locale = Translations::chosenLocale(parser.value(lang));
    if (parser.isSet(lang) || qEnvironmentVariableIsSet("LANGUAGE"))
        QLocale::setDefault(locale);
    Translations::install(app, locale);

    Database database;
    const QString directory = Database::resolveDataDirectory(parser.value(dataDir));
    // One running Chartroom per data folder (issue 13.6), held until exit; a dead pid's lock is
    // taken over.
    DataDirLock dataDirLock(directory);
    if (!dataDirLock.tryLock()) {
        qCritical("%s", qUtf8Printable(dataDirLock.message()));
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Chartroom"), dataDirLock.message());
        return 1;
    }
    if (StoreStatus error = database.open(directory)) {
        // The file is left exactly as it is: never deleted, never overwritten. Said on stderr
        // too, for whoever started the app from a terminal or a script.
        qCritical("Chartroom cannot open its history: %s", qUtf8Printable(error->message));
        QMessageBox::critical(nullptr, QApplication::translate("main", "Chartroom"),
            QApplication::translate("main",
                "Chartroom cannot open its history."
                "\n\n%1")
                .arg(error->message));
        return 1;
    }

    Repository repository(database);
    // A long message is indexed for search on a thread of its own, not in the window's writes.
    repository.indexLongMessagesInBackground();
    const StoreResult<int> repaired = repository.markStreamingInterrupted();
    if (!repaired)
        qWarning("Could not mark unfinished answers as interrupted: %s",
            qUtf8Printable(repaired.error().toString()));
    if (const StoreResult<int> removed = repository.removeConversationsLeftEmpty(); !removed)
        qWarning("Could not remove conversations left empty: %s",
            qUtf8Printable(removed.error().toString()));
    // Declared before the session: an answer still arriving at exit is ended by the session's
    // destructor while its network request can still be torn down.
    QNetworkAccessManager network;
    // Offline (issue 7.2): reachability from the system and from failed requests; prompts for an
    // unreachable backend wait in the outbox. Both outlive the session, which reports to them.
    Connectivity connectivity;
    connectivity.useSystemReachability();
    Outbox outbox(database);
    if (const StoreResult<int> failedSends = outbox.failInterruptedSends(); !failedSends)
        qWarning("Could not repair the outbox: %s", qUtf8Printable(failedSends.error().toString()));
    ChatSession session(repository);
    session.setOffline(&connectivity, &outbox);
    OutboxSender outboxSender(outbox, session, connectivity, repository);
    QSettings settings;
    // The theme chosen in Settings (System, Light, Dark), applied before the window is built.
    ThemeController theme(&settings);
    // Secrets (tokens, client secrets, the proxy password) live in the OS keychain, service
    // "Chartroom"; without one they stay in memory until the app quits.
    SecretStore secrets(SecretStore::Mode::Keychain);
    // The accounts (QSettings, no secrets) as the session's backends, and the proxy choice.
    BackendRegistry backends(session, network, settings, &secrets);
    // The built-in analyst server: the default backend, on 127.0.0.1 with credentials made for
    // this run, answering from the local datasets (the bundled sample on first use).
    LocalServer::Options localOptions;
    localOptions.dataDirectory = directory;
    // Test hook (tst_guikill): CHARTROOM_STREAM_DELAY_MS, the pause between two frames of the
    // built-in server's answers, so a test can act while one streams.
    if (const int delayMs = qEnvironmentVariableIntValue("CHARTROOM_STREAM_DELAY_MS"); delayMs > 0)
        localOptions.streamDelayMs = delayMs;
    LocalBackend local(network, localOptions);
    const QString localError = local.start();
    if (localError.isEmpty())
        backends.setLocalBackend(local.backend());
    backends.restore();
    // File ▸ Import CSV…: imports into the local server's data folder, on its own connection in
    // its own thread. Declared before the window, so it outlives it.
    CsvImporter importer(directory);
    // The window's state and last conversation are this data folder's (the accounts are shared).
    QSettings windowSettings;
    windowSettings.beginGroup(MainWindow::settingsGroupFor(directory));
    MainWindow window(repository, session, &windowSettings);
    window.setBackendRegistry(&backends);
    window.setThemeController(&theme);
    window.setCsvImporter(&importer);
    // Charts in exported conversations (HTML, PDF) are drawn from their stored data.
    window.setChartImageRenderer(&ChartExport::image);
    // "You're offline — 2 questions will be sent…" above the composer, with the queue.
    auto *offlineBanner = new OfflineBanner(connectivity, outbox, outboxSender);
    offlineBanner->setNameResolver([&backends](const QString &id) {
        const Backend *backend = backends.backendFor(id);
        return backend ? backend->displayName() : QString();
    });
    window.addBanner(offlineBanner);
    QObject::connect(
        offlineBanner, &OfflineBanner::failed, window.errorBanner(), &ErrorBanner::showError);
    QObject::connect(
        &outboxSender, &OutboxSender::failed, window.errorBanner(), &ErrorBanner::showError);
    // A data file removed, renamed over or overwritten while the app runs (SQLite would go on
    // with the file it opened and say nothing): said in the window and on stderr.
    DataFileWatcher dataFiles;
    for (const QFileInfo &file : QDir(directory).entryInfoList({ u"*.sqlite"_s }, QDir::Files))
        dataFiles.watch(file.filePath());
    QObject::connect(&dataFiles, &DataFileWatcher::fileLost, window.errorBanner(),
        [&window](const QString &, const QString &message) {
            qWarning("%s", qUtf8Printable(message));
            window.errorBanner()->showError(message);
        });
    // The workflow a workflow answer builds, beside the transcript.
    window.addDockWidget(
        Qt::RightDockWidgetArea, new WorkflowDock(session, *window.transcriptModel(), &window));
    // File ▸ Sync History (and at start-up): the Luzmo accounts' history into the local store.
    SyncController sync(repository, backends, *window.statusBar());
    window.addFileMenuAction(sync.action());
    if (const QByteArray probe = qgetenv("CHARTROOM_STARTUP_REPORT"); !probe.isEmpty())
        new StartupReport(&window, probe == "1" ? 0 : probe.toLongLong());
    window.show();
    QTimer::singleShot(0, &sync, &SyncController::syncAtStartup);
    // An answer cut off when Chartroom last stopped continues where it stood, if its backend
    // can resume (the workflow stream).
    if (const StoreResult<qint64> resumed = session.resumeInterrupted(); !resumed)
        qWarning("Could not resume an unfinished answer: %s",
            qUtf8Printable(resumed.error().toString()));
    // What was written offline last time goes out once its backend answers.
    outboxSender.start();
    if (const QString question = parser.value(ask); !question.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, question] {
            window.openConversation(0);
            window.send(question);
        });
    }
    if (const QString file = parser.value(screenshot); !file.isEmpty()) {
        const auto grab = [&window, file] {
            const bool saved = window.grab().save(file);
            if (!saved)
                qCritical("Could not save the screenshot to %s", qUtf8Printable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        };
        // With a question, after its answer has ended and its chart has fetched its data.
        if (parser.value(ask).isEmpty())
            QTimer::singleShot(500, &window, grab);
        else
            QObject::connect(&session, &ChatSession::answerFinished, &window,
                [&window, grab] { QTimer::singleShot(1500, &window, grab); });
    }
    if (!localError.isEmpty()) {
        qWarning("The built-in analyst server could not start: %s", qUtf8Printable(localError));
        QMessageBox::warning(&window, QApplication::translate("main", "Chartroom"),
            QApplication::translate("main",
                "The built-in analyst server could not start, "
                "so answers need another account (Settings)."
                "\n\n%1")
                .arg(localError));
    }
    return app.exec();
}

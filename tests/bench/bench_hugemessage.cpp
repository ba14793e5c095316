// A 4 MB message in the real main window (issue 13.2), offscreen: opening a conversation whose
// last message is 4 MB (first the window built and shown, measured apart since every start-up
// pays it, then the transcript opened, laid out and painted once: the whole window repainted
// through its backing store, as the app paints, where grab() rendered into a new 3 MB pixmap each
// time and counted its page faults), pasting
// 4 MB into the composer (Ctrl+V) and sending it. For each it prints the longest the event
// loop went without turning (a 1 ms timer's largest gap) and the whole time, one JSON line per
// measurement. Usage: bench_hugemessage [--smoke] [--megabytes N]. Never asserts a time; the
// stall goal is issue 14's (8 ms).

#include "app/core/chatsession.h"
#include "models/repository.h"
#include "tests/bench/benchloop.h"
#include "tests/support/tempstore.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
// Markdown of about `bytes` bytes: paragraphs of prose with a small table now and then.
QString bigMarkdown(qsizetype bytes)
{
    QString text;
    text.reserve(bytes + 512);
    int paragraph = 0;
    while (text.size() < bytes) {
        if (++paragraph % 10 == 0) {
            text += u"| Region | Revenue |\n| --- | ---: |\n| EMEA | 120 |\n| APAC | 80 |\n\n"_s;
            continue;
        }
        for (int s = 0; s < 6; ++s)
            text += u"Revenue in region %1 grew by %2 percent against the prior quarter. "_s
                        .arg(paragraph % 7)
                        .arg(s + paragraph % 13);
        text += u"\n\n"_s;
    }
    return text;
}

using BenchLoop::Measure;
using BenchLoop::measure;

void report(const char *what, const Measure &m, qsizetype bytes)
{
    std::printf("{\"bench\":\"%s\",\"bytes\":%lld,\"longest_stall_ms\":%.1f,\"action_ms\":%.1f}\n",
        what, static_cast<long long>(bytes), m.longestStallMs, m.totalMs);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(u"--smoke"_s);
    double megabytes = smoke ? 0.25 : 4;
    if (const int i = args.indexOf(u"--megabytes"_s); i > 0 && i + 1 < args.size())
        megabytes = args.at(i + 1).toDouble();
    const QString huge = bigMarkdown(qsizetype(megabytes * 1024 * 1024));
    const qsizetype bytes = huge.toUtf8().size();

    TempStore store;
    if (!store.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error));
        return 1;
    }
    Repository &repo = *store.repository;
    repo.indexLongMessagesInBackground(); // as the app does (app/gui/main.cpp)
    const qint64 id = store.addConversation(u"Quarterly notes"_s, 20);
    Message last;
    last.conversationId = id;
    last.role = MessageRole::Assistant;
    last.text = huge;
    bool indexed = false;
    QObject::connect(&repo, &Repository::searchIndexed, &repo, [&] { indexed = true; });
    if (!repo.addMessage(last)) {
        std::fprintf(stderr, "could not store the message\n");
        return 1;
    }
    // At a restart the message was indexed long ago: wait for the background indexer (4 MB of
    // FTS5, ~140 ms on both cores' worth of the machine) so start-up is not measured beside it.
    if (!BenchLoop::runUntil([&] { return indexed; }, 60000)) {
        std::fprintf(stderr, "the message was not indexed\n");
        return 1;
    }

    ChatSession session(repo);
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(u"bench.ini"_s), QSettings::IniFormat);
    std::unique_ptr<MainWindow> window;
    // Start-up on that conversation, in two parts: the window built, shown and painted on its
    // empty state (the part every start-up pays, bench_coldstart's figure), then the
    // conversation opened, scrolled to its newest message and painted (what a restart with it
    // as the last open conversation adds).
    report("window_shown_before_huge_conversation",
        measure(
            [&] {
                window = std::make_unique<MainWindow>(repo, session, &settings);
                window->resize(1100, 720);
                window->show();
                window->repaint();
            },
            300),
        bytes);
    report("open_conversation_with_huge_last_message",
        measure(
            [&] {
                window->openConversation(id);
                window->transcriptView()->scrollToNewest();
                window->repaint();
            },
            300),
        bytes);

    // Paste into the composer, as a person does.
    Composer *composer = window->composer();
    QApplication::clipboard()->setText(huge);
    composer->focusEditor();
    report("paste_into_composer",
        measure([&] { QTest::keyClick(composer->editor(), Qt::Key_V, Qt::ControlModifier); }, 300),
        bytes);
    // A long paste is kept beside the text box (Composer::pasteLimit), not laid out in it.
    if (composer->text().size() != huge.size()) {
        std::fprintf(stderr, "the paste did not arrive (%lld of %lld characters)\n",
            static_cast<long long>(composer->text().size()), static_cast<long long>(huge.size()));
        return 1;
    }
    report("type_one_key_into_huge_composer",
        measure([&] { QTest::keyClick(composer->editor(), Qt::Key_A); }, 100), bytes);

    // Send: the question written by the store's background thread, then shown in the
    // transcript (no backend here: the answer is a stored error).
    report("send_from_composer",
        measure([&] { QTest::mouseClick(composer->sendButton(), Qt::LeftButton); }, 500), bytes);
    if (!BenchLoop::runUntil([&] { return !session.isSavingQuestion(); }, 60000)) {
        std::fprintf(stderr, "the question was not stored\n");
        return 1;
    }
    BenchLoop::runFor(2000); // the background indexing of the question, which holds the lock
    // What the window would pay writing the 4 MB itself (Repository::addMessage on its thread:
    // text, commit; the index is deferred), as it did before the background write.
    Message again;
    again.conversationId = id;
    again.role = MessageRole::User;
    again.text = huge;
    report("store_write_only", measure([&] { (void)repo.addMessage(again); }, 100), bytes);
    return 0;
}

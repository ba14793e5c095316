// Help ▸ Keyboard Shortcuts and Help ▸ About Chartroom in the real main window. The shortcuts
// the dialog must list are worked out here from the window's own actions (every QAction child
// with a shortcut), not from the dialog's walk over the menus; some of the listed keys are then
// pressed and must do what their line says. About must show the project's version as the
// top-level CMakeLists.txt spells it and the Qt the test runs on.
#include "tests/ui/mainwindowfixture.h"
#include "ui/aboutdialog.h"
#include "ui/composer.h"
#include "ui/conversationsidebar.h"
#include "ui/searchdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/transcriptview.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {
struct Row
{
    QString section;
    QString what;
    QStringList keys;
};

// The dialog's lines as shown: each item under its section.
QList<Row> rowsOf(const ShortcutsDialog &dialog)
{
    QList<Row> rows;
    const QTreeWidget *tree = dialog.tree();
    for (int s = 0; s < tree->topLevelItemCount(); ++s) {
        const QTreeWidgetItem *section = tree->topLevelItem(s);
        for (int i = 0; i < section->childCount(); ++i)
            rows << Row { section->text(0), section->child(i)->text(0),
                section->child(i)->text(1).split(u", "_s) };
    }
    return rows;
}

// A menu item's words: no mnemonic, no trailing ellipsis.
QString words(QString text)
{
    text.remove(u'&');
    if (text.endsWith(u'…'))
        text.chop(1);
    return text;
}
} // namespace

class TestHelpDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void shortcutsListEveryActionShortcut();
    void shortcutsListWidgetKeys();
    void listedShortcutsDoWhatTheySay_data();
    void listedShortcutsDoWhatTheySay();
    void aboutShowsVersionQtAndData();

private:
    ShortcutsDialog *openShortcuts();

    std::unique_ptr<MainWindowFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_conversation = 0;
};

void TestHelpDialogs::init()
{
    m_fixture = std::make_unique<MainWindowFixture>();
    m_conversation = m_fixture->store.addConversation(u"Sales"_s, 2);
    QVERIFY(m_conversation != 0);
    m_window = m_fixture->makeWindow();
    QVERIFY(showAndActivate(m_window.get()));
}

void TestHelpDialogs::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

ShortcutsDialog *TestHelpDialogs::openShortcuts()
{
    auto *action = m_window->findChild<QAction *>(u"actionKeyboardShortcuts"_s);
    if (!action)
        return nullptr;
    action->trigger();
    auto *dialog = m_window->findChild<ShortcutsDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

void TestHelpDialogs::shortcutsListEveryActionShortcut()
{
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    QVERIFY(dialog->grab().save(u"/tmp/chartroom-shortcuts.png"_s));
    const QList<Row> rows = rowsOf(*dialog);
    int checked = 0;
    for (const QAction *action : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString native = key.toString(QKeySequence::NativeText);
            const bool listed = std::any_of(rows.cbegin(), rows.cend(), [&](const Row &row) {
                return row.what == words(action->text()) && row.keys.contains(native);
            });
            QVERIFY2(listed, qPrintable(words(action->text()) + u" (" + native + u") not listed"));
            ++checked;
        }
    }
    // New, Rename, Delete, Export, Copy as Markdown, Search, Filter, Settings, Import, Stop,
    // Quit, and the composer's Send (Ctrl+Return and Ctrl+Enter): 13 keys at least.
    QVERIFY2(checked >= 13, qPrintable(QString::number(checked)));
}

void TestHelpDialogs::shortcutsListWidgetKeys()
{
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    const QList<Row> rows = rowsOf(*dialog);
    const auto has = [&](const QString &section, const QString &what, const QString &key) {
        return std::any_of(rows.cbegin(), rows.cend(), [&](const Row &row) {
            return row.section == section && row.what == what && row.keys.contains(key);
        });
    };
    QVERIFY(has(u"Conversation list"_s, u"Clear the filter"_s, u"Esc"_s));
    QVERIFY(has(u"Conversation"_s, u"Stop Answer"_s, u"Esc"_s));
    QVERIFY(has(u"Composer"_s, u"Send"_s, u"Ctrl+Return"_s));
    QVERIFY(has(u"Transcript"_s, u"Newest message"_s, u"End"_s));
    // The composer has no plain-Return send: Return is a new line.
    QVERIFY(!has(u"Composer"_s, u"Send"_s, u"Return"_s));
}

void TestHelpDialogs::listedShortcutsDoWhatTheySay_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("Filter Conversations") << u"Filter Conversations"_s;
    QTest::newRow("Search History") << u"Search History"_s;
    QTest::newRow("Copy as Markdown") << u"Copy as Markdown"_s;
    QTest::newRow("New Conversation") << u"New Conversation"_s;
    QTest::newRow("Send") << u"Send"_s;
}

void TestHelpDialogs::listedShortcutsDoWhatTheySay()
{
    QFETCH(QString, what);
    m_window->openConversation(m_conversation);
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    const QList<Row> rows = rowsOf(*dialog);
    const auto row
        = std::find_if(rows.cbegin(), rows.cend(), [&](const Row &r) { return r.what == what; });
    QVERIFY2(row != rows.cend(), qPrintable(what));
    const QKeySequence key = QKeySequence::fromString(row->keys.first(), QKeySequence::NativeText);
    QVERIFY(!key.isEmpty());
    dialog->close();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QGuiApplication::clipboard()->setText(u"before"_s);
    QSignalSpy sent(m_window->composer(), &Composer::sendRequested);
    if (what == u"Send") {
        m_window->composer()->setText(u"How did revenue do?"_s);
        m_window->composer()->focusEditor();
    } else {
        m_window->transcriptView()->setFocus();
    }
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keySequence(focus, key);

    if (what == u"Filter Conversations") {
        QVERIFY(m_window->sidebar()->searchField()->hasFocus());
    } else if (what == u"Search History") {
        QTRY_VERIFY(m_window->searchDialog() && m_window->searchDialog()->isVisible());
    } else if (what == u"Copy as Markdown") {
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(u"# Sales\n"_s),
            qPrintable(QGuiApplication::clipboard()->text().left(80)));
    } else if (what == u"New Conversation") {
        QCOMPARE(m_window->currentConversation(), 0);
        QVERIFY(m_window->composer()->editor()->hasFocus());
    } else if (what == u"Send") {
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).value<QuestionText>().joined(), u"How did revenue do?"_s);
    }
}

void TestHelpDialogs::aboutShowsVersionQtAndData()
{
    // The version as the top-level CMakeLists.txt spells it: project(Chartroom VERSION x.y.z).
    QFile cmake(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/CMakeLists.txt"_s);
    QVERIFY(cmake.open(QIODevice::ReadOnly));
    const QRegularExpressionMatch project
        = QRegularExpression(u"project\\(Chartroom VERSION ([0-9.]+)"_s)
              .match(QString::fromUtf8(cmake.readAll()));
    QVERIFY(project.hasMatch());

    auto *action = m_window->findChild<QAction *>(u"actionAbout"_s);
    QVERIFY(action);
    action->trigger();
    auto *dialog = m_window->findChild<AboutDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->grab().save(u"/tmp/chartroom-about.png"_s));
    const auto label = [dialog](const QString &name) {
        const auto *l = dialog->findChild<QLabel *>(name);
        return l ? l->text() : QString();
    };
    QCOMPARE(label(u"aboutVersion"_s), u"Version "_s + project.captured(1));
    QVERIFY2(label(u"aboutQt"_s).startsWith(u"Qt "_s + QString::fromLatin1(qVersion())),
        qPrintable(label(u"aboutQt"_s)));
    QCOMPARE(label(u"aboutLicence"_s), u"Licence: MIT"_s);
    QCOMPARE(label(u"aboutDataFolder"_s),
        u"Data folder: "_s + QDir::toNativeSeparators(m_fixture->store.dir.path()));
}

QTEST_MAIN(TestHelpDialogs)
#include "tst_helpdialogs.moc"

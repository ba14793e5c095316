// The main flows with the keyboard only, in the real window over the built-in analyst server
// (offscreen): a new conversation (Ctrl+N), a question typed and sent (Ctrl+Return), a
// streaming answer stopped (Esc), the history searched (Ctrl+K, typing, Return opens the hit and
// puts the focus in the transcript) and the conversation exported (Ctrl+E, Return in the dialog).
// Every input is a QTest::keyClick or keyClicks to the widget with the focus; the outcome is read
// back with plain SQL and from the window's open conversation.
#include "models/searchresultmodel.h"
#include "tests/ui/localanswers.h"
#include "tests/ui/windowfixture.h"
#include "ui/mainwindow.h"
#include "ui/searchdialog.h"
#include "ui/transcriptview.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestKeyboardFlows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Exports go to Documents: the test's own home, not the machine's.
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path() + u"/.config"_s));
    }
    void askStopAndSearch();

private:
    QTemporaryDir m_home;
};

namespace {
QWidget *focused()
{
    return QApplication::focusWidget();
}

// Each message of the store as "role status: text", in order (plain SQL).
QStringList storedMessages(WindowFixture &f)
{
    QSqlQuery q(f.store.database.connection());
    QStringList rows;
    if (!q.exec(u"SELECT role, status, text FROM messages ORDER BY conversation_id, seq"_s))
        return { q.lastError().text() };
    while (q.next())
        rows << q.value(0).toString() + u' ' + q.value(1).toString() + u": "_s
                + q.value(2).toString().left(20);
    return rows;
}

qint64 conversationOf(WindowFixture &f, const QString &question)
{
    QSqlQuery q(f.store.database.connection());
    q.prepare(u"SELECT conversation_id FROM messages WHERE text = ?"_s);
    q.addBindValue(question);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}
} // namespace

void TestKeyboardFlows::askStopAndSearch()
{
    WindowFixture f;
    LocalAnswers answers(f, 150); // slow enough to press Esc while one streams
    QVERIFY2(answers.start().isEmpty(), "the built-in server did not start");
    auto window = f.makeWindow();
    window->resize(1000, 700);
    QVERIFY(showAndActivate(window.get()));

    // Ctrl+N, a question, Ctrl+Return: asked and answered.
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(focused(), static_cast<QWidget *>(window->composer()->editor()));
    QSignalSpy finished(&f.session, &ChatSession::answerFinished);
    QTest::keyClicks(focused(), u"Show monthly revenue as a line chart"_s);
    QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(20000));
    const qint64 first = conversationOf(f, u"Show monthly revenue as a line chart"_s);
    QVERIFY(first > 0);
    QCOMPARE(storedMessages(f).size(), 2);
    QCOMPARE(storedMessages(f).at(0), u"user complete: Show monthly revenue"_s);
    QVERIFY2(storedMessages(f).at(1).startsWith(u"assistant complete: "_s),
        qPrintable(storedMessages(f).join(u'\n')));

    // Ctrl+N again, a second question, and Esc while its answer streams: stopped, kept.
    QTest::keyClick(focused(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(window->currentConversation(), qint64(0));
    QTest::keyClicks(focused(), u"Total units for Dock in 2024"_s);
    QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(f.session.isBusy());
    QTest::keyClick(focused(), Qt::Key_Escape);
    QVERIFY(finished.count() == 2 || finished.wait(10000));
    const QStringList rows = storedMessages(f);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(2), u"user complete: Total units for Dock"_s);
    QVERIFY2(rows.at(3).startsWith(u"assistant interrupted: "_s), qPrintable(rows.join(u'\n')));
    const qint64 second = conversationOf(f, u"Total units for Dock in 2024"_s);
    QVERIFY(second > 0 && second != first);
    QCOMPARE(window->currentConversation(), second);

    // Ctrl+K, "monthly", Return: the first conversation is open.
    QTest::keyClick(focused(), Qt::Key_K, Qt::ControlModifier);
    SearchDialog *palette = window->searchDialog();
    QVERIFY(palette);
    QTRY_VERIFY(palette->queryField()->hasFocus());
    QTest::keyClicks(focused(), u"monthly"_s);
    QTRY_VERIFY(palette->model()->rowCount() > 0); // after the debounce
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(window->currentConversation(), first);
    QTRY_VERIFY(!palette->isVisible());
    QTRY_COMPARE(focused(), static_cast<QWidget *>(window->transcriptView()));

    // Ctrl+E, then Return in the file dialog: the conversation is exported under its title, as
    // HTML (the first format), into the Documents folder (here the test's own home). The dialog's
    // own loop runs inside the key press, so its Return comes from a timer, still as a key press.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QVERIFY2(documents.startsWith(m_home.path()), qPrintable(documents));
    QVERIFY(QDir().mkpath(documents));
    QString seen;
    answerDialog<QFileDialog>([&seen](QFileDialog *dialog) {
        seen = dialog->windowTitle();
        // A window manager activates a new modal dialog; the offscreen platform leaves that to us.
        QApplication::setActiveWindow(dialog);
        if (QTest::qWaitForWindowActive(dialog))
            QTest::keyClick(focused(), Qt::Key_Return); // the file name field has the focus
        else
            dialog->reject(); // fails below: nothing exported
    });
    QTest::keyClick(focused(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(seen, u"Export Conversation"_s);
    QFile exported(documents + u"/Show monthly revenue as a line chart.html"_s);
    QTRY_VERIFY_WITH_TIMEOUT(exported.exists() && exported.size() > 0, 20000);
    QTRY_VERIFY(!QApplication::activeModalWidget()); // the progress dialog has closed
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(exported.readAll());
    QVERIFY(html.contains(u"<h1 class=\"title\">Show monthly revenue as a line chart</h1>"_s));
    QVERIFY(html.contains(u"<section class=\"message user\""_s));
    QVERIFY(html.contains(u"<section class=\"message assistant\""_s));
}

QTEST_MAIN(TestKeyboardFlows)
#include "tst_keyboardflows.moc"

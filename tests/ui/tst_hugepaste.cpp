// A 4 MB paste in the real window's composer (issue 13.2): it is kept beside the text box as a
// chip instead of being laid out in it, sent with what was typed, and can be removed.
#include "models/database.h"
#include "tests/ui/windowfixture.h"
#include "ui/composer.h"
#include "ui/errorbanner.h"

#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
// 4 MiB of ASCII prose: characters = bytes.
QString fourMegabytes()
{
    const QString line = u"Revenue by region and month, copied from a spreadsheet export.\n"_s;
    QString text;
    while (text.size() + line.size() <= 4 * 1024 * 1024)
        text += line;
    return text + QString(4 * 1024 * 1024 - text.size(), u'x');
}

void paste(Composer *composer, const QString &text)
{
    QApplication::clipboard()->setText(text);
    composer->focusEditor();
    QTest::keyClick(composer->editor(), Qt::Key_V, Qt::ControlModifier);
}
} // namespace

class TestHugePaste : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void longPasteBecomesAChipAndIsSent()
    {
        WindowFixture f;
        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        Composer *composer = window->composer();
        const QString huge = fourMegabytes();
        QCOMPARE(huge.size(), 4194304);

        QTest::keyClicks(composer->editor(), u"Summarise this:"_s);
        paste(composer, huge);
        // Not in the text box: only what was typed is laid out there.
        QCOMPARE(composer->editor()->toPlainText(), u"Summarise this:"_s);
        QVERIFY(composer->pastedChip()->isVisible());
        QCOMPARE(composer->pastedChip()->findChild<QLabel *>()->text(),
            u"Pasted text · 4,194,304 characters"_s);
        QCOMPARE(composer->text(), u"Summarise this:\n\n"_s + huge);
        QVERIFY(composer->sendButton()->isEnabled());

        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QVERIFY(!composer->pastedChip()->isVisible());
        QCOMPARE(composer->editor()->toPlainText(), QString());
        // Stored whole: typed text, a blank line, the paste (plain SQL on the store).
        QSqlQuery q(f.store.database.connection());
        QVERIFY(q.exec(u"SELECT length(text), substr(text, 1, 17) FROM messages "
                       u"WHERE role = 'user' ORDER BY id DESC LIMIT 1"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 15 + 2 + 4194304);
        QCOMPARE(q.value(1).toString(), u"Summarise this:\n\n"_s);
    }

    // As in the app (the store's background thread on): the long question is written there,
    // after the click returned; a question that cannot be stored comes back to the composer,
    // with the reason in the banner.
    void longQuestionSavedInTheBackground_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("stored") << false;
        QTest::newRow("refused by the store") << true;
    }
    void longQuestionSavedInTheBackground()
    {
        QFETCH(bool, refused);
        WindowFixture f;
        f.store.repository->indexLongMessagesInBackground();
        QSqlQuery q(f.store.database.connection());
        if (refused) {
            QVERIFY(q.exec(u"CREATE TRIGGER refuse_long BEFORE INSERT ON messages "
                           u"WHEN length(NEW.text) > 1000000 "
                           u"BEGIN SELECT RAISE(ABORT, 'no room for this message'); END"_s));
        }
        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        Composer *composer = window->composer();
        const QString huge = fourMegabytes();
        paste(composer, huge);
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QVERIFY(f.session.isSavingQuestion());
        QVERIFY(!composer->pastedChip()->isVisible());
        QTRY_VERIFY(!f.session.isSavingQuestion());

        QVERIFY(q.exec(u"SELECT count(*) FROM messages WHERE role = 'user'"_s));
        QVERIFY(q.next());
        if (!refused) {
            QCOMPARE(q.value(0).toInt(), 1);
            QVERIFY(q.exec(u"SELECT length(text) FROM messages WHERE role = 'user'"_s) && q.next());
            QCOMPARE(q.value(0).toLongLong(), huge.size());
            QCOMPARE(composer->text(), QString());
            return;
        }
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(window->errorBanner()->isVisible());
        QVERIFY2(window->errorBanner()->message().startsWith(u"Your question could not be sent"_s)
                && window->errorBanner()->message().contains(u"Saving the message"_s),
            qPrintable(window->errorBanner()->message()));
        // Given back as it was pasted: beside the text box, whole.
        QVERIFY(composer->pastedChip()->isVisible());
        QCOMPARE(composer->editor()->toPlainText(), QString());
        QCOMPARE(composer->text(), huge);
        QVERIFY(composer->sendButton()->isEnabled());
        QVERIFY(window->grab().save(screenshotPath(u"longquestion-refused.png"_s)));
    }

    void chipCanBeRemovedAndShortPastesStayInTheBox()
    {
        WindowFixture f;
        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        Composer *composer = window->composer();
        paste(composer, QString(Composer::pasteLimit + 1, u'7'));
        QVERIFY(composer->pastedChip()->isVisible());
        QVERIFY(composer->sendButton()->isEnabled());
        QTest::mouseClick(
            composer->pastedChip()->findChild<QToolButton *>(u"removePasted"_s), Qt::LeftButton);
        QVERIFY(!composer->pastedChip()->isVisible());
        QCOMPARE(composer->text(), QString());
        QVERIFY(!composer->sendButton()->isEnabled());

        paste(composer, u"Q3 revenue"_s);
        QVERIFY(!composer->pastedChip()->isVisible());
        QCOMPARE(composer->editor()->toPlainText(), u"Q3 revenue"_s);
    }
};

QTEST_MAIN(TestHugePaste)
#include "tst_hugepaste.moc"

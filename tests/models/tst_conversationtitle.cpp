// Conversation::titleFor: a new conversation is titled after its first question, on one line,
// at most 60 characters cut at a word. Expected titles are written out by hand.
#include "models/types.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestConversationTitle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void titleFor_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("title");
        QTest::newRow("short") << u"Revenue by month"_s << u"Revenue by month"_s;
        QTest::newRow("spaces and lines")
            << u"  Revenue\n\tby   month  "_s << u"Revenue by month"_s;
        // 63 characters: cut at the last space before 60, then an ellipsis.
        QTest::newRow("long")
            << u"Show the monthly revenue of every region as a line chart please"_s
            << u"Show the monthly revenue of every region as a line chart…"_s;
        // A 4 MB paste: only its start is looked at, and the title is the same cut.
        QTest::newRow("4 MB paste")
            << u"Summarise this report for the board: "_s + u"revenue grew "_s.repeated(330000)
            << u"Summarise this report for the board: revenue grew revenue…"_s;
        // Past the part looked at there is more text, so the title says it is cut.
        QTest::newRow("short start, long blank run")
            << u"Notes"_s + QString(5000, u' ') + u"more"_s << u"Notes…"_s;
    }
    void titleFor()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, title);
        QCOMPARE(Conversation::titleFor(prompt), title);
    }
};

QTEST_GUILESS_MAIN(TestConversationTitle)
#include "tst_conversationtitle.moc"

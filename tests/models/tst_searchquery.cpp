#include "searchquery.h"

#include <QTest>

class TestSearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toFts5_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one word") << u"revenue"_qs << u"\"revenue\""_qs;
        QTest::newRow("two words") << u"revenue  margin"_qs << u"\"revenue\" \"margin\""_qs;
        QTest::newRow("prefix") << u"rev*"_qs << u"\"rev\"*"_qs;
        QTest::newRow("phrase") << u"\"monthly revenue\""_qs << u"\"monthly revenue\""_qs;
        QTest::newRow("unclosed phrase") << u"\"monthly rev"_qs << u"\"monthly rev\""_qs;
        QTest::newRow("or") << u"emea OR apac"_qs << u"\"emea\" OR \"apac\""_qs;
        QTest::newRow("lower-case or is a word")
            << u"this or that"_qs << u"\"this\" \"or\" \"that\""_qs;
        QTest::newRow("leading operator dropped") << u"OR revenue"_qs << u"\"revenue\""_qs;
        QTest::newRow("trailing operator dropped") << u"revenue NOT"_qs << u"\"revenue\""_qs;
        QTest::newRow("punctuation") << u"e-mail (draft):"_qs << u"\"e mail\" \"draft\""_qs;
        QTest::newRow("quotes inside words") << u"it's"_qs << u"\"it s\""_qs;
        QTest::newRow("only syntax") << u"( ) * : ^ \"\""_qs << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("unicode") << u"Umsätze Zürich"_qs << u"\"Umsätze\" \"Zürich\""_qs;
    }

    void toFts5()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(SearchQuery::toFts5(input), expected);
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"

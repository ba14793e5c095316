#include "models/searchquery.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toFts5_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one word") << u"revenue"_s << u"\"revenue\""_s;
        QTest::newRow("two words") << u"revenue  margin"_s << u"\"revenue\" \"margin\""_s;
        QTest::newRow("prefix") << u"rev*"_s << u"\"rev\"*"_s;
        QTest::newRow("phrase") << u"\"monthly revenue\""_s << u"\"monthly revenue\""_s;
        QTest::newRow("unclosed phrase") << u"\"monthly rev"_s << u"\"monthly rev\""_s;
        QTest::newRow("or") << u"emea OR apac"_s << u"\"emea\" OR \"apac\""_s;
        QTest::newRow("lower-case or is a word")
            << u"this or that"_s << u"\"this\" \"or\" \"that\""_s;
        QTest::newRow("leading operator dropped") << u"OR revenue"_s << u"\"revenue\""_s;
        QTest::newRow("trailing operator dropped") << u"revenue NOT"_s << u"\"revenue\""_s;
        QTest::newRow("punctuation") << u"e-mail (draft):"_s << u"\"e mail\" \"draft\""_s;
        QTest::newRow("quotes inside words") << u"it's"_s << u"\"it s\""_s;
        QTest::newRow("underscores separate") << u"a_b _"_s << u"\"a b\""_s;
        QTest::newRow("only syntax") << u"( ) * : ^ \"\""_s << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("unicode") << u"Umsätze Zürich"_s << u"\"Umsätze\" \"Zürich\""_s;
    }

    void toFts5()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(SearchQuery::toFts5(input), expected);
    }

    void phrases_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("words") << u"revenue margin"_s
                               << QStringList { u"\"revenue\""_s, u"\"margin\""_s };
        QTest::newRow("operators are not phrases")
            << u"emea OR apac NOT rev*"_s
            << QStringList { u"\"emea\""_s, u"\"apac\""_s, u"\"rev\"*"_s };
        QTest::newRow("a phrase is one")
            << u"\"monthly revenue\" e-mail"_s
            << QStringList { u"\"monthly revenue\""_s, u"\"e mail\""_s };
        QTest::newRow("nothing searchable") << u"_ ( )"_s << QStringList {};
    }

    void phrases()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, expected);
        QCOMPARE(SearchQuery::phrases(input), expected);
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"

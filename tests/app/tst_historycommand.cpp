// `chartroom-cli history search` with its filters: HistoryCommand run in-process against a
// temporary store (main.cpp hands it the words after "history", options included).
#include "capturedoutput.h"
#include "historycommand.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>

namespace {
using Run = CapturedRun;

Run run(Repository &repository, const QStringList &arguments, bool json = true)
{
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    Run r;
    {
        const Output output(out, err);
        r.exitCode = HistoryCommand(repository, output, json).run(arguments);
    }
    r.out = readBack(out);
    r.err = readBack(err);
    return r;
}

QStringList snippetsOf(const QString &jsonText)
{
    QStringList snippets;
    const QJsonArray hits = QJsonDocument::fromJson(jsonText.toUtf8())[u"hits"_qs].toArray();
    for (const QJsonValue &hit : hits)
        snippets << hit[u"snippet"_qs].toString();
    snippets.sort();
    return snippets;
}
} // namespace

class TestHistoryCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Repository &repo = *m_store.repository;
        const auto add = [&](qint64 conversation, const QString &text, QDate day, bool chart) {
            Message m;
            m.conversationId = conversation;
            m.text = text;
            m.createdAt = QDateTime(day, QTime(9, 0), Qt::LocalTime);
            if (chart) {
                Asset a;
                a.type = u"item"_qs;
                a.valueJson = "{}";
                m.assets << a;
            }
            QVERIFY(repo.addMessage(m));
        };
        const qint64 local = repo.createConversation(u"Notes"_qs, u"local"_qs)->id;
        const qint64 luzmo = repo.createConversation(u"Remote"_qs, u"luzmo"_qs, u"r"_qs)->id;
        add(local, u"alpha one"_qs, QDate(2024, 1, 10), true);
        add(local, u"alpha two"_qs, QDate(2024, 2, 10), false);
        add(luzmo, u"alpha three"_qs, QDate(2024, 3, 10), true);
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        const QString one = u"[alpha] one"_qs, two = u"[alpha] two"_qs, three = u"[alpha] three"_qs;
        QTest::newRow("no filter")
            << QStringList { u"search"_qs, u"alpha"_qs } << QStringList { one, three, two };
        QTest::newRow("backend") << QStringList { u"search"_qs, u"alpha"_qs, u"--backend"_qs,
            u"luzmo"_qs } << QStringList { three };
        QTest::newRow("backend=") << QStringList { u"search"_qs, u"--backend=local"_qs,
            u"alpha"_qs } << QStringList { one, two };
        QTest::newRow("from") << QStringList { u"search"_qs, u"alpha"_qs, u"--from"_qs,
            u"2024-02-10"_qs } << QStringList { three, two };
        QTest::newRow("to") << QStringList { u"search"_qs, u"alpha"_qs, u"--to"_qs,
            u"2024-02-10"_qs }
                            << QStringList { one, two };
        QTest::newRow("has chart") << QStringList { u"search"_qs, u"alpha"_qs, u"--has-chart"_qs }
                                   << QStringList { one, three };
        QTest::newRow("all") << QStringList { u"search"_qs, u"--has-chart"_qs, u"alpha"_qs,
            u"--backend"_qs, u"local"_qs, u"--from=2024-01-01"_qs, u"--to=2024-01-31"_qs }
                             << QStringList { one };
        QTest::newRow("phrase and prefix") << QStringList { u"search"_qs, u"\"alpha two\""_qs,
            u"OR"_qs, u"on*"_qs } << QStringList { u"alpha [one]"_qs, u"[alpha two]"_qs };
    }

    void filters()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        const Run r = run(*m_store.repository, arguments);
        QCOMPARE(r.exitCode, int(ExitOk));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        expected.sort();
        QCOMPARE(snippetsOf(r.out), expected);
    }

    void badFilters_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("bad date") << QStringList { u"search"_qs, u"a"_qs, u"--from"_qs,
            u"10/01/2024"_qs } << u"YYYY-MM-DD"_qs;
        QTest::newRow("missing value")
            << QStringList { u"search"_qs, u"a"_qs, u"--backend"_qs } << u"needs a value"_qs;
        QTest::newRow("from after to")
            << QStringList { u"search"_qs, u"a"_qs, u"--from=2024-05-01"_qs, u"--to=2024-04-01"_qs }
            << u"after"_qs;
        QTest::newRow("unknown option")
            << QStringList { u"search"_qs, u"a"_qs, u"--colour"_qs } << u"unknown search option"_qs;
        QTest::newRow("only filters")
            << QStringList { u"search"_qs, u"--has-chart"_qs } << u"usage"_qs;
    }

    void badFilters()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const Run r = run(*m_store.repository, arguments);
        QCOMPARE(r.exitCode, int(ExitUsage));
        QVERIFY2(r.err.contains(error), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void textOutputMarksMatches()
    {
        const Run r = run(*m_store.repository,
            { u"search"_qs, u"three"_qs, u"--backend"_qs, u"luzmo"_qs }, false);
        QCOMPARE(r.exitCode, int(ExitOk));
        QVERIFY2(r.out.contains(u"alpha [three]"_qs), qPrintable(r.out));
    }

private:
    TempStore m_store;
};

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"

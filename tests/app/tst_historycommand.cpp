// `chartroom-cli history search` with its filters: HistoryCommand run in-process against a
// temporary store (main.cpp hands it the words after "history", options included).
#include "app/cli/historycommand.h"
#include "tests/support/capturedoutput.h"
#include "tests/support/commandrun.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
using Run = CapturedRun;

Run run(Repository &repository, QStringList arguments, bool json = true)
{
    if (json)
        arguments.prepend(u"--json"_s); // first: a missing value stays missing
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    Run r;
    {
        const Output output(out, err);
        HistoryCommand command(
            repository, CommandLine(HistoryCommand::options(), arguments), output);
        r.exitCode = runCommand(command);
    }
    r.out = readBack(out);
    r.err = readBack(err);
    return r;
}

QStringList snippetsOf(const QString &jsonText)
{
    QStringList snippets;
    const QJsonArray hits = QJsonDocument::fromJson(jsonText.toUtf8())[u"hits"_s].toArray();
    for (const QJsonValue &hit : hits)
        snippets << hit[u"snippet"_s].toString();
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
                a.type = u"item"_s;
                a.valueJson = "{}";
                m.assets << a;
            }
            QVERIFY(repo.addMessage(m));
        };
        const qint64 local = repo.createConversation(u"Notes"_s, u"local"_s)->id;
        const qint64 luzmo = repo.createConversation(u"Remote"_s, u"luzmo"_s, u"r"_s)->id;
        add(local, u"alpha one"_s, QDate(2024, 1, 10), true);
        add(local, u"alpha two"_s, QDate(2024, 2, 10), false);
        add(luzmo, u"alpha three"_s, QDate(2024, 3, 10), true);
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        const QString one = u"[alpha] one"_s, two = u"[alpha] two"_s, three = u"[alpha] three"_s;
        QTest::newRow("no filter")
            << QStringList { u"search"_s, u"alpha"_s } << QStringList { one, three, two };
        QTest::newRow("backend") << QStringList { u"search"_s, u"alpha"_s, u"--backend"_s,
            u"luzmo"_s } << QStringList { three };
        QTest::newRow("backend=") << QStringList { u"search"_s, u"--backend=local"_s, u"alpha"_s }
                                  << QStringList { one, two };
        QTest::newRow("from") << QStringList { u"search"_s, u"alpha"_s, u"--from"_s,
            u"2024-02-10"_s } << QStringList { three, two };
        QTest::newRow("to") << QStringList { u"search"_s, u"alpha"_s, u"--to"_s, u"2024-02-10"_s }
                            << QStringList { one, two };
        QTest::newRow("has chart") << QStringList { u"search"_s, u"alpha"_s, u"--has-chart"_s }
                                   << QStringList { one, three };
        QTest::newRow("all") << QStringList { u"search"_s, u"--has-chart"_s, u"alpha"_s,
            u"--backend"_s, u"local"_s, u"--from=2024-01-01"_s, u"--to=2024-01-31"_s }
                             << QStringList { one };
        QTest::newRow("phrase and prefix") << QStringList { u"search"_s, u"\"alpha two\""_s,
            u"OR"_s, u"on*"_s } << QStringList { u"alpha [one]"_s, u"[alpha two]"_s };
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
        QTest::newRow("bad date") << QStringList { u"search"_s, u"a"_s, u"--from"_s,
            u"10/01/2024"_s } << u"YYYY-MM-DD"_s;
        QTest::newRow("missing value")
            << QStringList { u"search"_s, u"a"_s, u"--backend"_s } << u"needs a value"_s;
        QTest::newRow("from after to") << QStringList { u"search"_s, u"a"_s, u"--from=2024-05-01"_s,
            u"--to=2024-04-01"_s } << u"after"_s;
        QTest::newRow("unknown option")
            << QStringList { u"search"_s, u"a"_s, u"--colour"_s } << u"unknown search option"_s;
        QTest::newRow("only filters")
            << QStringList { u"search"_s, u"--has-chart"_s } << u"usage"_s;
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
        const Run r = run(
            *m_store.repository, { u"search"_s, u"three"_s, u"--backend"_s, u"luzmo"_s }, false);
        QCOMPARE(r.exitCode, int(ExitOk));
        QVERIFY2(r.out.contains(u"alpha [three]"_s), qPrintable(r.out));
    }

private:
    TempStore m_store;
};

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"

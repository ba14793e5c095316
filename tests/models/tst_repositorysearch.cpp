// Repository search: messages and titles in full text, ranking by relevance (exactly FTS5's
// bm25 in a history smaller than the IDF sample, the sample's counts in a larger one), the
// filters (backend, dates, charts) applied before the ranking window, and the searchable
// backends.
#include "models/database.h"
#include "models/repository.h"
#include "models/searchquery.h"
#include "tests/support/tempstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

class TestRepositorySearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchFindsMessagesAndTitles()
    {
        TempStore store;
        Repository &repo = *store.repository;
        auto c = repo.createConversation(u"Regional margins"_s);
        Message m;
        m.conversationId = c->id;
        m.text = u"Compare the margin by region for 2024"_s;
        QVERIFY(repo.addMessage(m));
        m.text = u"Show monthly revenue as a line chart"_s;
        QVERIFY(repo.addMessage(m));

        auto hits = repo.search(u"margin"_s);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1); // "margins" in the title is another word
        QCOMPARE(hits->first().messageId > 0, true);
        QVERIFY(hits->first().snippetWith(u"["_s, u"]"_s).contains(u"[margin]"_s));

        hits = repo.search(u"margin*"_s);
        QCOMPARE(hits->size(), 2); // the title and the message
        QCOMPARE(hits->first().messageId, 0);

        QCOMPARE(repo.search(u"\"line chart\""_s)->size(), 1);
        QCOMPARE(repo.search(u"\"chart line\""_s)->size(), 0);
        QCOMPARE(repo.search(u"revenue OR region"_s)->size(), 2);
        QCOMPARE(repo.search(u"revenue NOT monthly"_s)->size(), 0);
        QCOMPARE(repo.search(u"REVENUE"_s)->size(), 1); // case-insensitive
        QVERIFY(repo.search(u"(\"*:^"_s)); // syntax characters never make an error

        // Streaming updates keep the index in step.
        Message streaming = repo.messages(c->id)->last();
        streaming.text = u"Quarterly forecast"_s;
        QVERIFY(!repo.updateMessage(streaming, Repository::MessageField::Text));
        QCOMPARE(repo.search(u"forecast"_s)->size(), 1);
        QCOMPARE(repo.search(u"monthly"_s)->size(), 0);

        QVERIFY(!repo.deleteConversation(c->id));
        QCOMPARE(repo.search(u"forecast"_s)->size(), 0);
    }

    void messagesAreRankedByRelevance()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"Ranking"_s, 0);
        Message m;
        m.conversationId = conv;
        m.text = u"A long note that mentions forecast once among many other words about cost, "
                 u"units, regions, products, quarters and the weather"_s;
        const qint64 weak = repo.addMessage(m)->id;
        m.text = u"Forecast: the forecast for Q3"_s;
        const qint64 strong = repo.addMessage(m)->id;
        m.text = u"unrelated"_s;
        QVERIFY(repo.addMessage(m));
        auto hits = repo.search(u"forecast"_s);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->at(0).messageId, strong); // denser match first, though not the newest
        QCOMPARE(hits->at(1).messageId, weak);
        QVERIFY(hits->at(0).rank < hits->at(1).rank);
        QCOMPARE(repo.search(u"forecast"_s, 1)->size(), 1);
        QCOMPARE(repo.search(u"forecast"_s, 0)->size(), 0);
        QCOMPARE(repo.search(u"forecast"_s, -1)->size(), 2); // no limit: the whole window
    }

    void rankIsFts5Bm25_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("word") << u"revenue"_s;
        QTest::newRow("two words") << u"margin region"_s;
        QTest::newRow("phrase") << u"\"monthly revenue\""_s;
        QTest::newRow("prefix") << u"rev*"_s;
        QTest::newRow("or") << u"emea OR apac"_s;
        QTest::newRow("not") << u"revenue NOT decline"_s;
        QTest::newRow("or and not") << u"margin OR emea NOT revenue"_s;
        QTest::newRow("split word") << u"e-mail revenue"_s;
        QTest::newRow("underscore") << u"_ revenue"_s;
    }

    void rankIsFts5Bm25()
    {
        // A history smaller than the IDF sample: every rank is exactly FTS5's bm25() (plain SQL
        // here), in its order, for every query shape.
        QFETCH(QString, query);
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"Words"_s, 0);
        const QStringList texts = {
            u"revenue by region"_s,
            u"monthly revenue for emea, revenue again"_s,
            u"margin and region in apac"_s,
            u"an e-mail about revenue"_s,
            u"revenue decline in emea"_s,
            u"revisions of the monthly margin"_s,
            u"apac apac emea margin region margin"_s,
            u"nothing relevant"_s,
            u"monthly revenue, monthly revenue"_s,
        };
        for (const QString &text : texts) {
            Message m;
            m.conversationId = conv;
            m.text = text;
            QVERIFY(repo.addMessage(m));
        }
        QSqlQuery q(repo.database().connection());
        QVERIFY(q.prepare(u"SELECT rowid, bm25(messages_fts) FROM messages_fts "
                          u"WHERE messages_fts MATCH ? ORDER BY rowid DESC"_s));
        q.addBindValue(SearchQuery::toFts5(query));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QList<QPair<double, qint64>> expected;
        while (q.next())
            expected << qMakePair(q.value(1).toDouble(), q.value(0).toLongLong());
        std::stable_sort(expected.begin(), expected.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
        QVERIFY(!expected.isEmpty());

        const auto hits = repo.search(query);
        QVERIFY(hits);
        QList<QPair<double, qint64>> found;
        for (const SearchHit &hit : *hits)
            found << qMakePair(hit.rank, hit.messageId);
        QCOMPARE(found, expected); // exact doubles
    }

    void idfFromTheNewestMessages()
    {
        // Over a history larger than the sample, a phrase's IDF counts the newest messages only.
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"Greek"_s, 0);
        QList<qint64> ids;
        for (const QString &text : { u"alpha beta"_s, u"alpha alpha gamma"_s, u"delta"_s,
                 u"delta epsilon"_s, u"beta gamma"_s, u"alpha delta delta"_s }) {
            Message m;
            m.conversationId = conv;
            m.text = text;
            ids << repo.addMessage(m)->id;
        }
        repo.setIdfSample(4); // messages 3 to 6: "alpha" in one of them
        // bm25 by hand: 13 tokens in 6 rows; IDF log((4 - 1 + 0.5) / (1 + 0.5)).
        const double idf = std::log(3.5 / 1.5);
        const double averageLength = 13.0 / 6.0;
        const auto bm25 = [&](double tf, double length) {
            return -idf * (tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * length / averageLength));
        };
        const auto hits = repo.search(u"alpha"_s);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 3);
        QCOMPARE(hits->at(0).messageId, ids[1]); // "alpha" twice in 3 tokens
        QCOMPARE(hits->at(0).rank, bm25(2, 3));
        QCOMPARE(hits->at(1).messageId, ids[0]);
        QCOMPARE(hits->at(1).rank, bm25(1, 2));
        QCOMPARE(hits->at(2).messageId, ids[5]);
        QCOMPARE(hits->at(2).rank, bm25(1, 3));

        // The whole history as the sample: "alpha" in 3 of 6 rows, an IDF of log(1) = 0, which
        // bm25 raises to 1e-6.
        repo.setIdfSample(Repository::idfSample);
        const auto all = repo.search(u"alpha"_s);
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).rank, bm25(2, 3) / idf * 1e-6);
    }

    void searchFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<bool>("hasChart");
        QTest::addColumn<QStringList>("expected");

        const QString revenue = u"revenue"_s;
        const QDate any;
        // Titles: "title A" (local, updated 2024-03-25, has a chart), "title C" (looker, updated
        // 2024-06-01, no chart). Messages: a1 (local, 2024-03-01, chart), a2 (local, 2024-03-20
        // 23:30, no chart), b1 (luzmo, 2024-05-05, chart).
        QTest::newRow("no filter")
            << revenue << QString() << any << any << false
            << QStringList { u"title A"_s, u"title C"_s, u"a1"_s, u"a2"_s, u"b1"_s };
        QTest::newRow("backend local") << revenue << u"local"_s << any << any << false
                                       << QStringList { u"title A"_s, u"a1"_s, u"a2"_s };
        QTest::newRow("backend luzmo")
            << revenue << u"luzmo"_s << any << any << false << QStringList { u"b1"_s };
        QTest::newRow("backend unknown")
            << revenue << u"nowhere"_s << any << any << false << QStringList {};
        QTest::newRow("from only") << revenue << QString() << QDate(2024, 3, 15) << any << false
                                   << QStringList { u"title A"_s, u"title C"_s, u"a2"_s, u"b1"_s };
        QTest::newRow("to is inclusive") << revenue << QString() << any << QDate(2024, 3, 20)
                                         << false << QStringList { u"a1"_s, u"a2"_s };
        QTest::newRow("one month")
            << revenue << QString() << QDate(2024, 3, 1) << QDate(2024, 3, 31) << false
            << QStringList { u"title A"_s, u"a1"_s, u"a2"_s };
        QTest::newRow("one day") << revenue << QString() << QDate(2024, 5, 5) << QDate(2024, 5, 5)
                                 << false << QStringList { u"b1"_s };
        QTest::newRow("has chart") << revenue << QString() << any << any << true
                                   << QStringList { u"title A"_s, u"a1"_s, u"b1"_s };
        QTest::newRow("all filters") << revenue << u"local"_s << QDate(2024, 2, 1)
                                     << QDate(2024, 3, 10) << true << QStringList { u"a1"_s };
        QTest::newRow("prefix and backend")
            << u"rev*"_s << u"looker"_s << any << any << false << QStringList { u"title C"_s };
        QTest::newRow("phrase and chart")
            << u"\"revenue by\""_s << QString() << any << any << true << QStringList { u"a1"_s };
        QTest::newRow("OR and backend") << u"forecast OR margin"_s << u"luzmo"_s << any << any
                                        << false << QStringList { u"title B"_s, u"b1"_s };
    }

    void searchFilters()
    {
        QFETCH(QString, query);
        QFETCH(QString, backend);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(bool, hasChart);
        QFETCH(QStringList, expected);

        TempStore store;
        Repository &repo = *store.repository;
        QHash<qint64, QString> names;
        const auto add = [&](qint64 conversation, const QString &name, const QString &text,
                             const QDateTime &at, bool chart) {
            Message m;
            m.conversationId = conversation;
            m.role = MessageRole::Assistant;
            m.text = text;
            m.createdAt = at;
            if (chart) {
                Asset a;
                a.type = u"item"_s;
                a.valueJson = R"({"type":"line-chart"})";
                m.assets << a;
            }
            auto stored = repo.addMessage(m);
            QVERIFY(stored);
            names.insert(stored->id, name);
        };
        const auto local = [](int y, int mo, int d, int h = 12, int mi = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::LocalTime);
        };
        const qint64 a = repo.createConversation(u"Revenue review"_s, u"local"_s)->id;
        const qint64 b = repo.createConversation(u"Margin talk"_s, u"luzmo"_s, u"r1"_s)->id;
        const qint64 c = repo.createConversation(u"Revenue plans"_s, u"looker"_s, u"r2"_s)->id;
        add(a, u"a1"_s, u"Revenue by region as a line chart"_s, local(2024, 3, 1), true);
        add(a, u"a2"_s, u"The revenue forecast for Q2"_s, local(2024, 3, 20, 23, 30), false);
        add(b, u"b1"_s, u"Revenue and margin per plan"_s, local(2024, 5, 5), true);
        add(c, u"c1"_s, u"No numbers yet"_s, local(2024, 6, 1), false);
        QSqlQuery q(repo.database().connection());
        QVERIFY(q.prepare(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s));
        for (const auto &[id, at] : { std::pair { a, local(2024, 3, 25) },
                 std::pair { b, local(2024, 5, 6) }, std::pair { c, local(2024, 6, 1) } }) {
            q.addBindValue(at.toMSecsSinceEpoch());
            q.addBindValue(id);
            QVERIFY(q.exec());
        }

        const auto hits = repo.search(query, 50, SearchFilter { backend, from, to, hasChart });
        QVERIFY(hits);
        QStringList found;
        for (const SearchHit &hit : *hits) {
            found << (hit.messageId ? names.value(hit.messageId)
                                    : u"title "_s
                        + (hit.conversationId == a        ? u"A"_s
                                : hit.conversationId == b ? u"B"_s
                                                          : u"C"_s));
        }
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void filterAppliesBeforeTheRankingWindow()
    {
        // Newer matches that the filter rejects must not fill the window and hide the old one.
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 local = repo.createConversation(u"Local"_s, u"local"_s)->id;
        const qint64 remote = repo.createConversation(u"Remote"_s, u"luzmo"_s, u"r"_s)->id;
        Message old;
        old.conversationId = remote;
        old.text = u"forecast from the remote history"_s;
        const qint64 oldId = repo.addMessage(old)->id;
        QSqlDatabase db = repo.database().connection();
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY(q.prepare(u"INSERT INTO messages (conversation_id, role, text, created_at, "
                          u"updated_at, seq) VALUES (?, 'user', 'forecast again', 0, 0, ?)"_s));
        for (int i = 0; i < Repository::rankingWindow + 10; ++i) {
            q.addBindValue(local);
            q.addBindValue(i + 1);
            QVERIFY(q.exec());
        }
        QVERIFY(db.commit());

        auto hits = repo.search(u"forecast"_s, 5, SearchFilter { u"luzmo"_s, {}, {}, false });
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().messageId, oldId);
        QCOMPARE(repo.search(u"forecast"_s, 5)->size(), 5); // unfiltered: the newest window
    }

    void searchableBackendsAreDistinct()
    {
        TempStore store;
        Repository &repo = *store.repository;
        QCOMPARE(*repo.searchableBackends(), QStringList {});
        repo.createConversation(u"One"_s, u"local"_s);
        repo.createConversation(u"Two"_s, u"luzmo"_s, u"x"_s);
        repo.createConversation(u"Three"_s, u"local"_s);
        const qint64 gone = repo.createConversation(u"Four"_s, u"looker"_s, u"y"_s)->id;
        QVERIFY(!repo.deleteConversation(gone));
        QCOMPARE(*repo.searchableBackends(), (QStringList { u"local"_s, u"luzmo"_s }));
    }
};

QTEST_GUILESS_MAIN(TestRepositorySearch)
#include "tst_repositorysearch.moc"

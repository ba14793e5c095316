#include "models/searchresultmodel.h"
#include "tests/support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSearchResultModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void titleAndMessageHitsAreTyped()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const auto titled = repo.createConversation(u"Quarterly margin review"_s);
        QVERIFY(titled);
        const auto other = repo.createConversation(u"Seats"_s);
        QVERIFY(other);
        Message m;
        m.conversationId = other->id;
        m.role = MessageRole::Assistant;
        m.text = u"The margin per seat rose."_s;
        const auto stored = repo.addMessage(m);
        QVERIFY(stored);

        SearchResultModel model(repo);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(model.setQuery(u"margin"_s));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.errorString(), QString());

        QSet<qint64> seen;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex hit = model.index(row);
            const auto match
                = hit.data(SearchResultModel::MatchRole).value<SearchResultModel::Match>();
            const qint64 conversation
                = hit.data(SearchResultModel::ConversationIdRole).toLongLong();
            seen << conversation;
            if (match == SearchResultModel::Match::Title) {
                QCOMPARE(conversation, titled->id);
                QCOMPARE(hit.data(SearchResultModel::MessageIdRole).toLongLong(), 0);
                QCOMPARE(hit.data(SearchResultModel::TitleRole).toString(),
                    u"Quarterly margin review"_s);
            } else {
                QCOMPARE(match, SearchResultModel::Match::Message);
                QCOMPARE(conversation, other->id);
                QCOMPARE(hit.data(SearchResultModel::MessageIdRole).toLongLong(), stored->id);
                QVERIFY2(hit.data(SearchResultModel::SnippetHtmlRole)
                             .toString()
                             .contains(u"<b>margin</b>"_s),
                    qPrintable(hit.data(SearchResultModel::SnippetHtmlRole).toString()));
            }
        }
        QCOMPARE(seen, (QSet<qint64> { titled->id, other->id }));

        // An empty query clears the results.
        QVERIFY(model.setQuery(QString()));
        QCOMPARE(model.rowCount(), 0);
    }

    void groupsHitsPerConversation()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const auto titled = repo.createConversation(u"Otter survey"_s);
        const auto other = repo.createConversation(u"Rivers"_s);
        QVERIFY(titled && other);
        QList<qint64> messageIds;
        for (const QString &text : { u"One otter."_s, u"An otter and an otter."_s }) {
            Message m;
            m.conversationId = other->id;
            m.text = text;
            const auto stored = repo.addMessage(m);
            QVERIFY(stored);
            messageIds << stored->id;
        }
        SearchResultModel model(repo);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setQuery(u"otter"_s));
        QCOMPARE(model.rowCount(), 3); // the title and both messages
        model.setGrouping(SearchResultModel::Grouping::PerConversation);
        // The title hit first (titles come first), then Rivers once.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(
            model.index(0).data(SearchResultModel::ConversationIdRole).toLongLong(), titled->id);
        QCOMPARE(
            model.index(1).data(SearchResultModel::ConversationIdRole).toLongLong(), other->id);
        const qint64 best = model.index(1).data(SearchResultModel::MessageIdRole).toLongLong();
        QVERIFY(messageIds.contains(best));

        // A rename and a delete run the query again without a call.
        QVERIFY(!repo.renameConversation(titled->id, u"Otter count"_s));
        QTRY_COMPARE(
            model.index(0).data(SearchResultModel::TitleRole).toString(), u"Otter count"_s);
        QVERIFY(!repo.deleteConversation(other->id));
        QTRY_COMPARE(model.rowCount(), 1);
    }

    void plainSnippets_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("plain");
        QTest::newRow("table") << u"| a | b |\n| --- | :---: |\n| c | d |"_s << u"a b c d"_s;
        QTest::newRow("emphasis") << u"**bold** and `code` and ~~old~~"_s
                                  << u"bold and code and old"_s;
        QTest::newRow("heading") << u"# Title\n## Sub"_s << u"Title Sub"_s;
        QTest::newRow("link") << u"see [the docs](https://x.example/a) now"_s
                              << u"see the docs now"_s;
        QTest::newRow("list") << u"- one\n- two"_s << u"one two"_s;
        QTest::newRow("rule") << u"above\n---\nbelow"_s << u"above below"_s;
        QTest::newRow("plain") << u"2 - 1 = 1, item #3"_s << u"2 - 1 = 1, item #3"_s;
    }

    void plainSnippets()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, plain);
        QCOMPARE(SearchResultModel::plainSnippet(markdown), plain);
    }
};

QTEST_GUILESS_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"

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
};

QTEST_GUILESS_MAIN(TestSearchResultModel)
#include "tst_searchresultmodel.moc"

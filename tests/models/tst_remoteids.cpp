// The store's side of matching a backend's ids with what is already stored: one remote
// conversation kept as one local conversation, a remote message id stored once. Expected values
// are read back with plain SQL, not through the repository under test.

#include "models/database.h"
#include "models/repository.h"
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// (conversation_id, seq, text) of every message, in seq order, straight from SQL.
QList<QStringList> rows(Database &db, qint64 conversationId)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT seq, text FROM messages WHERE conversation_id = ? ORDER BY seq"_s);
    q.addBindValue(conversationId);
    q.exec();
    QList<QStringList> out;
    while (q.next())
        out << QStringList { q.value(0).toString(), q.value(1).toString() };
    return out;
}

qint64 scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}
} // namespace

class TestRemoteIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversationByRemoteIdIsPerBackend()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 a = repo.createConversation(u"a"_s, u"luzmo"_s, u"r1"_s)->id;
        QVERIFY(repo.createConversation(u"b"_s, u"looker"_s, u"r1"_s));
        auto found = repo.conversationByRemoteId(u"luzmo"_s, u"r1"_s);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->id, a);
        QVERIFY(!repo.conversationByRemoteId(u"luzmo"_s, u"r2"_s)->has_value());
        QVERIFY(!repo.conversationByRemoteId(u"workflow"_s, u"r1"_s)->has_value());
        QVERIFY(!repo.deleteConversation(a)); // deleted ones are found too
        QCOMPARE((*repo.conversationByRemoteId(u"luzmo"_s, u"r1"_s))->id, a);
    }

    void mergeAppendsInOrderAndRemovesTheCopy()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 into = store.addConversation(u"Synced"_s, 3); // message 1..3
        const qint64 from = store.addConversation(u"Asked now"_s, 2); // message 1..2
        QVERIFY(!repo.deleteConversation(into)); // a soft-deleted copy comes back
        QSignalSpy removed(&repo, &Repository::conversationRemoved);
        QSignalSpy changed(&repo, &Repository::conversationChanged);
        QVERIFY(!repo.mergeConversation(from, into));
        const QList<QStringList> expected { { u"1"_s, u"message 1"_s }, { u"2"_s, u"message 2"_s },
            { u"3"_s, u"message 3"_s }, { u"4"_s, u"message 1"_s }, { u"5"_s, u"message 2"_s } };
        QCOMPARE(rows(store.database, into), expected);
        QCOMPARE(
            scalar(store.database, u"SELECT count(*) FROM conversations WHERE id = ?"_s, { from }),
            0);
        QCOMPARE(
            scalar(store.database, u"SELECT deleted FROM conversations WHERE id = ?"_s, { into }),
            0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toLongLong(), from);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<Conversation>().id, into);
        // The moved text is still found, under the kept conversation.
        auto hits = repo.search(u"message"_s);
        QVERIFY(hits);
        for (const SearchHit &hit : *hits)
            QCOMPARE(hit.conversationId, into);
        QVERIFY(repo.mergeConversation(from, into).has_value()); // `from` is gone
    }

    void mergeIntoItselfOrNothingIsRefused()
    {
        TempStore store;
        const qint64 a = store.addConversation(u"a"_s, 2);
        QCOMPARE(store.repository->mergeConversation(4242, a)->code, StoreError::Code::NotFound);
        QVERIFY(store.repository->mergeConversation(a, a).has_value());
        QCOMPARE(rows(store.database, a).size(), 2); // rolled back, nothing moved
    }

    void messageByRemoteIdAndRemoval()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"c"_s, 0);
        const qint64 other = store.addConversation(u"other"_s, 0);
        Message m;
        m.conversationId = conv;
        m.role = MessageRole::Assistant;
        m.remoteId = u"msg-7"_s;
        m.text = u"first copy zebra"_s;
        const qint64 first = repo.addMessage(m)->id;
        m.text = u"second copy"_s;
        const qint64 second = repo.addMessage(m)->id;
        m.conversationId = other;
        QVERIFY(repo.addMessage(m));

        QCOMPARE((*repo.messageByRemoteId(conv, u"msg-7"_s, second))->id, first);
        QCOMPARE((*repo.messageByRemoteId(conv, u"msg-7"_s, first))->id, second);
        QVERIFY(!repo.messageByRemoteId(conv, u"msg-8"_s)->has_value());

        TranscriptModel model(*store.repository);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy removed(&repo, &Repository::messageRemoved);
        QVERIFY(!repo.removeMessage(first));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), TranscriptModel::IdRole).toLongLong(), second);
        QCOMPARE(
            scalar(store.database, u"SELECT count(*) FROM messages WHERE id = ?"_s, { first }), 0);
        QVERIFY(repo.search(u"zebra"_s)->isEmpty()); // its search entry went with it
        QCOMPARE(repo.removeMessage(first)->code, StoreError::Code::NotFound);
    }

    void assetValueUpdateDropsAStaleSnapshot()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"c"_s, 1);
        const qint64 messageId = repo.messages(conv)->first().id;
        Asset asset;
        asset.type = u"item"_s;
        asset.remoteId = u"asset-1"_s;
        asset.valueJson = R"({"type":"line-chart"})";
        const qint64 id = repo.addAsset(messageId, asset)->id;
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        QVERIFY(!repo.setAssetSnapshot(id, R"({"rows":[]})", at));

        // The same definition again: the snapshot stays.
        QVERIFY(!repo.updateAssetValue(id, u"item"_s, R"({"type":"line-chart"})"));
        QCOMPARE(scalar(store.database, u"SELECT data_taken_at FROM message_assets WHERE id = ?"_s,
                     { id }),
            1700000000000);
        // Another definition: the old data does not belong to it.
        QVERIFY(!repo.updateAssetValue(id, u"item"_s, R"({"type":"line-chart","slots":[]})"));
        QSqlQuery q(store.database.connection());
        q.prepare(u"SELECT value_json, data_json IS NULL, data_taken_at IS NULL "
                  u"FROM message_assets WHERE id = ?"_s);
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), uR"({"type":"line-chart","slots":[]})"_s);
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toInt(), 1);
        QCOMPARE(repo.updateAssetValue(4242, u"item"_s, "{}")->code, StoreError::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestRemoteIds)
#include "tst_remoteids.moc"

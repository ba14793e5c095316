#include "models/conversationlistmodel.h"
#include "tests/support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestConversationListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagesWithFetchMore()
    {
        TempStore store;
        for (int i = 0; i < 25; ++i)
            QVERIFY(store.repository->createConversation(u"c"_s + QString::number(i)));
        ConversationListModel model(*store.repository, 10);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        // The tester itself calls fetchMore() after each change, like a view scrolling down.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(inserted.count(), 3); // pages of 10, 10 and 5, appended
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(1).at(1).toInt(), 10);
        QCOMPARE(inserted.at(2).at(1).toInt(), 20);
        QCOMPARE(inserted.at(2).at(2).toInt(), 24);
        // Newest first: the last created is on top.
        QCOMPARE(model.index(0).data(ConversationListModel::TitleRole).toString(), u"c24"_s);
        QCOMPARE(model.index(24).data(ConversationListModel::TitleRole).toString(), u"c0"_s);
    }

    void roles()
    {
        TempStore store;
        auto c = store.repository->createConversation(QString(), u"looker"_s, u"r-1"_s);
        ConversationListModel model(*store.repository);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(ConversationListModel::IdRole).toLongLong(), c->id);
        QCOMPARE(i.data(Qt::DisplayRole).toString(), u"New conversation"_s);
        QCOMPARE(i.data(ConversationListModel::BackendRole).toString(), u"looker"_s);
        QCOMPARE(i.data(ConversationListModel::RemoteIdRole).toString(), u"r-1"_s);
        QVERIFY(i.data(ConversationListModel::CreatedAtRole).toDateTime().isValid());
        QVERIFY(model.roleNames().contains(ConversationListModel::UpdatedAtRole));
    }

    void followsTheRepository()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 a = store.addConversation(u"first"_s, 0);
        const qint64 b = store.addConversation(u"second"_s, 0);
        ConversationListModel model(repo);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.idAt(0), b);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        const qint64 c = store.addConversation(u"third"_s, 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(model.idAt(0), c);

        QVERIFY(!repo.renameConversation(b, u"renamed"_s));
        QCOMPARE(changed.count(), 1);
        const auto roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(ConversationListModel::TitleRole));
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(!roles.contains(ConversationListModel::UpdatedAtRole)); // rename is not activity
        QCOMPARE(model.index(model.rowOf(b)).data().toString(), u"renamed"_s);
        QCOMPARE(moved.count(), 0);

        // A message in the oldest conversation moves it to the top.
        QTest::qWait(2);
        Message m;
        m.conversationId = a;
        m.text = u"new activity"_s;
        QVERIFY(repo.addMessage(m));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.idAt(0), a);

        QVERIFY(!repo.deleteConversation(c));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowOf(c), -1);
        QCOMPARE(model.rowCount(), 2);
    }

    void liveInsertBeforeFetchIsNotDuplicated()
    {
        TempStore store;
        for (int i = 0; i < 3; ++i)
            store.addConversation(u"old"_s + QString::number(i), 0);
        ConversationListModel model(*store.repository, 2);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        store.addConversation(u"live"_s, 0);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 4);
        QSet<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.idAt(r));
        QCOMPARE(ids.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"

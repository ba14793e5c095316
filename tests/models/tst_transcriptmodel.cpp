#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTranscriptModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAtTheNewestPageAndFetchesOlder()
    {
        TempStore store;
        const qint64 conv = store.addConversation(u"long"_s, 120);
        TranscriptModel model(*store.repository, 50);
        // Observed before the tester, which itself calls fetchMore() after every change.
        int rowsAtReset = -1;
        qint64 firstSeqAtReset = -1;
        connect(&model, &QAbstractItemModel::modelReset, this, [&] {
            rowsAtReset = model.rowCount();
            firstSeqAtReset = model.index(0).data(TranscriptModel::SeqRole).toLongLong();
        });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        QCOMPARE(rowsAtReset, 50);
        QCOMPARE(firstSeqAtReset, 71);
        while (model.canFetchMore({}))
            model.fetchMore({});
        // Older pages went on top, one page at a time.
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 49);
        QCOMPARE(inserted.at(1).at(1).toInt(), 0);
        QCOMPARE(inserted.at(1).at(2).toInt(), 19);
        QCOMPARE(model.rowCount(), 120);
        QCOMPARE(model.index(119).data().toString(), u"message 120"_s);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(0).data().toString(), u"message 1"_s);
    }

    void roles_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QVariant>("expected");
        QTest::newRow("text") << int(TranscriptModel::TextRole) << QVariant(u"Revenue **grew**"_s);
        QTest::newRow("display") << int(Qt::DisplayRole) << QVariant(u"Revenue **grew**"_s);
        QTest::newRow("role") << int(TranscriptModel::RoleRole)
                              << QVariant::fromValue(MessageRole::Assistant);
        QTest::newRow("status") << int(TranscriptModel::StatusRole)
                                << QVariant::fromValue(MessageStatus::Error);
        QTest::newRow("error") << int(TranscriptModel::ErrorRole) << QVariant(u"timeout"_s);
        QTest::newRow("agent") << int(TranscriptModel::AgentRole) << QVariant(u"analyst"_s);
        QTest::newRow("remote id") << int(TranscriptModel::RemoteIdRole) << QVariant(u"m-7"_s);
        QTest::newRow("seq") << int(TranscriptModel::SeqRole) << QVariant(qint64(1));
        QTest::newRow("asset count") << int(TranscriptModel::AssetCountRole) << QVariant(1);
    }

    void roles()
    {
        QFETCH(int, role);
        QFETCH(QVariant, expected);
        TempStore store;
        const qint64 conv = store.addConversation(u"roles"_s, 0);
        Message m;
        m.conversationId = conv;
        m.role = MessageRole::Assistant;
        m.text = u"Revenue **grew**"_s;
        m.status = MessageStatus::Error;
        m.errorDetail = u"timeout"_s;
        m.agent = u"analyst"_s;
        m.remoteId = u"m-7"_s;
        Asset a;
        a.type = u"item"_s;
        a.valueJson = "{}";
        m.assets << a;
        QVERIFY(store.repository->addMessage(m));
        TranscriptModel model(*store.repository);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        QCOMPARE(model.index(0).data(role), expected);
    }

    void streamingUpdatesEmitExactRoles()
    {
        TempStore store;
        Repository &repo = *store.repository;
        const qint64 conv = store.addConversation(u"stream"_s, 1);
        const qint64 other = store.addConversation(u"other"_s, 0);
        TranscriptModel model(repo);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        Message answer;
        answer.conversationId = conv;
        answer.role = MessageRole::Assistant;
        answer.status = MessageStatus::Streaming;
        auto stored = repo.addMessage(answer);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);

        Message m = *stored;
        for (const QString &delta : { u"Monthly "_s, u"revenue "_s, u"rose."_s }) {
            m.text += delta;
            QVERIFY(!repo.updateMessage(m, Repository::MessageField::Text));
        }
        QCOMPARE(changed.count(), 3);
        const auto textRoles = changed.last().at(2).value<QList<int>>();
        QCOMPARE(textRoles,
            (QList<int> { Qt::DisplayRole, TranscriptModel::TextRole, Qt::AccessibleTextRole,
                TranscriptModel::UpdatedAtRole }));
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1).data().toString(), u"Monthly revenue rose."_s);

        m.status = MessageStatus::Complete;
        QVERIFY(!repo.updateMessage(m, Repository::MessageField::Status));
        QCOMPARE(changed.last().at(2).value<QList<int>>(),
            (QList<int> { TranscriptModel::StatusRole, TranscriptModel::ErrorRole,
                Qt::AccessibleDescriptionRole, TranscriptModel::UpdatedAtRole }));
        QCOMPARE(model.index(1).data(TranscriptModel::StatusRole).toString(), u"complete"_s);

        // Another conversation's messages do not touch this model.
        Message elsewhere;
        elsewhere.conversationId = other;
        elsewhere.text = u"unrelated"_s;
        QVERIFY(repo.addMessage(elsewhere));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.count(), 0); // never a reset per token
    }

    void liveTextIsShownAheadOfTheStore()
    {
        TempStore store;
        const qint64 conv = store.addConversation(u"live"_s, 2);
        TranscriptModel model(*store.repository);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        const qint64 id = model.index(1).data(TranscriptModel::IdRole).toLongLong();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLiveText(id, u"Revenue rose"_s);
        QCOMPARE(model.index(1).data().toString(), u"Revenue rose"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(),
            (QList<int> { Qt::DisplayRole, TranscriptModel::TextRole, Qt::AccessibleTextRole }));
        model.setLiveText(id, u"Revenue rose"_s); // unchanged: no signal
        model.setLiveText(424242, u"elsewhere"_s); // not in this conversation: ignored
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.repository->message(id)->text, u"message 2"_s); // the store is untouched
    }

    void deletedConversationEmptiesTheModel()
    {
        TempStore store;
        const qint64 conv = store.addConversation(u"gone"_s, 3);
        TranscriptModel model(*store.repository);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!store.repository->deleteConversation(conv));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.conversationId(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"

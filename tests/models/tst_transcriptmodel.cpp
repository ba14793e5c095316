#include "models/sqlitetextprefix.h"
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
    void opensAtTheNewestPageAndFetchesOlder_data()
    {
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("firstPageSize"); // 0: not set (the page size)
        QTest::addColumn<int>("rowsAtReset");
        QTest::addColumn<qint64>("firstSeqAtReset");
        QTest::addColumn<QList<int>>("pagesInserted");
        // By hand: the newest rows first (seq counts from 1), then older pages of pageSize.
        QTest::newRow("pages of 50") << 120 << 50 << 0 << 50 << qint64(71) << QList<int> { 50, 20 };
        QTest::newRow("a first page of 8")
            << 120 << 50 << 8 << 8 << qint64(113) << QList<int> { 50, 50, 12 };
        QTest::newRow("fewer than the first page")
            << 5 << 50 << 8 << 5 << qint64(1) << QList<int> {};
        QTest::newRow("exactly the first page") << 8 << 50 << 8 << 8 << qint64(1) << QList<int> {};
    }

    void opensAtTheNewestPageAndFetchesOlder()
    {
        QFETCH(int, messages);
        QFETCH(int, pageSize);
        QFETCH(int, firstPageSize);
        QFETCH(int, rowsAtReset);
        QFETCH(qint64, firstSeqAtReset);
        QFETCH(QList<int>, pagesInserted);
        TempStore store;
        const qint64 conv = store.addConversation(u"long"_s, messages);
        TranscriptModel model(*store.repository, pageSize);
        if (firstPageSize > 0)
            model.setFirstPageSize(firstPageSize);
        // Observed before the tester, which itself calls fetchMore() after every change.
        int rowsSeen = -1;
        qint64 firstSeqSeen = -1;
        connect(&model, &QAbstractItemModel::modelReset, this, [&] {
            rowsSeen = model.rowCount();
            firstSeqSeen = model.index(0).data(TranscriptModel::SeqRole).toLongLong();
        });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy opened(&model, &TranscriptModel::conversationOpened);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        QCOMPARE(rowsSeen, rowsAtReset);
        QCOMPARE(firstSeqSeen, firstSeqAtReset);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), conv);
        while (model.canFetchMore({}))
            model.fetchMore({});
        // Older pages went on top, one page at a time.
        QList<int> pages;
        for (const QList<QVariant> &signal : std::as_const(inserted)) {
            QCOMPARE(signal.at(1).toInt(), 0);
            pages << signal.at(2).toInt() + 1;
        }
        QCOMPARE(pages, pagesInserted);
        QCOMPARE(model.rowCount(), messages);
        QCOMPARE(model.index(messages - 1).data().toString(), u"message %1"_s.arg(messages));
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
            (QList<int> { Qt::DisplayRole, TranscriptModel::TextRole,
                TranscriptModel::PreviewTextRole, TranscriptModel::TextCutRole,
                TranscriptModel::TextBytesRole, Qt::AccessibleTextRole,
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
            (QList<int> { Qt::DisplayRole, TranscriptModel::TextRole,
                TranscriptModel::PreviewTextRole, TranscriptModel::TextCutRole,
                TranscriptModel::TextBytesRole, Qt::AccessibleTextRole }));
        model.setLiveText(id, u"Revenue rose"_s); // unchanged: no signal
        model.setLiveText(424242, u"elsewhere"_s); // not in this conversation: ignored
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.repository->message(id)->text, u"message 2"_s); // the store is untouched
    }

    void longTextOpensAsAPreview_data()
    {
        QTest::addColumn<QString>("unit"); // repeated to make the text
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("cut");
        const int preview = int(TranscriptModel::previewBytes);
        // 1-, 2-, 3- and 4-byte characters: the cut at 65,536 bytes lands on each kind of
        // boundary (65,536 = 2 * 32,768 = 3 * 21,845 + 1 = 4 * 16,384; "ab€" is 5 bytes).
        QTest::newRow("ascii, 4 MB") << u"x"_s << 4 * 1024 * 1024 << true;
        QTest::newRow("ascii, exactly the preview") << u"x"_s << preview << false;
        QTest::newRow("ascii, one byte over") << u"x"_s << preview + 1 << true;
        QTest::newRow("2-byte") << u"é"_s << preview << true;
        QTest::newRow("3-byte") << u"€"_s << preview << true;
        QTest::newRow("4-byte") << u"\U0001F600"_s << preview << true;
        QTest::newRow("mixed, 5 bytes a unit") << u"ab€"_s << 20000 << true;
        QTest::newRow("short") << u"Revenue **grew**"_s << 1 << false;
    }

    void longTextOpensAsAPreview()
    {
        QFETCH(QString, unit);
        QFETCH(int, count);
        QFETCH(bool, cut);
        const QString whole = unit.repeated(count);
        const qint64 wholeBytes = whole.toUtf8().size();
        TempStore store;
        const qint64 conv = store.addConversation(u"long"_s, 2);
        QVERIFY(store.addMessage(conv, whole));
        TranscriptModel model(*store.repository);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(conv);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex last = model.index(2);

        // The page holds the beginning: whole characters, within the preview's bytes.
        const QString preview = last.data(TranscriptModel::PreviewTextRole).toString();
        QCOMPARE(last.data(TranscriptModel::TextCutRole).toBool(), cut);
        QCOMPARE(last.data(TranscriptModel::TextBytesRole).toLongLong(), wholeBytes);
        QVERIFY(whole.startsWith(preview));
        const qint64 previewSize = preview.toUtf8().size();
        if (cut) {
            QVERIFY2(previewSize <= TranscriptModel::previewBytes
                    && previewSize > TranscriptModel::previewBytes - unit.toUtf8().size(),
                qPrintable(QString::number(previewSize)));
            // A cut text's page never held the rest.
            QVERIFY(previewSize < wholeBytes);
        } else {
            QCOMPARE(preview, whole);
        }
        // The short messages beside it are whole.
        QCOMPARE(model.index(0).data(TranscriptModel::PreviewTextRole).toString(), u"message 1"_s);
        QVERIFY(!model.index(0).data(TranscriptModel::TextCutRole).toBool());

        // TextRole is the whole text, read from the store; the row keeps it from then on.
        QCOMPARE(last.data(TranscriptModel::TextRole).toString(), whole);
        QVERIFY(!last.data(TranscriptModel::TextCutRole).toBool());
        QCOMPARE(last.data(TranscriptModel::PreviewTextRole).toString(), whole);
        QCOMPARE(last.data(TranscriptModel::TextBytesRole).toLongLong(), wholeBytes);
    }

    void messageAtHasTheWholeText()
    {
        TempStore store;
        const qint64 conv = store.addConversation(u"long"_s, 0);
        QVERIFY(store.addMessage(conv, QString(200000, u'y')));
        TranscriptModel model(*store.repository);
        model.setConversation(conv);
        QVERIFY(model.index(0).data(TranscriptModel::TextCutRole).toBool());
        QCOMPARE(model.messageAt(0)->text.size(), 200000);
        QVERIFY(!model.index(0).data(TranscriptModel::TextCutRole).toBool());
    }

    void storedTextReplacesAPreview()
    {
        // A cut row whose text changes in the store (an edit, an answer finished elsewhere)
        // holds the new text whole.
        TempStore store;
        const qint64 conv = store.addConversation(u"long"_s, 0);
        auto added = store.addMessage(conv, QString(100000, u'z'));
        QVERIFY(added);
        TranscriptModel model(*store.repository);
        model.setConversation(conv);
        QVERIFY(model.index(0).data(TranscriptModel::TextCutRole).toBool());
        Message changed = *added;
        changed.text = QString(70000, u'w');
        QVERIFY(!store.repository->updateMessage(changed, Repository::MessageField::Text));
        QVERIFY(!model.index(0).data(TranscriptModel::TextCutRole).toBool());
        QCOMPARE(model.index(0).data(TranscriptModel::PreviewTextRole).toString(), changed.text);
        QCOMPARE(model.index(0).data(TranscriptModel::TextBytesRole).toLongLong(), 70000);
    }

    void characterBoundary_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<int>("expected");
        // Worked by hand from the bytes: a character is kept only with all of its bytes.
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("ascii") << QByteArray("ab") << 2;
        QTest::newRow("é whole") << QByteArray("a\xC3\xA9") << 3;
        QTest::newRow("é lead only") << QByteArray("a\xC3") << 1;
        QTest::newRow("€ two of three") << QByteArray("\xE2\x82") << 0;
        QTest::newRow("€ whole") << QByteArray("\xE2\x82\xAC") << 3;
        QTest::newRow("😀 three of four") << QByteArray("x\xF0\x9F\x98") << 1;
        QTest::newRow("😀 whole") << QByteArray("x\xF0\x9F\x98\x80") << 5;
    }

    void characterBoundary()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(int, expected);
        QCOMPARE(SqliteTextPrefix::characterBoundary(utf8), expected);
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

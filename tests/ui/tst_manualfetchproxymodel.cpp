#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
#include "ui/manualfetchproxymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// The transcript view's proxy: the source unchanged, but never "can fetch more" to the view.
class TestManualFetchProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheSourceButHidesFetchMore()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        const qint64 conv = store.addConversation(u"long"_s, 30);
        TranscriptModel source(*store.repository, 10);
        ManualFetchProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);

        source.setConversation(conv);
        QCOMPARE(proxy.rowCount(), 10);
        QVERIFY(source.canFetchMore({}));
        QVERIFY(!proxy.canFetchMore({})); // the tester's own fetchMore() calls see nothing more
        QCOMPARE(proxy.index(0, 0).data().toString(), u"message 21"_s);

        // Older pages come only when the source is asked, and show through the proxy on top.
        source.fetchMore({});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 9);
        QCOMPARE(proxy.rowCount(), 20);
        QCOMPARE(proxy.index(0, 0).data().toString(), u"message 11"_s);
        QCOMPARE(proxy.index(19, 0).data(TranscriptModel::SeqRole).toLongLong(), 30);
    }
};

QTEST_GUILESS_MAIN(TestManualFetchProxyModel)
#include "tst_manualfetchproxymodel.moc"

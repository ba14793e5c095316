// ApiCall over real HTTP on 127.0.0.1 (FakeHttpServer): a streaming call hands its body over in
// slices of at most ApiCall::streamSliceBytes per event-loop turn, all of it, in order, and
// reports success only after the last slice.
#include "app/net/apicall.h"
#include "tests/support/fakehttpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

using namespace Qt::StringLiterals;

class TestApiCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamingBodyArrivesInSlices_data()
    {
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("chunkSize"); // 0: one Content-Length body
        QTest::newRow("1 MiB, Content-Length") << 1024 * 1024 << 0;
        QTest::newRow("1 MiB, 16 KiB chunks") << 1024 * 1024 << 16 * 1024;
        QTest::newRow("300 KiB, 200 KiB chunks") << 300 * 1024 << 200 * 1024;
        QTest::newRow("10 bytes") << 10 << 0;
    }
    void streamingBodyArrivesInSlices()
    {
        QFETCH(int, bytes);
        QFETCH(int, chunkSize);
        QByteArray body(bytes, Qt::Uninitialized);
        for (int i = 0; i < bytes; ++i)
            body[i] = char('a' + (i * 7) % 26);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &) {
            FakeHttpServer::Response r;
            r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("text/event-stream"));
            r.chunked = chunkSize > 0;
            r.chunks = chunkSize > 0 ? FakeHttpServer::split(body, chunkSize) : QList { body };
            return r;
        });

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(QString::fromLatin1(server.baseUrl()) + u"/stream"_s));
        auto *call = new ApiCall(network.get(request), {}, /*streaming=*/true, this);
        QByteArray received;
        qsizetype largest = 0;
        bool succeeded = false;
        bool sliceAfterSuccess = false;
        connect(call, &ApiCall::chunkReceived, this, [&](const QByteArray &slice) {
            received += slice;
            largest = qMax(largest, slice.size());
            sliceAfterSuccess = sliceAfterSuccess || succeeded;
        });
        connect(call, &ApiCall::succeeded, this, [&] { succeeded = true; });
        QTRY_VERIFY_WITH_TIMEOUT(succeeded || call->isFinished(), 20000);
        QVERIFY(succeeded);
        QVERIFY(!sliceAfterSuccess);
        QCOMPARE(received.size(), body.size());
        QVERIFY(received == body);
        QVERIFY2(largest <= 64 * 1024, qPrintable(QString::number(largest)));
        delete call;
    }
};

QTEST_GUILESS_MAIN(TestApiCall)
#include "tst_apicall.moc"

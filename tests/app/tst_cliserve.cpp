// `chartroom-cli serve` as a user runs it: prints where it listens, answers, stops on SIGTERM
// and SIGINT with exit code 0.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestCliServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesUntilSignalled_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void servesUntilSignalled()
    {
        QFETCH(int, signal);
        QTemporaryDir dir;
        QProcess server;
        server.start(qEnvironmentVariable("CHARTROOM_CLI"),
            { u"serve"_s, u"--key"_s, u"k1"_s, u"--token"_s, u"t1"_s, u"--data-dir"_s,
                dir.path() });
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += server.readAllStandardOutput();
                return out.contains("listening on http://127.0.0.1:") && out.endsWith('\n');
            },
            20000));
        QVERIFY2(!out.contains("t1"), "a given token is never echoed");
        const QByteArray url = out.mid(out.indexOf("http://")).trimmed();

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(QString::fromLatin1(url + "/0.1.0/dataset")));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.sendCustomRequest(
            request, "SEARCH", R"({"action":"get","key":"k1","token":"t1","find":{}})");
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(body[u"count"_s].toInt(), 1); // the bundled sample
        reply->deleteLater();

        ::kill(pid_t(server.processId()), signal);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void randomCredentialsArePrintedForTheUser()
    {
        QTemporaryDir dir;
        QProcess server;
        server.start(
            qEnvironmentVariable("CHARTROOM_CLI"), { u"serve"_s, u"--data-dir"_s, dir.path() });
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += server.readAllStandardOutput();
                return out.contains("listening on");
            },
            20000));
        QVERIFY(out.contains("key: "));
        QVERIFY(out.contains("token: "));
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }

    void portInUseIsAClearFailure()
    {
        QTemporaryDir dir;
        QProcess first;
        first.start(
            qEnvironmentVariable("CHARTROOM_CLI"), { u"serve"_s, u"--data-dir"_s, dir.path() });
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += first.readAllStandardOutput();
                return out.contains("listening on") && out.endsWith('\n');
            },
            20000));
        const QByteArray port = out.mid(out.lastIndexOf(':') + 1).trimmed();
        QTemporaryDir other;
        QProcess second;
        second.start(qEnvironmentVariable("CHARTROOM_CLI"),
            { u"serve"_s, u"--port"_s, QString::fromLatin1(port), u"--data-dir"_s, other.path() });
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(second.readAllStandardError().contains("in use"));
        first.terminate();
        QVERIFY(first.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cliserve.moc"

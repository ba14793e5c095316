// Connectivity on its own: the probe's back-off after failures (capped), errors that prove the
// server answered, and the probe timer that fires until a success.

#include "app/core/connectivity.h"
#include "app/net/apierror.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestConnectivity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probeBacksOff_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("delay");
        QTest::newRow("first") << 1 << 15'000;
        QTest::newRow("second") << 2 << 30'000;
        QTest::newRow("third") << 3 << 60'000;
        QTest::newRow("capped") << 10 << Connectivity::maxProbeIntervalMs;
    }

    void probeBacksOff()
    {
        QFETCH(int, failures);
        QFETCH(int, delay);
        Connectivity connectivity;
        ApiError error;
        error.code = ApiError::Code::Timeout;
        for (int i = 0; i < failures; ++i)
            connectivity.reportFailure(u"remote"_s, error);
        QCOMPARE(connectivity.nextProbeDelay(u"remote"_s), delay);
        // Errors that prove the server answered do not mark it offline.
        ApiError auth;
        auth.code = ApiError::Code::Auth;
        connectivity.reportFailure(u"other"_s, auth);
        QVERIFY(!connectivity.isOffline(u"other"_s));
    }

    void probeTimerFires()
    {
        Connectivity connectivity;
        connectivity.setProbeInterval(20);
        QSignalSpy due(&connectivity, &Connectivity::probeDue);
        ApiError error;
        connectivity.reportFailure(u"remote"_s, error);
        QVERIFY(due.wait(5000));
        QCOMPARE(due.first().at(0).toString(), u"remote"_s);
        connectivity.reportSuccess(u"remote"_s);
        QVERIFY(!connectivity.isOffline(u"remote"_s));
        QVERIFY(!due.wait(200));
    }
};

QTEST_GUILESS_MAIN(TestConnectivity)
#include "tst_connectivity.moc"

#include "app/net/urlpath.h"

#include <QTest>

using namespace Qt::StringLiterals;

// urlUnder(): each expected URL written by hand.
class tst_UrlPath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void underBase_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("expected");
        QTest::newRow("host only") << u"https://api.luzmo.com"_s << u"0.1.0/aiprompt"_s
                                   << u"https://api.luzmo.com/0.1.0/aiprompt"_s;
        QTest::newRow("host with slash") << u"https://api.luzmo.com/"_s << u"0.1.0/aiprompt"_s
                                         << u"https://api.luzmo.com/0.1.0/aiprompt"_s;
        QTest::newRow("base path") << u"http://127.0.0.1:8080/proxy"_s << u"api/4.0/login"_s
                                   << u"http://127.0.0.1:8080/proxy/api/4.0/login"_s;
        QTest::newRow("base path, slashes")
            << u"http://127.0.0.1:8080/proxy//"_s << u"/v1/ai/workflow/chat/stream"_s
            << u"http://127.0.0.1:8080/proxy/v1/ai/workflow/chat/stream"_s;
        QTest::newRow("trailing slash kept")
            << u"ws://localhost:3000"_s << u"socket.io/"_s << u"ws://localhost:3000/socket.io/"_s;
        QTest::newRow("query kept") << u"https://h/a?x=1"_s << u"b"_s << u"https://h/a/b?x=1"_s;
    }
    void underBase()
    {
        QFETCH(QString, base);
        QFETCH(QString, relative);
        QFETCH(QString, expected);
        QCOMPARE(urlUnder(QUrl(base), relative).toString(), expected);
    }
};

QTEST_GUILESS_MAIN(tst_UrlPath)
#include "tst_urlpath.moc"

#include "ui/messagechrome.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

// What a message's status shows under its bubble, worked out by hand for each state.
class TestMessageChrome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describe_data()
    {
        QTest::addColumn<MessageStatus>("status");
        QTest::addColumn<bool>("user");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("hasText");
        QTest::addColumn<QString>("progress");
        QTest::addColumn<MessageChrome::Status>("expectedStatus");
        QTest::addColumn<QString>("expectedText");
        QTest::addColumn<QString>("expectedFooter");
        QTest::addColumn<bool>("expectedRetry");
        using S = MessageStatus;
        using C = MessageChrome::Status;
        QTest::newRow("complete answer") << S::Complete << false << QString() << true << QString()
                                         << C::None << QString() << QString() << false;
        QTest::newRow("queued question")
            << S::Pending << true << QString() << true << QString() << C::Interrupted
            << u"Queued — will be sent when back online"_s << QString() << false;
        QTest::newRow("answer not started")
            << S::Pending << false << QString() << false << QString() << C::Thinking
            << u"Thinking…"_s << QString() << false;
        QTest::newRow("thinking with progress")
            << S::Streaming << false << QString() << false << u"  Reading   dataset "_s
            << C::Thinking << u"Thinking…"_s << u"Reading dataset…"_s << false;
        QTest::newRow("writing") << S::Streaming << false << QString() << true << QString()
                                 << C::None << QString() << u"Writing…"_s << false;
        QTest::newRow("progress ending in punctuation")
            << S::Streaming << false << QString() << true << u"Done."_s << C::None << QString()
            << u"Done."_s << false;
        QTest::newRow("interrupted answer")
            << S::Interrupted << false << u"connection lost"_s << true << QString()
            << C::Interrupted << u"Interrupted: connection lost"_s << QString() << true;
        QTest::newRow("interrupted, no reason")
            << S::Interrupted << false << QString() << true << QString() << C::Interrupted
            << u"Interrupted"_s << QString() << true;
        QTest::newRow("failed answer") << S::Error << false << u"HTTP 500"_s << false << QString()
                                       << C::Error << u"HTTP 500"_s << QString() << true;
        QTest::newRow("failed, no reason")
            << S::Error << false << QString() << false << QString() << C::Error
            << u"The answer failed."_s << QString() << true;
        QTest::newRow("failed question: no retry")
            << S::Error << true << u"rejected"_s << true << QString() << C::Error << u"rejected"_s
            << QString() << false;
    }

    void describe()
    {
        QFETCH(MessageStatus, status);
        QFETCH(bool, user);
        QFETCH(QString, error);
        QFETCH(bool, hasText);
        QFETCH(QString, progress);
        QFETCH(MessageChrome::Status, expectedStatus);
        QFETCH(QString, expectedText);
        QFETCH(QString, expectedFooter);
        QFETCH(bool, expectedRetry);
        const MessageChrome::State state
            = MessageChrome::describe(status, user, error, hasText, progress);
        QCOMPARE(state.status, expectedStatus);
        QCOMPARE(state.statusText, expectedText);
        QCOMPARE(state.footerText, expectedFooter);
        QCOMPARE(state.retry, expectedRetry);
    }

    void hiddenPartsTakeNoRoom()
    {
        const QFont font;
        QVERIFY(!MessageChrome::statusSize(font, {}, 400, 100).isValid());
        QVERIFY(!MessageChrome::footerSize(font, QString()).isValid());
        MessageChrome::State error { MessageChrome::Status::Error, u"x"_s, {}, true };
        // An error box is at least as wide as the text above it.
        QVERIFY(MessageChrome::statusSize(font, error, 400, 300).width() >= 300);
        QVERIFY(MessageChrome::footerSize(font, u"Writing…"_s).width() > 0);
    }

    void showAllNamesTheWholeSize()
    {
        QLocale::setDefault(QLocale::c());
        // 4 MB = 4 × 1,048,576 bytes; 1,572,864 = 1.5 × 1,048,576; 1,536 = 1.5 × 1,024.
        QCOMPARE(MessageChrome::showAllText(4 * 1048576), u"Show all (4.0 MB)"_s);
        QCOMPARE(MessageChrome::showAllText(1572864), u"Show all (1.5 MB)"_s);
        QCOMPARE(MessageChrome::showAllText(1536), u"Show all (1.5 kB)"_s); // Qt writes kilo "k"
        const QSize size = MessageChrome::showAllSize(QFont(), u"Show all (4.0 MB)"_s);
        QVERIFY(size.width() > 0 && size.height() > 0);
    }
};

QTEST_MAIN(TestMessageChrome)
#include "tst_messagechrome.moc"

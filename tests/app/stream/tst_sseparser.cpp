#include "app/stream/sseparser.h"

#include <QFile>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SseEvent)

char *toString(const SseEvent &event)
{
    return QTest::toString(u"SseEvent(type=" % event.type % u", data=\"" % event.data % u"\", id=\""
        % event.id % u"\")");
}

namespace {

using Events = QList<SseEvent>;

SseEvent message(const QString &data, const QString &id = {})
{
    return { QStringLiteral("message"), data, id };
}

QByteArray sampleStream()
{
    QFile file(
        qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Feeds `input` cut at the given offsets (ascending) and returns all the events.
Events parseSplit(SseParser &parser, QByteArrayView input, const QList<qsizetype> &cuts)
{
    Events events;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        events += parser.feed(input.sliced(from, cut - from));
        from = cut;
    }
    events += parser.feed(input.sliced(from));
    return events;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void crAtChunkEndThenLf();
    void splitMidUtf8_data();
    void splitMidUtf8();
    void sampleStreamSplitAnywhere();
    void callbackFeed();
    void oversize_data();
    void oversize();
    void oversizeDefaultCapMessage();
    void resetClearsEverything();
    void benchmarkSampleStream();
};

void TestSseParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Events>("expected");
    QTest::addColumn<QString>("lastEventId");
    QTest::addColumn<int>("retryMs"); // -1: none
    QTest::addColumn<bool>("trailing"); // finish() reports bytes left over

    const QString none;
    QTest::newRow("single event") << QByteArray("data: hello\n\n") << Events { message(u"hello"_s) }
                                  << none << -1 << false;
    QTest::newRow("multi-line data") << QByteArray("data: a\ndata:b\ndata:  c\n\n")
                                     << Events { message(u"a\nb\n c"_s) } << none << -1 << false;
    // The first data line of an event is dispatched from the chunk, later ones are copied.
    QTest::newRow("data, other fields, data")
        << QByteArray("data: a\nid: 7\n: note\ndata: b\n\ndata: c\n\n")
        << Events { message(u"a\nb"_s, u"7"_s), message(u"c"_s, u"7"_s) } << u"7"_s << -1 << false;
    // Line ends found 16 bytes at a time: lines longer than a step, each kind of line end in
    // several places of one.
    QTest::newRow("long lines, CR, CRLF and LF")
        << QByteArray("data: 0123456789abcdefghijklmnopqrstuvwxyz\rdata: ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "\r\n\r\ndata: 0123456789abcdefg\n\n")
        << Events { message(u"0123456789abcdefghijklmnopqrstuvwxyz\nABCDEFGHIJKLMNOPQRSTUVWXYZ"_s),
               message(u"0123456789abcdefg"_s) }
        << none << -1 << false;
    QTest::newRow("empty data line") << QByteArray("data:\n\ndata: \n\n")
                                     << Events { message({}), message({}) } << none << -1 << false;
    QTest::newRow("one space stripped, not two")
        << QByteArray("data:  two\n\n") << Events { message(u" two"_s) } << none << -1 << false;
    QTest::newRow("field with no colon")
        << QByteArray("data\n\n") << Events { message({}) } << none << -1 << false;
    QTest::newRow("two bare data lines")
        << QByteArray("data\ndata\n\n") << Events { message(u"\n"_s) } << none << -1 << false;
    QTest::newRow("named event") << QByteArray("event: chunk\ndata: x\n\n")
                                 << Events { { u"chunk"_s, u"x"_s, {} } } << none << -1 << false;
    QTest::newRow("bare event field means message")
        << QByteArray("event\ndata: x\n\n") << Events { message(u"x"_s) } << none << -1 << false;
    QTest::newRow("event type reset after dispatch")
        << QByteArray("event: a\ndata: 1\n\ndata: 2\n\n")
        << Events { { u"a"_s, u"1"_s, {} }, message(u"2"_s) } << none << -1 << false;
    QTest::newRow("no data: no event, type reset")
        << QByteArray("event: a\n\ndata: 2\n\n") << Events { message(u"2"_s) } << none << -1
        << false;
    QTest::newRow("id without data sets last id")
        << QByteArray("event: x\nid: 3\n\n") << Events {} << u"3"_s << -1 << false;
    QTest::newRow("id persists across events")
        << QByteArray("id: 1\ndata: a\n\ndata: b\n\n")
        << Events { message(u"a"_s, u"1"_s), message(u"b"_s, u"1"_s) } << u"1"_s << -1 << false;
    QTest::newRow("id with NUL ignored")
        << QByteArray(QByteArray("id: 1\ndata: a\n\nid: 2") + '\0' + "x\ndata: b\n\n")
        << Events { message(u"a"_s, u"1"_s), message(u"b"_s, u"1"_s) } << u"1"_s << -1 << false;
    QTest::newRow("empty id clears it")
        << QByteArray("id: 1\ndata: a\n\nid\ndata: b\n\n")
        << Events { message(u"a"_s, u"1"_s), message(u"b"_s) } << none << -1 << false;
    QTest::newRow("retry digits") << QByteArray("retry: 3000\n\n") << Events {} << none << 3000
                                  << false;
    QTest::newRow("bad retry ignored")
        << QByteArray("retry: 3000\nretry: 12a\nretry: -5\nretry:\nretry:  7\nretry: 1.5\n\n")
        << Events {} << none << 3000 << false;
    QTest::newRow("huge retry clamped")
        << QByteArray("retry: 99999999999999999999\n\n") << Events {} << none
        << std::numeric_limits<int>::max() << false;
    QTest::newRow("comments") << QByteArray(": hello\ndata: x\n:\n: data: y\n\n")
                              << Events { message(u"x"_s) } << none << -1 << false;
    QTest::newRow("only comments")
        << QByteArray(":ping\n\n:ping\n\n") << Events {} << none << -1 << false;
    QTest::newRow("unknown field ignored") << QByteArray("foo: bar\ndata : y\ndata: x\n\n")
                                           << Events { message(u"x"_s) } << none << -1 << false;
    QTest::newRow("CRLF") << QByteArray("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n")
                          << Events { message(u"a\nb"_s), message(u"c"_s) } << none << -1 << false;
    QTest::newRow("CR") << QByteArray("data: a\rdata: b\r\rdata: c\r\r")
                        << Events { message(u"a\nb"_s), message(u"c"_s) } << none << -1 << false;
    QTest::newRow("mixed line ends")
        << QByteArray("data: a\r\n\rdata: b\n\r\n") << Events { message(u"a"_s), message(u"b"_s) }
        << none << -1 << false;
    QTest::newRow("LF CR is two line ends")
        << QByteArray("data: a\n\rdata: b\n\n") << Events { message(u"a"_s), message(u"b"_s) }
        << none << -1 << false;
    QTest::newRow("UTF-8 data") << QByteArray("data: Grüße € 🎉\n\n")
                                << Events { message(u"Grüße € 🎉"_s) } << none << -1 << false;
    QTest::newRow("invalid UTF-8 replaced")
        << QByteArray("data: a\xFF"
                      "b\n\n")
        << Events { message(u"a\uFFFDb"_s) } << none << -1 << false;
    QTest::newRow("BOM at start stripped") << QByteArray("\xEF\xBB\xBF"
                                                         "data: x\n\n")
                                           << Events { message(u"x"_s) } << none << -1 << false;
    QTest::newRow("BOM only at start") << QByteArray("\xEF\xBB\xBF"
                                                     "data: x\n\n\xEF\xBB\xBF"
                                                     "data: y\n\n")
                                       << Events { message(u"x"_s) } << none << -1 << false;
    QTest::newRow("second BOM is content") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                         "data: x\n\n")
                                           << Events {} << none << -1 << false;
    QTest::newRow("BOM prefix is content") << QByteArray("\xEF\xBB:x\ndata: y\n\n")
                                           << Events { message(u"y"_s) } << none << -1 << false;
    QTest::newRow("trailing unterminated event")
        << QByteArray("data: a\n\ndata: b\n") << Events { message(u"a"_s) } << none << -1 << true;
    QTest::newRow("trailing partial line")
        << QByteArray("data: a\n\ndata: b") << Events { message(u"a"_s) } << none << -1 << true;
    QTest::newRow("trailing comment is not an event")
        << QByteArray("data: a\n\n: bye\n") << Events { message(u"a"_s) } << none << -1 << false;
    QTest::newRow("empty stream") << QByteArray() << Events {} << none << -1 << false;
}

void TestSseParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(Events, expected);
    QFETCH(QString, lastEventId);
    QFETCH(int, retryMs);
    QFETCH(bool, trailing);

    const auto check = [&](SseParser &parser, const Events &events, const QByteArray &how) {
        QVERIFY2(events == expected, how.constData());
        QCOMPARE(parser.lastEventId(), lastEventId);
        QCOMPARE(parser.retryMs().value_or(-1), retryMs);
        QCOMPARE(parser.finish(), trailing);
        QVERIFY(!parser.hasFailed());
    };

    {
        SseParser parser;
        const Events events = parser.feed(input);
        QCOMPARE(events, expected);
        check(parser, events, "in one chunk");
    }
    {
        SseParser parser;
        Events events;
        for (qsizetype i = 0; i < input.size(); ++i)
            events += parser.feed(QByteArrayView(input).sliced(i, 1));
        check(parser, events, "byte by byte");
    }
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        SseParser parser;
        check(parser, parseSplit(parser, input, { cut }), "split at " + QByteArray::number(cut));
    }
}

void TestSseParser::crAtChunkEndThenLf()
{
    SseParser parser;
    QCOMPARE(parser.feed("data: a\r"), Events {});
    // The LF belongs to the CR of the previous chunk: no empty line, so no dispatch of "a" alone.
    QCOMPARE(parser.feed("\ndata: b\r"), Events {});
    QCOMPARE(parser.feed("\n"), Events {});
    QCOMPARE(parser.feed("\r"), Events { message(u"a\nb"_s) });
    QCOMPARE(parser.feed("\n"), Events {}); // CRLF split again: still one line end
    QCOMPARE(parser.feed("data: c\n\n"), Events { message(u"c"_s) });
    QVERIFY(!parser.finish());
}

void TestSseParser::splitMidUtf8_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("cut");
    QTest::addColumn<QString>("data");

    const QByteArray euro("data: 12 €\n\n"); // € is E2 82 AC at offsets 9..11
    QTest::newRow("€ after first byte") << euro << qsizetype(10) << u"12 €"_s;
    QTest::newRow("€ after second byte") << euro << qsizetype(11) << u"12 €"_s;
    const QByteArray party("data: 🎉!\n\n"); // 4 bytes at offsets 6..9
    QTest::newRow("emoji after 1 byte") << party << qsizetype(7) << u"🎉!"_s;
    QTest::newRow("emoji after 2 bytes") << party << qsizetype(8) << u"🎉!"_s;
    QTest::newRow("emoji after 3 bytes") << party << qsizetype(9) << u"🎉!"_s;
    const QByteArray id("id: ü\ndata: x\n\n");
    QTest::newRow("in an id") << id << qsizetype(5) << u"x"_s;
}

void TestSseParser::splitMidUtf8()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, cut);
    QFETCH(QString, data);

    SseParser parser;
    const Events events = parseSplit(parser, input, { cut });
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data, data);
    QVERIFY(!events.first().data.contains(QChar::ReplacementCharacter));
    if (input.startsWith("id"))
        QCOMPARE(parser.lastEventId(), u"ü"_s);
}

void TestSseParser::sampleStreamSplitAnywhere()
{
    const QByteArray stream = sampleStream();
    QVERIFY2(!stream.isEmpty(), "tests/data/aiprompt-stream.sse not found");

    SseParser whole;
    const Events expected = whole.feed(stream);
    QCOMPARE(expected.size(), 18);
    QVERIFY(expected.first().data.startsWith(u"{\"type\":\"start\""));
    QCOMPARE(expected.last().data, u"[DONE]"_s);
    QVERIFY(!whole.finish());

    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        SseParser parser;
        const Events events = parseSplit(parser, stream, { cut });
        if (events != expected)
            QFAIL(qPrintable(u"different events when split at "_s + QString::number(cut)));
        QVERIFY(!parser.finish());
    }
    // Chunks of every size from 1 to 64 bytes, as a network would deliver them.
    for (qsizetype size = 1; size <= 64; ++size) {
        SseParser parser;
        Events events;
        for (qsizetype from = 0; from < stream.size(); from += size)
            events += parser.feed(
                QByteArrayView(stream).sliced(from, qMin(size, stream.size() - from)));
        QCOMPARE(events, expected);
    }
    // The same stream with CRLF line ends gives the same events.
    QByteArray crlf = stream;
    crlf.replace("\n", "\r\n");
    SseParser parser;
    QCOMPARE(parseSplit(parser, crlf, { 1, 100, 101, 2000 }), expected);
}

void TestSseParser::callbackFeed()
{
    SseParser parser;
    Events events;
    parser.feed("data: 1\n\ndata: 2\n\nda", [&events](SseEvent &&event) { events.append(event); });
    parser.feed("ta: 3\n\n", [&events](SseEvent &&event) { events.append(event); });
    QCOMPARE(events, (Events { message(u"1"_s), message(u"2"_s), message(u"3"_s) }));
}

void TestSseParser::oversize_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<Events>("before"); // the events completed before the failure

    const QByteArray big(100, 'x');
    QTest::newRow("one long line in one chunk")
        << QList<QByteArray> { "data: " + big + "\n\n" } << Events {};
    QTest::newRow("one long line across chunks")
        << QList<QByteArray> { "data: ", big.first(50), big.sliced(50), "\n\n" } << Events {};
    QTest::newRow("data lines add up") << QList<QByteArray> {
        "data: " + big.first(30) + "\ndata: " + big.first(30) + "\ndata: " + big.first(30) + "\n\n"
    } << Events {};
    QTest::newRow("long comment") << QList<QByteArray> { ":" + big + "\n" } << Events {};
    QTest::newRow("after a good event")
        << QList<QByteArray> { "data: ok\n\ndata: " + big + "\n\ndata: later\n\n" }
        << Events { message(u"ok"_s) };
}

void TestSseParser::oversize()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(Events, before);

    SseParser parser(64);
    Events events;
    for (const QByteArray &chunk : chunks) {
        events += parser.feed(chunk);
        QVERIFY(parser.bufferedBytes() <= parser.maxEventSize());
    }
    QCOMPARE(events, before);
    QVERIFY(parser.hasFailed());
    QCOMPARE(parser.error().code, SseError::Code::EventTooLarge);
    QCOMPARE(parser.error().message,
        u"An event of the stream is larger than 64 bytes; the stream was stopped."_s);
    QCOMPARE(parser.bufferedBytes(), 0);
    // A failed parser stays failed: nothing more comes out.
    QCOMPARE(parser.feed("data: small\n\n"), Events {});
    QVERIFY(parser.hasFailed());
}

void TestSseParser::oversizeDefaultCapMessage()
{
    SseParser parser;
    QCOMPARE(parser.maxEventSize(), 8 * 1024 * 1024);
    const QByteArray chunk(64 * 1024, 'y');
    QVERIFY(parser.feed("data: ").isEmpty());
    qsizetype fed = 0;
    while (!parser.hasFailed() && fed < 2 * parser.maxEventSize()) {
        QVERIFY(parser.feed(chunk).isEmpty());
        fed += chunk.size();
        QVERIFY(parser.bufferedBytes() <= parser.maxEventSize());
    }
    QVERIFY(parser.hasFailed());
    QVERIFY(fed <= parser.maxEventSize() + chunk.size());
    QCOMPARE(parser.error().message,
        u"An event of the stream is larger than 8 MiB; the stream was stopped."_s);

    // Just under the cap passes.
    SseParser fits(64);
    QCOMPARE(fits.feed(QByteArray("data: " + QByteArray(57, 'z') + "\n\n")).size(),
        1); // 63 bytes + '\n'
    QVERIFY(!fits.hasFailed());
}

void TestSseParser::resetClearsEverything()
{
    SseParser parser(16);
    parser.feed("\xEF\xBB\xBFid: 7\nretry: 5\n\ndata: 0123456789abcdef\n");
    QVERIFY(parser.hasFailed());
    parser.reset();
    QVERIFY(!parser.hasFailed());
    QCOMPARE(parser.error().code, SseError::Code::NoError);
    QVERIFY(parser.lastEventId().isEmpty());
    QVERIFY(!parser.retryMs());
    // A fresh stream: its BOM is stripped again.
    QCOMPARE(parser.feed("\xEF\xBB\xBF"
                         "data: x\n\n"),
        Events { message(u"x"_s) });
}

void TestSseParser::benchmarkSampleStream()
{
    const QByteArray sample = sampleStream();
    QVERIFY(!sample.isEmpty());
    const QByteArray stream = sample.repeated(200); // about 1.2 MB
    constexpr qsizetype chunkSize = 16 * 1024;
    qsizetype count = 0;
    QBENCHMARK
    {
        SseParser parser;
        count = 0;
        for (qsizetype from = 0; from < stream.size(); from += chunkSize) {
            parser.feed(QByteArrayView(stream).sliced(from, qMin(chunkSize, stream.size() - from)),
                [&count](SseEvent &&) { ++count; });
        }
    }
    QCOMPARE(count, 18 * 200);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"

// The fast path of the answer stream decoder (FlatFrame, FlatObject) against the QJsonDocument path
// (AiPromptDecoder::decodeJson): every frame gives the same StreamEvent (raw included) through
// both, the fast path answers exactly for the frames it is meant to, and the values are the
// hand-worked ones.
#include "app/protocol/aipromptdecoder.h"
#include "app/protocol/flatframe.h"
#include "app/protocol/jsonfastpath.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray ctx
    = R"("conversation_id":"c1","user_message_id":"u1","assistant_message_id":"a1")";

QByteArray frame(const QByteArray &fields)
{
    return '{' + fields + ',' + ctx + '}';
}

QString describe(const StreamEvent &e)
{
    return u"%1 %2 [%3|%4|%5] index=%6 text=%7 progress=%8 assetType=%9 assetId=%10 raw=%11"_s
        .arg(int(e.type))
        .arg(e.typeName, e.conversationId, e.userMessageId, e.assistantMessageId)
        .arg(e.index)
        .arg(e.text, e.progressMessage, e.assetType, e.assetId,
            QString::fromUtf8(QJsonDocument(e.raw).toJson(QJsonDocument::Compact)));
}

void compareEvents(const StreamEvent &a, const StreamEvent &b)
{
    QCOMPARE(describe(a), describe(b));
    QCOMPARE(a.errorMessage, b.errorMessage);
    QCOMPARE(a.result, b.result);
    QCOMPARE(a.resultIsNull, b.resultIsNull);
    QCOMPARE(a.raw, b.raw);
    QCOMPARE(a.text.size(), b.text.size()); // a NUL or a surrogate compares like any other unit
}

} // namespace

class TestFlatFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsQJsonDocument_data();
    void sameAsQJsonDocument();
    void jsonFastPath_data();
    void jsonFastPath();
    void tooManyMembers();
    void largeFrame();
};

void TestFlatFrame::sameAsQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("fast"); // read by FlatFrame (else by QJsonDocument only)
    QTest::addColumn<bool>("valid"); // an event (else a DecodeError)
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("text");

    const QString none;
    const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("text_delta") << frame(R"("type":"text_delta","index":2,"delta":"Monthly ")") << true
                      << true << 2 << u"Monthly "_s;
    row("text instead of delta") << frame(R"("type":"text_delta","index":0,"text":"Grüße €")")
                                 << true << true << 0 << u"Grüße €"_s;
    row("content instead of delta")
        << frame(R"("type":"text_delta","content":"x")") << true << true << -1 << u"x"_s;
    row("delta wins over text") << frame(R"("type":"text_delta","text":"t","delta":"d")") << true
                                << true << -1 << u"d"_s;
    row("null delta, then text") << frame(R"("type":"text_delta","delta":null,"text":"t")") << true
                                 << true << -1 << u"t"_s;
    row("boolean delta is no text")
        << frame(R"("type":"text_delta","delta":true,"text":"t")") << true << true << -1 << none;
    row("number delta") << frame(R"("type":"text_delta","delta":5)") << false << true << -1
                        << u"5"_s;
    row("index as a string") << frame(R"("type":"text_delta","index":"3","delta":"x")") << false
                             << true << 3 << u"x"_s;
    row("negative index") << frame(R"("type":"text_delta","index":-1,"delta":"x")") << true << true
                          << -1 << u"x"_s;
    row("index -0") << frame(R"("type":"text_delta","index":-0,"delta":"x")") << true << true << 0
                    << u"x"_s;
    row("largest index") << frame(R"("type":"text_start","index":1000000000)") << true << true
                         << 1000000000 << none;
    row("index too large") << frame(R"("type":"text_start","index":1000000001)") << true << true
                           << -1 << none;
    row("index with a fraction") << frame(R"("type":"text_start","index":1.5)") << false << true
                                 << 1 << none;
    row("index 1e2") << frame(R"("type":"text_start","index":1e2)") << false << true << 100 << none;
    row("null index") << frame(R"("type":"text_start","index":null)") << true << true << -1 << none;
    row("escapes") << frame(R"("type":"text_delta","delta":"a\n\t\"\\\/\u00e9\ud83d\ude00")")
                   << true << true << -1 << u"a\n\t\"\\/é\U0001F600"_s;
    row("NUL escape") << frame(R"("type":"text_delta","delta":"a\u0000b")") << true << true << -1
                      << QStringView(u"a\0b", 3).toString();
    // QJsonDocument keeps a U+FEFF written \ufeff, drops one that starts a string as UTF-8, and
    // keeps one inside a string.
    row("U+FEFF escaped first") << frame(R"("type":"text_delta","delta":"\ufeffx")") << false
                                << true << -1 << u"\uFEFFx"_s;
    row("U+FEFF as UTF-8 first") << frame("\"type\":\"text_delta\",\"delta\":\"\xEF\xBB\xBFx\"")
                                 << false << true << -1 << u"x"_s;
    // (in a key QJsonObject keeps it for lookups, so this is no `delta`)
    row("U+FEFF as UTF-8 first in a key") << frame("\"type\":\"text_delta\",\"\xEF\xBB\xBF"
                                                   "delta\":\"x\"")
                                          << false << true << -1 << QString();
    row("U+FEFF inside") << frame("\"type\":\"text_delta\",\"delta\":\"x\xEF\xBB\xBFy\\u00e9\"")
                         << true << true << -1 << u"x\uFEFFy\u00e9"_s;
    row("noncharacters") << frame(
        "\"type\":\"text_delta\",\"delta\":\"\xEF\xBF\xBE\\ufdd0\xF0\x9F\xBF\xBE\"")
                         << true << true << -1 << u"\uFFFE\uFDD0\U0001FFFE"_s;
    row("lone high surrogate") << frame(R"("type":"text_delta","delta":"\ud800")") << false << true
                               << -1 << QString(QChar(0xD800));
    row("lone low surrogate") << frame(R"("type":"text_delta","delta":"x\udc00")") << false << true
                              << -1 << u"x"_s + QChar(0xDC00);
    row("unknown escape") << frame(R"("type":"text_delta","delta":"\x")") << false << true << -1
                          << u"x"_s;
    row("control character") << frame("\"type\":\"text_delta\",\"delta\":\"a\tb\"") << false << true
                             << -1 << u"a\tb"_s;
    row("escaped key") << frame(R"("type":"text_delta","d\u0065lta":"x")") << true << true << -1
                       << u"x"_s;
    row("duplicate delta: the last wins")
        << frame(R"("type":"text_delta","delta":"a","delta":"b")") << false << true << -1 << u"b"_s;
    row("duplicate unknown member")
        << frame(R"("type":"text_delta","delta":"a","x":1,"x":2)") << false << true << -1 << u"a"_s;
    row("unknown scalar members") << frame(
        R"("type":"text_delta","delta":"a","b":true,"c":false,"d":null,"e":7)")
                                  << true << true << -1 << u"a"_s;
    row("unknown array member") << frame(R"("type":"progress","message":"m","extra":[1,2])")
                                << false << true << -1 << none;
    row("big integer member") << frame(R"("type":"text_delta","n":12345678901234567890)") << false
                              << true << -1 << none;
    row("leading and trailing whitespace")
        << QByteArray(" \r\n\t{\"type\":\"text_delta\",\"delta\":\"x\"} \n") << true << true << -1
        << u"x"_s;
    row("BOM") << QByteArray("\xEF\xBB\xBF{\"type\":\"text_delta\",\"delta\":\"x\"}") << false
               << true << -1 << u"x"_s;
    row("garbage after") << QByteArray(R"({"type":"text_delta","delta":"x"} x)") << false << false
                         << -1 << none;
    row("two objects") << QByteArray(R"({"type":"text_delta","delta":"x"}{"a":1})") << false
                       << false << -1 << none;
    row("cut") << QByteArray(R"({"type":"text_delta","delta":"Mon)") << false << false << -1
               << none;
    row("bad literal") << QByteArray(R"({"type":"text_delta","delta":nul})") << false << false << -1
                       << none;
    row("trailing comma") << QByteArray(R"({"type":"text_delta","delta":"x",})") << false << false
                          << -1 << none;
    row("invalid UTF-8") << QByteArray("{\"type\":\"text_delta\",\"delta\":\"\xC3\"}") << false
                         << false << -1 << none;
    row("a number") << QByteArray("42") << false << false << -1 << none;
    row("an array") << QByteArray("[1]") << false << false << -1 << none;
    row("empty") << QByteArray() << false << false << -1 << none;
    row("blank") << QByteArray(" \n ") << false << false << -1 << none;
    row("[DONE]") << QByteArray(" [DONE]\n") << false << true << -1 << none;
    row("type [DONE] in JSON") << frame(R"("type":"[DONE]")") << false << true << -1 << none;
    row("unknown type") << frame(R"("type":"thinking","delta":"hm")") << false << true << -1
                        << u"hm"_s;
    row("type not a string") << frame(R"("type":5,"delta":"x")") << false << true << -1 << u"x"_s;
    row("no type") << QByteArray(R"({"delta":"x"})") << false << true << -1 << u"x"_s;
    row("start without context") << QByteArray(R"({"type":"start"})") << true << true << -1 << none;
    row("ids null") << QByteArray(R"({"type":"start","conversation_id":null})") << true << true
                    << -1 << none;
    row("id as a number") << QByteArray(R"({"type":"start","conversation_id":7})") << false << true
                          << -1 << none;
    row("progress message") << frame(R"("type":"progress","message":"Reading")") << true << true
                            << -1 << none;
    row("progress status") << frame(R"("type":"progress","message":null,"status":"s")") << true
                           << true << -1 << none;
    row("text_end with the block")
        << frame(R"("type":"text_end","index":0,"text":"All")") << true << true << 0 << u"All"_s;
    row("asset_start") << frame(R"("type":"asset_start","index":0,"assetType":"item")") << true
                       << true << 0 << none;
    row("asset_delta") << frame(R"("type":"asset_delta","index":0,"delta":"{\"type\":\"line\"")")
                       << true << true << 0 << u"{\"type\":\"line\""_s;
    row("asset_end ids") << frame(R"("type":"asset_end","index":1,"id":"i","assetId":"b")") << true
                         << true << 1 << none;
    row("asset_end with its item")
        << frame(R"("type":"asset_end","index":0,"value":{"a":1})") << false << true << 0 << none;
    row("error") << frame(R"("type":"error","message":"Boom")") << false << true << -1 << none;
    row("finish, a number that underflows")
        << frame(R"("type":"finish","n":1e-400)") << false << false << -1 << none;
    row("finish") << frame(R"("type":"finish","result":{"conversation_id":"c1"})") << false << true
                  << -1 << none;
    // FlatObject's own edges: whitespace around every token, a string's end, an escape or a
    // control character at each place of its 16-byte steps, numbers at their limits.
    row("whitespace around every token")
        << QByteArray(" {\t\"type\" :\r\n\"text_delta\" , \"index\"\n:\n3 ,\"delta\": \"x\" } ")
        << true << true << 3 << u"x"_s;
    row("empty object") << QByteArray("{ }") << false << true << -1 << none;
    for (const int at : { 0, 14, 15, 16, 17, 31, 32 }) {
        const QByteArray before(at, 'a');
        row(qPrintable(u"escape at %1"_s.arg(at)))
            << frame(R"("type":"text_delta","delta":")" + before + R"(\"b\\")") << true << true
            << -1 << QString::fromLatin1(before) + u"\"b\\"_s;
        row(qPrintable(u"control character at %1 after an escape"_s.arg(at)))
            << frame(R"("type":"text_delta","delta":"\n)" + before + "\x01\"") << false << true
            << -1 << u"\n"_s + QString::fromLatin1(before) + QChar(1);
        row(qPrintable(u"UTF-8 at %1"_s.arg(at)))
            << frame(R"("type":"text_delta","delta":")" + before + "\xC3\xA9\"") << true << true
            << -1 << QString::fromLatin1(before) + u"é"_s;
        row(qPrintable(u"invalid UTF-8 at %1"_s.arg(at)))
            << frame(R"("type":"text_delta","delta":")" + before + "\xA9\"") << false << false << -1
            << none;
    }
    // Keys next to the known ones (KeyTable::match compares the key with its closing quote).
    row("keys one byte longer or shorter") << frame(
        R"("type":"text_delta","deltax":"no","delt":"no","typ":1,"delta":"yes","indexx":4)")
                                           << true << true << -1 << u"yes"_s;
    row("20-byte key and one byte longer")
        << QByteArray(R"({"type":"start","assistant_message_id":"a","assistant_message_idx":"b"})")
        << true << true << -1 << none;
    row("key cut at the end") << QByteArray(R"({"type":"text_delta","delta)") << false << false
                              << -1 << none;
    row("escaped key repeats delta") << frame(R"("type":"text_delta","delta":"a","d\u0065lta":"b")")
                                     << false << true << -1 << u"b"_s;
    row("15 digits") << frame(R"("type":"text_start","index":0,"n":-999999999999999)") << true
                     << true << 0 << none;
    row("16 digits") << frame(R"("type":"text_start","index":0,"n":1000000000000000)") << false
                     << true << 0 << none;
    row("leading zero") << QByteArray(R"({"type":"text_start","index":01})") << false << false << -1
                        << none;
    row("a lone minus") << QByteArray(R"({"type":"text_start","index":-})") << false << false << -1
                        << none;
    row("cut literal") << QByteArray(R"({"type":"text_delta","delta":tr)") << false << false << -1
                       << none;
    row("cut escape") << QByteArray(R"({"type":"text_delta","delta":"\u00)") << false << false << -1
                      << none;
    row("cut after the colon") << QByteArray(R"({"type":)") << false << false << -1 << none;
}

void TestFlatFrame::sameAsQJsonDocument()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, fast);
    QFETCH(bool, valid);
    QFETCH(int, index);
    QFETCH(QString, text);

    FlatFrame flat;
    QCOMPARE(FlatFrame::read(data, flat), fast);
    const AiPromptDecoder::Result slow = AiPromptDecoder::decodeJson(data);
    const AiPromptDecoder::Result decoded = AiPromptDecoder::decode(QByteArrayView(data));
    QCOMPARE(slow.has_value(), valid);
    QCOMPARE(decoded.has_value(), valid);
    if (!valid) {
        QCOMPARE(decoded.error().code, slow.error().code);
        QCOMPARE(decoded.error().message, slow.error().message);
        QCOMPARE(decoded.error().frame, slow.error().frame);
        return;
    }
    QCOMPARE(slow->index, index);
    QCOMPARE(slow->text, text);
    compareEvents(*decoded, *slow);
    if (fast) {
        compareEvents(AiPromptDecoder::toEvent(flat), *slow);
        QCOMPARE(QString::fromUtf8(flat.text), text);
        QCOMPARE(flat.index, index);
    }
    // The QString entry point agrees (for text that survives UTF-16).
    if (QString::fromUtf8(data).toUtf8() == data)
        compareEvents(*AiPromptDecoder::decode(QString::fromUtf8(data)), *slow);
}

void TestFlatFrame::jsonFastPath_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("answers"); // JsonFastPath reads it (else only QJsonDocument does)

    QTest::newRow("finish with a result")
        << QByteArray(R"({"type":"finish","result":{"conversation_id":"c","assistant_message":{
           "id":"a","message":"Grüße\n€ \ud83d\ude00","agent":null,"aiMessageAssets":[{"id":"x",
           "value":{"type":"line-chart","slots":[{"level":4,"on":true,"off":false}]}}]}}})")
        << true;
    // ASCII keys and strings reach Qt as Latin-1, the others as UTF-16: both read the same.
    QTest::newRow("ASCII and other text")
        << QByteArray(R"({"größe":"Zürich","a":"plain","€":{"k":"ü","\u0000":"\u0041"},)"
                      R"("b":["x","ß",""],"\u00e9":"\t\u00ff"})")
        << true;
    QTest::newRow("numbers") << QByteArray(
        R"({"a":1.0,"b":1e2,"c":-1.5e-3,"d":0.1,"e":9223372036854775807,"f":-9223372036854775808,"g":0})")
                             << true;
    QTest::newRow("-0, an integer in both") << QByteArray(R"({"a":-0})") << true;
    QTest::newRow("-0.0") << QByteArray(R"({"a":[-0.0]})") << false;
    QTest::newRow("past 64 bits") << QByteArray(R"({"a":9223372036854775808})") << false;
    QTest::newRow("infinite") << QByteArray(R"({"a":1e400})") << false;
    // Found by fuzz_flatframe: QJsonDocument keeps a whole double past 2^53 as an integer.
    QTest::newRow("whole double past 2^53")
        << QByteArray(R"({"type":8888888888888881.5e3,"b":[-9.223372036854775808e18]})") << true;
    // Found by fuzz_flatframe: QJsonDocument rejects a number that underflows to 0.
    QTest::newRow("underflow") << QByteArray(R"({"a":[2e-324]})") << false;
    QTest::newRow("0.0") << QByteArray(R"({"a":0.0})") << false;
    QTest::newRow("smallest denormal") << QByteArray(R"({"a":5e-324})") << true;
    QTest::newRow("whole double 2^63") << QByteArray(R"({"a":9.223372036854775808e18})") << true;
    QTest::newRow("duplicate keys, nested")
        << QByteArray(R"({"a":{"b":1,"b":2},"a":{"c":3}})") << true;
    QTest::newRow("U+FEFF first in a string") << QByteArray("{\"a\":[\"\xEF\xBB\xBFx\"]}") << false;
    QTest::newRow("U+FEFF inside a string") << QByteArray("{\"a\":\"x\xEF\xBB\xBF\"}") << true;
    QTest::newRow("control character") << QByteArray("{\"a\":\"\t\"}") << false;
    QTest::newRow("lone surrogate") << QByteArray(R"({"a":"\udc00"})") << false;
    QTest::newRow("an array") << QByteArray("[{}]") << false;
    QTest::newRow("invalid") << QByteArray(R"({"a":[1,}})") << false;
    QTest::newRow("garbage after") << QByteArray(R"({"a":1} x)") << false;
    QTest::newRow("64 levels") << QByteArray(
        QByteArray(64, '[').prepend("{\"a\":") + QByteArray(64, ']') + '}')
                               << true;
    QTest::newRow("65 levels") << QByteArray(
        QByteArray(65, '[').prepend("{\"a\":") + QByteArray(65, ']') + '}')
                               << false;
}

void TestFlatFrame::jsonFastPath()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, answers);

    const std::optional<QJsonObject> fast = JsonFastPath::parseObject(data);
    QCOMPARE(fast.has_value(), answers);
    if (!fast)
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(*fast, document.object());
    QCOMPARE(QJsonDocument(*fast).toJson(), document.toJson());
    // And the decoder agrees with the QJsonDocument path on the event.
    compareEvents(
        *AiPromptDecoder::decode(QByteArrayView(data)), *AiPromptDecoder::decodeJson(data));
}

void TestFlatFrame::tooManyMembers()
{
    QByteArray data = R"({"type":"text_delta","delta":"x")";
    for (int i = 0; i < FlatFrame::MaxMembers - 2; ++i)
        data += ",\"m" + QByteArray::number(i) + "\":" + QByteArray::number(i);
    FlatFrame flat;
    QVERIFY(FlatFrame::read(QByteArray(data + '}'), flat));
    QCOMPARE(flat.memberCount, FlatFrame::MaxMembers);
    data += R"(,"one more":0})";
    QVERIFY(!FlatFrame::read(data, flat));
    compareEvents(
        *AiPromptDecoder::decode(QByteArrayView(data)), *AiPromptDecoder::decodeJson(data));
    QCOMPARE(AiPromptDecoder::decode(QByteArrayView(data))->raw.size(), FlatFrame::MaxMembers + 1);
}

void TestFlatFrame::largeFrame()
{
    const QByteArray text(FlatFrame::MaxBytes, 'a');
    const QByteArray data = R"({"type":"text_delta","delta":")" + text + "\"}";
    FlatFrame flat;
    QVERIFY(!FlatFrame::read(data, flat));
    QCOMPARE(AiPromptDecoder::decode(QByteArrayView(data))->text, QString::fromLatin1(text));
    const QByteArray small = R"({"type":"text_delta","delta":")" + text.first(1000) + "\"}";
    QVERIFY(FlatFrame::read(small, flat));
    QCOMPARE(flat.text.size(), 1000);
}

QTEST_GUILESS_MAIN(TestFlatFrame)
#include "tst_flatframe.moc"

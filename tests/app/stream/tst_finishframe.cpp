// The simdjson fast path of the finish frame (FinishFrame) against the QJsonDocument path
// (AiPromptDecoder::decodeJson, then FinishResult::fromJson): every frame the fast path reads gives
// the same ids, result and null flag as that path, it declines exactly the frames it is meant to,
// the values of a typical frame are the hand-worked ones, and an answer assembled through either
// path is the same answer.
#include "app/protocol/aipromptdecoder.h"
#include "app/protocol/finishframe.h"
#include "app/stream/answerassembler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray item = R"({"type":"line-chart","options":{"title":{"en":"Monthly revenue"}},)"
                        R"("slots":[{"name":"measure","content":[{"columnId":"c-revenue",)"
                        R"("level":4,"ratio":0.25,"visible":true,"format":null}]}],"filters":[]})";

QByteArray finish(const QByteArray &result, const QByteArray &extra = {})
{
    return R"({"type":"finish","conversation_id":"c1","user_message_id":"u1",)"
           R"("assistant_message_id":"a1")"
        + extra + R"(,"result":)" + result + '}';
}

QByteArray result(const QByteArray &assistant, const QByteArray &extra = {})
{
    return R"({"conversation_id":"c2","user_message":{"id":"u2","message":"Show revenue"},)"
           R"("assistant_message":)"
        + assistant + extra + '}';
}

QByteArray assistant(const QByteArray &fields)
{
    return R"({"id":"a2","conversation_id":"c3","role":"assistant",)" + fields + '}';
}

const QByteArray oneAsset = R"("message":"Revenue grew.","aiMessageAssets":[{"id":"as1",)"
                            R"("type":"item","value":)"
    + item + "}]";

// What the QJsonDocument path reads from a finish frame.
FinishFrame referenceOf(const QByteArray &data, bool *isFinish)
{
    const AiPromptDecoder::Result decoded = AiPromptDecoder::decodeJson(data);
    FinishFrame frame;
    *isFinish = decoded && decoded->type == StreamEvent::Type::Finish;
    if (!*isFinish)
        return frame;
    frame.conversationId = decoded->conversationId;
    frame.userMessageId = decoded->userMessageId;
    frame.assistantMessageId = decoded->assistantMessageId;
    if (decoded->result)
        frame.result = FinishResult::fromJson(*decoded->result);
    frame.resultIsNull = decoded->resultIsNull;
    return frame;
}

QString describe(const AnswerAssembler &answer)
{
    QString text = u"state=%1 text=%2 ids=%3|%4|%5 reconciled=%6 problems=%7"_s.arg(
        QString::number(int(answer.state())), answer.text(), answer.conversationId(),
        answer.userMessageId(), answer.assistantMessageId(),
        answer.isReconciled() ? u"yes"_s : u"no"_s, answer.problems().join(u';'));
    for (const AnswerAsset &asset : answer.assets()) {
        text += u" asset[%1 %2 %3 %4 %5 %6]"_s.arg(QString::number(asset.index), asset.id,
            asset.type, asset.json, QString::number(int(asset.status)), asset.problem);
    }
    return text;
}

} // namespace

class TestFinishFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsQJsonDocument_data();
    void sameAsQJsonDocument();
    void handWorked();
    void sameAnswer_data();
    void sameAnswer();
};

void TestFinishFrame::sameAsQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("fast"); // read by FinishFrame (else by QJsonDocument only)

    const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("typical") << finish(result(assistant(oneAsset))) << true;
    row("result null") << finish("null") << true;
    row("no result") << QByteArray(R"({"type":"finish","conversation_id":"c1"})") << true;
    row("result a string") << finish(R"("done")") << true;
    row("result an array") << finish("[1,2]") << true;
    row("conversation id from the assistant message")
        << finish(R"({"user_message":{"id":"u2"},"assistant_message":)" + assistant(oneAsset) + '}')
        << true;
    row("conversation id a number, then the assistant's")
        << finish(R"({"conversation_id":5,"assistant_message":)" + assistant(oneAsset) + '}')
        << true;
    row("message ids not strings")
        << finish(R"({"user_message":{"id":7},"assistant_message":{"id":true,"message":"m"}})")
        << true;
    row("user message not an object")
        << finish(R"({"user_message":"u","assistant_message":{"id":"a"}})") << true;
    row("message not a string") << finish(result(assistant(R"("message":12)"))) << true;
    row("message null") << finish(result(assistant(R"("message":null)"))) << true;
    row("assets not an array") << finish(
        result(assistant(R"("message":"m","aiMessageAssets":{"id":"x"})")))
                               << true;
    row("assets empty") << finish(result(assistant(R"("message":"m","aiMessageAssets":[])")))
                        << true;
    row("an asset not an object") << finish(
        result(assistant(R"("aiMessageAssets":[1,{"id":"b","value":)" + item + "}]")))
                                  << true;
    row("asset type not a string, empty, absent")
        << finish(result(assistant(R"("aiMessageAssets":[{"type":3,"value":{}},)"
                                   R"({"type":"","value":{}},{"value":{}}])")))
        << true;
    row("asset value not an object")
        << finish(result(assistant(R"("aiMessageAssets":[{"id":"a","value":"{}"},{"id":"b"}])")))
        << true;
    row("result twice: the last wins")
        << finish(R"(null,"result":)" + result(assistant(oneAsset))) << true;
    row("message twice: the last wins")
        << finish(result(assistant(R"("message":"first","message":"second")"))) << true;
    row("asset id twice: the last wins")
        << finish(result(assistant(R"("aiMessageAssets":[{"id":"x","id":"y","value":{}}])")))
        << true;
    row("key twice in the item: the last wins")
        << finish(result(assistant(R"("aiMessageAssets":[{"value":{"type":"a","type":"b"}}])")))
        << true;
    row("escapes") << finish(result(assistant(R"("message":"a\nb \"q\" \u00e9 \ud83d\ude00 \\")")))
                   << true;
    row("unicode key and values") << finish(
        result(assistant(QByteArray(R"("message":"Zürich 12 400 € 📈","Größe":"ß")"))))
                                  << true;
    row("other members ignored") << finish(
        result(assistant(oneAsset), R"(,"extra":[{"a":1}])"), R"(,"index":3,"delta":"x")")
                                 << true;
    row("top-level id a string") << finish("null", R"(,"conversation_id":"c9")") << true;
    row("top-level id null") << finish("null", R"(,"user_message_id":null)") << true;
    // Declined: the QJsonDocument path reads these otherwise, or they are no finish frame.
    row("top-level id a number") << finish("null", R"(,"conversation_id":42)") << false;
    row("a number underflowing in an unused member")
        << finish(result(assistant(oneAsset), R"(,"x":1e-400)")) << false;
    row("minus zero in the item") << finish(
        result(assistant(R"("aiMessageAssets":[{"value":{"ratio":-0.0}}])")))
                                  << false;
    row("a number past int64 in the item")
        << finish(result(assistant(R"("aiMessageAssets":[{"value":{"n":18446744073709551615}}])")))
        << false;
    row("message starting with a BOM")
        << finish(result(assistant("\"message\":\"\xEF\xBB\xBFhi\""))) << false;
    row("nested 70 deep") << finish(result(assistant(R"("aiMessageAssets":[{"value":{"a":)"
        + QByteArray(70, '[') + QByteArray(70, ']') + "}}]")))
                          << false;
    row("not finish") << QByteArray(R"({"type":"text_delta","delta":"x"})") << false;
    row("type not a string") << QByteArray(R"({"type":1,"result":null})") << false;
    row("type twice: the last is not finish")
        << QByteArray(R"({"type":"finish","type":"error","result":null})") << false;
    row("invalid JSON") << QByteArray(R"({"type":"finish","result":{)") << false;
    row("not an object") << QByteArray(R"(["finish"])") << false;
    row("done") << QByteArray("[DONE]") << false;
}

void TestFinishFrame::sameAsQJsonDocument()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, fast);

    FinishFrame read;
    QCOMPARE(FinishFrame::read(data, read), fast);
    bool isFinish = false;
    const FinishFrame reference = referenceOf(data, &isFinish);
    if (!fast)
        return;
    QVERIFY(isFinish);
    QCOMPARE(read.conversationId, reference.conversationId);
    QCOMPARE(read.userMessageId, reference.userMessageId);
    QCOMPARE(read.assistantMessageId, reference.assistantMessageId);
    QCOMPARE(read.resultIsNull, reference.resultIsNull);
    QCOMPARE(read.result.has_value(), reference.result.has_value());
    if (!read.result)
        return;
    QCOMPARE(read.result->conversationId, reference.result->conversationId);
    QCOMPARE(read.result->userMessageId, reference.result->userMessageId);
    QCOMPARE(read.result->assistantMessageId, reference.result->assistantMessageId);
    QCOMPARE(read.result->message, reference.result->message);
    QCOMPARE(read.result->assets.has_value(), reference.result->assets.has_value());
    if (read.result->assets)
        QCOMPARE(read.result->assets->size(), reference.result->assets->size());
    QVERIFY(*read.result == *reference.result);
}

void TestFinishFrame::handWorked()
{
    FinishFrame read;
    QVERIFY(FinishFrame::read(finish(result(assistant(oneAsset))), read));
    QCOMPARE(read.conversationId, u"c1"_s);
    QCOMPARE(read.userMessageId, u"u1"_s);
    QCOMPARE(read.assistantMessageId, u"a1"_s);
    QVERIFY(!read.resultIsNull);
    QVERIFY(read.result);
    QCOMPARE(read.result->conversationId, u"c2"_s); // the result's, not the assistant's c3
    QCOMPARE(read.result->userMessageId, u"u2"_s);
    QCOMPARE(read.result->assistantMessageId, u"a2"_s);
    QCOMPARE(read.result->message, u"Revenue grew."_s);
    QVERIFY(read.result->assets);
    QCOMPARE(read.result->assets->size(), 1);
    const FinishResult::Asset &asset = read.result->assets->at(0);
    QCOMPARE(asset.id, u"as1"_s);
    QCOMPARE(asset.type, u"item"_s);
    QVERIFY(asset.value);
    const QJsonObject measure = asset.value->value(u"slots")
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(u"content")
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QCOMPARE(asset.value->value(u"type").toString(), u"line-chart"_s);
    QCOMPARE(measure.value(u"columnId").toString(), u"c-revenue"_s);
    QCOMPARE(measure.value(u"level").toInteger(), 4);
    QCOMPARE(measure.value(u"ratio").toDouble(), 0.25);
    QCOMPARE(measure.value(u"visible").toBool(), true);
    QVERIFY(measure.value(u"format").isNull());
    QCOMPARE(asset.value->value(u"filters").toArray().size(), 0);
}

void TestFinishFrame::sameAnswer_data()
{
    QTest::addColumn<QByteArray>("finishData");
    QTest::newRow("same text, one asset") << finish(result(assistant(
        R"("message":"Revenue grew.","aiMessageAssets":[{"id":"as1","value":)" + item + "}]")));
    QTest::newRow("other text") << finish(result(assistant(R"("message":"Costs fell.")")));
    QTest::newRow("asset with no item")
        << finish(result(assistant(R"("message":"m","aiMessageAssets":[{"id":"x"}])")));
    QTest::newRow("result null") << finish("null");
    QTest::newRow("new ids") << finish(R"({"conversation_id":"c7","user_message":{"id":"u7"},)"
                                       R"("assistant_message":{"id":"a7"}})");
}

void TestFinishFrame::sameAnswer()
{
    QFETCH(QByteArray, finishData);
    const QList<QByteArray> before {
        R"({"type":"start","conversation_id":"c1","user_message_id":"u1","assistant_message_id":"a1"})",
        R"({"type":"text_start","index":0})",
        R"({"type":"text_delta","index":0,"delta":"Revenue grew."})",
        R"({"type":"text_end","index":0})",
    };
    AnswerAssembler fast;
    AnswerAssembler reference;
    for (const QByteArray &data : before) {
        fast.applyFrame(QByteArrayView(data));
        reference.apply(*AiPromptDecoder::decodeJson(data));
    }
    FinishFrame read;
    QVERIFY(FinishFrame::read(finishData, read)); // the fast path is the one under test
    const AnswerAssembler::Changes fastChanges = fast.applyFrame(QByteArrayView(finishData));
    const AnswerAssembler::Changes referenceChanges
        = reference.apply(*AiPromptDecoder::decodeJson(finishData));
    QCOMPARE(int(fastChanges), int(referenceChanges));
    QCOMPARE(describe(fast), describe(reference));
    QCOMPARE(fast.state() != AnswerAssembler::State::Streaming, true);

    // A second finish is late on both paths, in the same words.
    QCOMPARE(int(fast.applyFrame(QByteArrayView(finishData))),
        int(reference.apply(*AiPromptDecoder::decodeJson(finishData))));
    QCOMPARE(fast.problems(), reference.problems());
    QVERIFY(fast.problems().last().contains(u"after finish"_s));
}

QTEST_GUILESS_MAIN(TestFinishFrame)
#include "tst_finishframe.moc"

#include "app/protocol/aipromptdecoder.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString ctx = QStringLiteral(
    R"("conversation_id":"c1","user_message_id":"u1","assistant_message_id":"a1")");

QString frame(const QString &fields)
{
    return u'{' + fields + u',' + ctx + u'}';
}

} // namespace

class TestAiPromptDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void finishResult_data();
    void finishResult();
    void invalid_data();
    void invalid();
    void typeNamesRoundTrip();
};

void TestAiPromptDecoder::decode_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<StreamEvent::Type>("type");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<bool>("hasContext");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("progressMessage");
    QTest::addColumn<QString>("assetType");
    QTest::addColumn<QString>("assetId");
    QTest::addColumn<QString>("errorMessage");

    using T = StreamEvent::Type;
    const QString none;
    QTest::newRow("start") << frame(u"\"type\":\"start\""_s) << T::Start << u"start"_s << true << -1
                           << none << none << none << none << none;
    QTest::newRow("start without context") << u"{\"type\":\"start\"}"_s << T::Start << u"start"_s
                                           << false << -1 << none << none << none << none << none;
    QTest::newRow("progress") << frame(u"\"type\":\"progress\",\"message\":\"Reading dataset\""_s)
                              << T::Progress << u"progress"_s << true << -1 << none
                              << u"Reading dataset"_s << none << none << none;
    QTest::newRow("text_start") << frame(u"\"type\":\"text_start\",\"index\":0"_s) << T::TextStart
                                << u"text_start"_s << true << 0 << none << none << none << none
                                << none;
    QTest::newRow("text_delta") << frame(
        u"\"type\":\"text_delta\",\"index\":2,\"delta\":\"Monthly \""_s)
                                << T::TextDelta << u"text_delta"_s << true << 2 << u"Monthly "_s
                                << none << none << none << none;
    QTest::newRow("text_delta with text")
        << frame(u"\"type\":\"text_delta\",\"index\":0,\"text\":\"Grüße €\""_s) << T::TextDelta
        << u"text_delta"_s << true << 0 << u"Grüße €"_s << none << none << none << none;
    QTest::newRow("text_delta with content and string index")
        << frame(u"\"type\":\"text_delta\",\"index\":\"3\",\"content\":\"x\""_s) << T::TextDelta
        << u"text_delta"_s << true << 3 << u"x"_s << none << none << none << none;
    QTest::newRow("text_delta without index")
        << frame(u"\"type\":\"text_delta\",\"delta\":\"x\""_s) << T::TextDelta << u"text_delta"_s
        << true << -1 << u"x"_s << none << none << none << none;
    QTest::newRow("text_end") << frame(u"\"type\":\"text_end\",\"index\":0"_s) << T::TextEnd
                              << u"text_end"_s << true << 0 << none << none << none << none << none;
    QTest::newRow("asset_start") << frame(
        u"\"type\":\"asset_start\",\"index\":0,\"asset_type\":\"item\""_s)
                                 << T::AssetStart << u"asset_start"_s << true << 0 << none << none
                                 << u"item"_s << none << none;
    QTest::newRow("asset_delta") << frame(
        u"\"type\":\"asset_delta\",\"index\":0,\"delta\":\"{\\\"type\\\":\\\"line\""_s)
                                 << T::AssetDelta << u"asset_delta"_s << true << 0
                                 << u"{\"type\":\"line"_s << none << none << none << none;
    QTest::newRow("asset_delta as an object")
        << frame(u"\"type\":\"asset_delta\",\"index\":0,\"delta\":{\"type\":\"line-chart\"}"_s)
        << T::AssetDelta << u"asset_delta"_s << true << 0 << u"{\"type\":\"line-chart\"}"_s << none
        << none << none << none;
    QTest::newRow("asset_end with id")
        << frame(u"\"type\":\"asset_end\",\"index\":0,\"id\":\"7bfc\""_s) << T::AssetEnd
        << u"asset_end"_s << true << 0 << none << none << none << u"7bfc"_s << none;
    QTest::newRow("asset_end with asset_id")
        << frame(u"\"type\":\"asset_end\",\"index\":1,\"asset_id\":\"7bfd\""_s) << T::AssetEnd
        << u"asset_end"_s << true << 1 << none << none << none << u"7bfd"_s << none;
    QTest::newRow("error with message")
        << frame(u"\"type\":\"error\",\"message\":\"Dataset not found\""_s) << T::Error
        << u"error"_s << true << -1 << none << none << none << none << u"Dataset not found"_s;
    QTest::newRow("error as a string")
        << frame(u"\"type\":\"error\",\"error\":\"Quota exceeded\""_s) << T::Error << u"error"_s
        << true << -1 << none << none << none << none << u"Quota exceeded"_s;
    QTest::newRow("error as an object")
        << frame(u"\"type\":\"error\",\"error\":{\"code\":429,\"message\":\"Too many\"}"_s)
        << T::Error << u"error"_s << true << -1 << none << none << none << none << u"Too many"_s;
    QTest::newRow("error without words") << frame(u"\"type\":\"error\""_s) << T::Error << u"error"_s
                                         << true << -1 << none << none << none << none << none;
    QTest::newRow("finish") << frame(u"\"type\":\"finish\",\"result\":{}"_s) << T::Finish
                            << u"finish"_s << true << -1 << none << none << none << none << none;
    QTest::newRow("[DONE]") << u"[DONE]"_s << T::Done << u"[DONE]"_s << false << -1 << none << none
                            << none << none << none;
    QTest::newRow("[DONE] with spaces") << u" [DONE] "_s << T::Done << u"[DONE]"_s << false << -1
                                        << none << none << none << none << none;
    QTest::newRow("unknown type") << frame(u"\"type\":\"thinking\",\"delta\":\"hm\""_s)
                                  << T::Unknown << u"thinking"_s << true << -1 << u"hm"_s << none
                                  << none << none << none;
    QTest::newRow("type [DONE] inside JSON is not the terminator")
        << frame(u"\"type\":\"[DONE]\""_s) << T::Unknown << u"[DONE]"_s << true << -1 << none
        << none << none << none << none;
    QTest::newRow("no type") << u"{\"delta\":\"x\"}"_s << T::Unknown << none << false << -1
                             << u"x"_s << none << none << none << none;
    QTest::newRow("unknown fields ignored")
        << frame(u"\"type\":\"progress\",\"message\":\"m\",\"extra\":[1,2]"_s) << T::Progress
        << u"progress"_s << true << -1 << none << u"m"_s << none << none << none;
}

void TestAiPromptDecoder::decode()
{
    QFETCH(QString, data);
    QFETCH(StreamEvent::Type, type);
    QFETCH(QString, typeName);
    QFETCH(bool, hasContext);
    QFETCH(int, index);
    QFETCH(QString, text);
    QFETCH(QString, progressMessage);
    QFETCH(QString, assetType);
    QFETCH(QString, assetId);
    QFETCH(QString, errorMessage);

    const auto result = AiPromptDecoder::decode(data);
    QVERIFY(result.has_value());
    const StreamEvent &event = *result;
    QCOMPARE(event.type, type);
    QCOMPARE(event.typeName, typeName);
    QCOMPARE(event.conversationId, hasContext ? u"c1"_s : QString());
    QCOMPARE(event.userMessageId, hasContext ? u"u1"_s : QString());
    QCOMPARE(event.assistantMessageId, hasContext ? u"a1"_s : QString());
    QCOMPARE(event.index, index);
    QCOMPARE(event.text, text);
    QCOMPARE(event.progressMessage, progressMessage);
    QCOMPARE(event.assetType, assetType);
    QCOMPARE(event.assetId, assetId);
    QCOMPARE(event.errorMessage, errorMessage);
    if (type != StreamEvent::Type::Done)
        QCOMPARE(event.raw.value(u"type").toString(), typeName);

    // The UTF-8 entry point agrees.
    const auto fromBytes = AiPromptDecoder::decode(QByteArrayView(data.toUtf8()));
    QVERIFY(fromBytes.has_value());
    QCOMPARE(fromBytes->text, text);
    QCOMPARE(fromBytes->type, type);
}

void TestAiPromptDecoder::finishResult_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<bool>("hasResult");
    QTest::addColumn<bool>("resultIsNull");

    QTest::newRow("result object")
        << frame(u"\"type\":\"finish\",\"result\":{\"conversation_id\":\"c1\"}"_s) << true << false;
    QTest::newRow("null result") << frame(u"\"type\":\"finish\",\"result\":null"_s) << false
                                 << true;
    QTest::newRow("no result") << frame(u"\"type\":\"finish\""_s) << false << false;
    QTest::newRow("result not an object")
        << frame(u"\"type\":\"finish\",\"result\":\"ok\""_s) << false << false;
}

void TestAiPromptDecoder::finishResult()
{
    QFETCH(QString, data);
    QFETCH(bool, hasResult);
    QFETCH(bool, resultIsNull);

    const auto result = AiPromptDecoder::decode(data);
    QVERIFY(result.has_value());
    const StreamEvent &event = *result;
    QCOMPARE(event.type, StreamEvent::Type::Finish);
    QCOMPARE(event.result.has_value(), hasResult);
    QCOMPARE(event.resultIsNull, resultIsNull);
    if (hasResult)
        QCOMPARE(event.result->value(u"conversation_id").toString(), u"c1"_s);
}

void TestAiPromptDecoder::invalid_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<DecodeError::Code>("code");
    QTest::addColumn<QString>("words"); // a part of the message

    using C = DecodeError::Code;
    QTest::newRow("cut JSON") << u"{\"type\":\"text_delta\",\"delta\":\"Mon"_s << C::InvalidJson
                              << u"not valid JSON"_s;
    QTest::newRow("garbage") << u"hello"_s << C::InvalidJson << u"at offset"_s;
    QTest::newRow("empty") << QString() << C::InvalidJson << u"not valid JSON"_s;
    QTest::newRow("array") << u"[1,2]"_s << C::NotAnObject << u"not an object"_s;
    QTest::newRow("string") << u"\"text_delta\""_s << C::NotAnObject << u"not an object"_s;
    QTest::newRow("number") << u"42"_s << C::NotAnObject << u"not an object"_s;
    QTest::newRow("DONE without brackets") << u"DONE"_s << C::InvalidJson << u"JSON"_s;
}

void TestAiPromptDecoder::invalid()
{
    QFETCH(QString, data);
    QFETCH(DecodeError::Code, code);
    QFETCH(QString, words);

    const auto result = AiPromptDecoder::decode(data);
    QVERIFY(!result.has_value());
    const DecodeError &error = result.error();
    QCOMPARE(error.code, code);
    QVERIFY2(error.message.contains(words), qPrintable(error.message));
    QVERIFY(error.message.startsWith(u"A part of the answer could not be read"));
    QCOMPARE(error.frame, data.left(200));
}

void TestAiPromptDecoder::typeNamesRoundTrip()
{
    for (const auto *name : { "start", "progress", "text_start", "text_delta", "text_end",
             "asset_start", "asset_delta", "asset_end", "error", "finish" }) {
        const QString typeName = QString::fromLatin1(name);
        const StreamEvent::Type type = AiPromptDecoder::typeFromName(typeName);
        QVERIFY2(type != StreamEvent::Type::Unknown, name);
        QCOMPARE(StreamEvent::typeToString(type), typeName);
    }
    QCOMPARE(AiPromptDecoder::typeFromName(u"TEXT_DELTA"), StreamEvent::Type::Unknown);
}

QTEST_GUILESS_MAIN(TestAiPromptDecoder)
#include "tst_aipromptdecoder.moc"

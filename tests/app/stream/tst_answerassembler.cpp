#include "app/protocol/aipromptdecoder.h"
#include "app/stream/answerassembler.h"
#include "app/stream/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Change = AnswerAssembler::Change;
using Changes = AnswerAssembler::Changes;
using State = AnswerAssembler::State;

const QString ctx = QStringLiteral(
    R"("conversation_id":"c1","user_message_id":"u1","assistant_message_id":"a1")");

QString ev(const QString &fields)
{
    return u'{' + fields + u',' + ctx + u'}';
}

QString start()
{
    return ev(u"\"type\":\"start\""_s);
}
QString textStart(int i)
{
    return ev(u"\"type\":\"text_start\",\"index\":%1"_s.arg(i));
}
QString textEnd(int i)
{
    return ev(u"\"type\":\"text_end\",\"index\":%1"_s.arg(i));
}
QString delta(int i, const QString &text)
{
    return ev(u"\"type\":\"text_delta\",\"index\":%1,\"delta\":\"%2\""_s.arg(i).arg(text));
}
QString finishNoResult()
{
    return ev(u"\"type\":\"finish\""_s);
}
QString finishNull()
{
    return ev(u"\"type\":\"finish\",\"result\":null"_s);
}
QString finishWithMessage(const QString &message)
{
    return ev(uR"("type":"finish","result":{"conversation_id":"c1","user_message":{"id":"u2"},
              "assistant_message":{"id":"a2","message":"%1","aiMessageAssets":[]}})"_s.arg(
        message));
}
QString done()
{
    return u"[DONE]"_s;
}

QByteArray sampleStream()
{
    QFile file(
        qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u"/tests/data/aiprompt-stream.sse");
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestAnswerAssembler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleStreamIsComplete();
    void outcome_data();
    void outcome();
    void fastPathMatchesEventPath_data() { outcome_data(); }
    void fastPathMatchesEventPath();
    void sampleStreamFastPathMatchesEventPath();
    void changesPerEvent();
    void assetVariants();
    void finishResultReplacesAssets();
};

void TestAnswerAssembler::sampleStreamIsComplete()
{
    const QByteArray stream = sampleStream();
    QVERIFY2(!stream.isEmpty(), "tests/data/aiprompt-stream.sse not found");

    SseParser parser;
    AnswerAssembler answer;
    int textChanges = 0, textEnds = 0, progressChanges = 0, finished = 0, assetsCompleted = 0;
    // Chunks of 7 bytes, so frames and UTF-8 sequences are cut everywhere.
    for (qsizetype from = 0; from < stream.size(); from += 7) {
        for (const SseEvent &event : parser.feed(
                 QByteArrayView(stream).sliced(from, qMin<qsizetype>(7, stream.size() - from)))) {
            const Changes changes = answer.applyFrame(event.data);
            textChanges += changes.testFlag(Change::TextChanged);
            textEnds += changes.testFlag(Change::TextEnded);
            progressChanges += changes.testFlag(Change::ProgressChanged);
            finished += changes.testFlag(Change::Finished);
            if (changes.testFlag(Change::AssetCompleted) && !answer.sawFinish()) {
                ++assetsCompleted;
                // Read from the streamed fragments, before finish.result arrives.
                QCOMPARE(answer.assets().size(), 1);
                QCOMPARE(answer.assets().first().status, AnswerAsset::Status::Complete);
                QCOMPARE(answer.assets().first().value.value(u"type").toString(), u"line-chart"_s);
                QCOMPARE(answer.assets().first().id, u"7bfcf7ff-dcb2-4963-9e9b-0fe651a342af"_s);
            }
        }
    }
    QVERIFY(!parser.finish());
    QCOMPARE(answer.end(), Changes(Change::None));

    QCOMPARE(answer.state(), State::Complete);
    QVERIFY(answer.reason().isEmpty());
    QVERIFY(answer.sawFinish());
    QVERIFY(answer.sawDone());
    QVERIFY(answer.isReconciled());
    QCOMPARE(answer.text(),
        u"Here is the monthly revenue for 2025.\n\nRevenue peaked in März at 12\u202f400 €."_s);
    QCOMPARE(textChanges, 5); // one per delta; the result's text is the same, so no change there
    QCOMPARE(textEnds, 2);
    QCOMPARE(progressChanges, 2);
    QCOMPARE(answer.progressMessage(), u"Choosing a chart"_s);
    QCOMPARE(assetsCompleted, 1);
    QCOMPARE(finished, 1);
    QCOMPARE(answer.assets().size(), 1);
    const AnswerAsset &asset = answer.assets().first();
    QCOMPARE(asset.type, u"item"_s);
    QCOMPARE(asset.id, u"7bfcf7ff-dcb2-4963-9e9b-0fe651a342af"_s);
    QCOMPARE(asset.value.value(u"slots").toArray().size(), 2);
    QCOMPARE(answer.conversationId(), u"fdce930b-4f6d-4d2b-8a43-7ea7d62457a2"_s);
    QCOMPARE(answer.userMessageId(), u"1f3bb2f4-7589-40bc-b7d2-9a84b446d9ef"_s);
    QCOMPARE(answer.assistantMessageId(), u"2fdbacdc-d6e6-4a73-b22c-c4b6e9a10d98"_s);
    QVERIFY2(answer.problems().isEmpty(), qPrintable(answer.problems().join(u'\n')));
    QVERIFY(answer.errorMessages().isEmpty());
}

void TestAnswerAssembler::outcome_data()
{
    QTest::addColumn<QStringList>("frames");
    QTest::addColumn<State>("state"); // after end()
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problems");

    const QString stopped = u"The answer stopped before it was finished."_s;
    const QString unreadable
        = u"A part of the answer could not be read, so it may be incomplete."_s;
    const QString cut = u"{\"type\":\"text_delta\",\"index\":0,\"del"_s;
    QTest::newRow("finish and [DONE]") << QStringList { start(), textStart(0), delta(0, u"Hel"_s),
        delta(0, u"lo"_s), textEnd(0), finishNoResult(), done() }
                                       << State::Complete << QString() << u"Hello"_s << 0;
    QTest::newRow("missing finish")
        << QStringList { start(), textStart(0), delta(0, u"Hel"_s), delta(0, u"lo"_s) }
        << State::Incomplete << stopped << u"Hello"_s << 0;
    QTest::newRow("[DONE] without finish")
        << QStringList { start(), textStart(0), delta(0, u"Hi"_s), textEnd(0), done() }
        << State::Complete << QString() << u"Hi"_s << 0;
    QTest::newRow("finish without [DONE]")
        << QStringList { start(), textStart(0), delta(0, u"Hi"_s), textEnd(0), finishNoResult() }
        << State::Complete << QString() << u"Hi"_s << 0;
    QTest::newRow("delta without start tolerated")
        << QStringList { start(), delta(0, u"Hi"_s), textEnd(0), finishNoResult(), done() }
        << State::Complete << QString() << u"Hi"_s << 1;
    QTest::newRow("invalid JSON frame") << QStringList { start(), textStart(0), delta(0, u"Hel"_s),
        cut, textEnd(0), finishNoResult(), done() }
                                        << State::Incomplete << unreadable << u"Hel"_s << 1;
    QTest::newRow("invalid JSON frame, then the stream stops")
        << QStringList { start(), textStart(0), delta(0, u"Hel"_s), cut } << State::Incomplete
        << stopped << u"Hel"_s << 1;
    QTest::newRow("invalid JSON frame healed by finish.result") << QStringList { start(),
        textStart(0), delta(0, u"Hel"_s), cut, textEnd(0), finishWithMessage(u"Hello"_s),
        done() } << State::Complete << QString() << u"Hello"_s << 1;
    QTest::newRow("error event") << QStringList { start(), textStart(0), delta(0, u"Hel"_s),
        ev(u"\"type\":\"error\",\"message\":\"Dataset not found\""_s), finishNull(), done() }
                                 << State::Failed << u"Dataset not found"_s << u"Hel"_s << 0;
    QTest::newRow("error object, stream stops")
        << QStringList { start(), ev(u"\"type\":\"error\",\"error\":{\"message\":\"No quota\"}"_s) }
        << State::Failed << u"No quota"_s << QString() << 0;
    QTest::newRow("finish with null result")
        << QStringList { start(), finishNull(), done() } << State::Failed
        << u"The service could not produce an answer."_s << QString() << 0;
    QTest::newRow("finish.result overrides text")
        << QStringList { start(), textStart(0), delta(0, u"Draft"_s), textEnd(0),
               finishWithMessage(u"Final answer."_s), done() }
        << State::Complete << QString() << u"Final answer."_s << 0;
    QTest::newRow("unknown event ignored") << QStringList { start(), ev(u"\"type\":\"thinking\""_s),
        textStart(0), delta(0, u"Hi"_s), textEnd(0), done() }
                                           << State::Complete << QString() << u"Hi"_s << 0;
    QTest::newRow("blocks in index order, a blank line between")
        << QStringList { textStart(1), delta(1, u"B"_s), textEnd(1), textStart(0), delta(0, u"A"_s),
               textEnd(0), textStart(2), textEnd(2), done() }
        << State::Complete << QString() << u"A\n\nB"_s << 0;
    QTest::newRow("events after [DONE] ignored")
        << QStringList { textStart(0), delta(0, u"Hi"_s), done(), delta(0, u"!"_s) }
        << State::Complete << QString() << u"Hi"_s << 1;
    QTest::newRow("text_start twice")
        << QStringList { textStart(0), textStart(0), delta(0, u"Hi"_s), done() } << State::Complete
        << QString() << u"Hi"_s << 1;
    QTest::newRow("invalid asset JSON")
        << QStringList { ev(u"\"type\":\"asset_start\",\"index\":0,\"asset_type\":\"item\""_s),
               ev(u"\"type\":\"asset_delta\",\"index\":0,\"delta\":\"{\\\"type\\\":\""_s),
               ev(u"\"type\":\"asset_end\",\"index\":0"_s), done() }
        << State::Complete << QString() << QString() << 1;
    QTest::newRow("a delta to an earlier block")
        << QStringList { textStart(0), delta(0, u"A"_s), textStart(1), delta(1, u"B"_s),
               delta(0, u"a"_s), delta(1, u"b"_s), textStart(2), delta(2, u"C"_s), done() }
        << State::Complete << QString() << u"Aa\n\nBb\n\nC"_s << 0;
    QTest::newRow("text_end repeats the block")
        << QStringList { textStart(0), ev(u"\"type\":\"text_end\",\"index\":0,\"text\":\"All\""_s),
               textStart(1), delta(1, u"B"_s), textEnd(1), done() }
        << State::Complete << QString() << u"All\n\nB"_s << 0;
    QTest::newRow("text_end fills an earlier, empty block")
        << QStringList { textStart(0), textStart(1), delta(1, u"B"_s),
               ev(u"\"type\":\"text_end\",\"index\":0,\"text\":\"A\""_s), delta(1, u"b"_s), done() }
        << State::Complete << QString() << u"A\n\nBb"_s << 0;
    QTest::newRow("text_end after deltas keeps them") << QStringList { textStart(0),
        delta(0, u"A"_s), ev(u"\"type\":\"text_end\",\"index\":0,\"text\":\"All\""_s), textStart(1),
        delta(1, u"B"_s), done() } << State::Complete << QString()
                                                      << u"A\n\nB"_s << 0;
    QTest::newRow("non-ASCII and escaped deltas")
        << QStringList { textStart(0), delta(0, u"Grüße "_s), delta(0, u"€ 12\u202f400\\n"_s),
               delta(0, u"\\u00e9\\ud83d\\ude00"_s), delta(0, u"x\uFEFFy"_s), textEnd(0), done() }
        << State::Complete << QString() << u"Grüße € 12\u202f400\né\U0001F600x\uFEFFy"_s << 0;
    QTest::newRow("nothing at all")
        << QStringList {} << State::Incomplete << stopped << QString() << 0;
}

void TestAnswerAssembler::outcome()
{
    QFETCH(QStringList, frames);
    QFETCH(State, state);
    QFETCH(QString, reason);
    QFETCH(QString, text);
    QFETCH(int, problems);

    AnswerAssembler answer;
    for (const QString &frame : frames)
        answer.applyFrame(frame);
    answer.end();
    QCOMPARE(answer.state(), state);
    QCOMPARE(answer.reason(), reason);
    QCOMPARE(answer.text(), text);
    QCOMPARE(answer.problems().size(), problems);
    QVERIFY(answer.isFinished());
    if (state == State::Failed)
        QVERIFY(!answer.errorMessages().isEmpty() || frames.contains(finishNull()));
}

// applyFrame(QByteArrayView) (FlatFrame for the frequent frames) and apply() of the events
// QJsonDocument decodes give the same changes, text and outcome after every frame.
void TestAnswerAssembler::fastPathMatchesEventPath()
{
    QFETCH(QStringList, frames);
    QFETCH(QString, text);

    AnswerAssembler fast;
    AnswerAssembler events;
    for (const QString &frame : frames) {
        const QByteArray utf8 = frame.toUtf8();
        const Changes fastChanges = fast.applyFrame(QByteArrayView(utf8));
        const auto decoded = AiPromptDecoder::decodeJson(utf8);
        const Changes eventChanges
            = decoded ? events.apply(*decoded) : events.applyInvalidFrame(decoded.error());
        QCOMPARE(fastChanges, eventChanges);
        QCOMPARE(fast.text(), events.text());
        QCOMPARE(fast.progressMessage(), events.progressMessage());
        QCOMPARE(fast.conversationId(), events.conversationId());
    }
    QCOMPARE(fast.end(), events.end());
    QCOMPARE(fast.state(), events.state());
    QCOMPARE(fast.reason(), events.reason());
    QCOMPARE(fast.text(), text);
    QCOMPARE(fast.problems(), events.problems());
    QCOMPARE(fast.assets().size(), events.assets().size());
}

void TestAnswerAssembler::sampleStreamFastPathMatchesEventPath()
{
    const QByteArray stream = sampleStream();
    QVERIFY2(!stream.isEmpty(), "tests/data/aiprompt-stream.sse not found");
    SseParser parser;
    AnswerAssembler fast;
    AnswerAssembler events;
    parser.feedBytes(stream, [&](QByteArrayView, QByteArrayView data) {
        const auto decoded = AiPromptDecoder::decodeJson(data);
        QCOMPARE(fast.applyFrame(data), events.apply(*decoded));
        QCOMPARE(fast.text(), events.text());
    });
    QCOMPARE(fast.state(), State::Complete);
    QCOMPARE(fast.text(), events.text());
    QCOMPARE(fast.userMessageId(), events.userMessageId());
    QCOMPARE(fast.assistantMessageId(), events.assistantMessageId());
    QCOMPARE(fast.assets().first().value, events.assets().first().value);
}

void TestAnswerAssembler::changesPerEvent()
{
    AnswerAssembler answer;
    QCOMPARE(answer.applyFrame(start()), Changes(Change::IdsChanged));
    QCOMPARE(answer.applyFrame(ev(u"\"type\":\"progress\",\"message\":\"Reading\""_s)),
        Changes(Change::ProgressChanged));
    QCOMPARE(answer.applyFrame(ev(u"\"type\":\"progress\",\"message\":\"Reading\""_s)),
        Changes(Change::None));
    QCOMPARE(answer.applyFrame(textStart(0)), Changes(Change::None));
    QCOMPARE(answer.applyFrame(delta(0, u"Hi"_s)), Changes(Change::TextChanged));
    QCOMPARE(answer.applyFrame(delta(0, QString())), Changes(Change::None));
    QCOMPARE(answer.applyFrame(textEnd(0)), Changes(Change::TextEnded));
    QCOMPARE(answer.applyFrame(delta(3, u"x"_s)), Change::TextChanged | Change::ProblemRecorded);
    QCOMPARE(answer.applyFrame(ev(u"\"type\":\"asset_start\",\"index\":0"_s)),
        Changes(Change::AssetStarted));
    QCOMPARE(answer.applyFrame(ev(u"\"type\":\"asset_delta\",\"index\":0,\"delta\":\"{}\""_s)),
        Changes(Change::None));
    QCOMPARE(answer.applyFrame(ev(u"\"type\":\"asset_end\",\"index\":0,\"id\":\"x\""_s)),
        Changes(Change::AssetCompleted));
    QCOMPARE(answer.applyFrame(u"{nope"_s), Changes(Change::ProblemRecorded));
    QCOMPARE(answer.applyFrame(ev(u"\"type\":\"error\",\"message\":\"Boom\""_s)),
        Change::ErrorReceived | Change::Finished);
    QCOMPARE(answer.state(), State::Failed);
    QCOMPARE(answer.applyFrame(finishNull()), Changes(Change::None));
    QCOMPARE(answer.applyFrame(done()), Changes(Change::None));
    QCOMPARE(answer.end(), Changes(Change::None));
    QCOMPARE(answer.state(), State::Failed);
    QCOMPARE(answer.reason(), u"Boom"_s);
}

void TestAnswerAssembler::assetVariants()
{
    AnswerAssembler answer;
    // No index: identified by id, or the asset being streamed.
    answer.applyFrame(ev(u"\"type\":\"asset_start\",\"asset_type\":\"item\""_s));
    answer.applyFrame(ev(uR"("type":"asset_delta","delta":"{\"id\":\"w1\",\"type\":\"item\",")"_s));
    answer.applyFrame(
        ev(uR"("type":"asset_delta","delta":"\"value\":{\"type\":\"bar-chart\"}}")"_s));
    QCOMPARE(answer.applyFrame(ev(u"\"type\":\"asset_end\""_s)), Changes(Change::AssetCompleted));
    // An asset_end that carries the item itself.
    answer.applyFrame(ev(u"\"type\":\"asset_start\",\"index\":1"_s));
    QCOMPARE(
        answer.applyFrame(
            ev(uR"("type":"asset_end","index":1,"asset_id":"w2","value":{"type":"line-chart"})"_s)),
        Changes(Change::AssetCompleted));
    // asset_end for an asset never started: tolerated, and noted.
    QCOMPARE(answer.applyFrame(ev(uR"("type":"asset_end","index":5,"item":{"type":"kpi"})"_s)),
        Change::AssetCompleted | Change::ProblemRecorded);

    QCOMPARE(answer.assets().size(), 3);
    QCOMPARE(answer.assets().at(0).id, u"w1"_s); // from the wrapper JSON
    QCOMPARE(answer.assets().at(0).value.value(u"type").toString(), u"bar-chart"_s);
    QCOMPARE(answer.assets().at(1).id, u"w2"_s);
    QCOMPARE(answer.assets().at(1).type, u"item"_s);
    QCOMPARE(answer.assets().at(1).value.value(u"type").toString(), u"line-chart"_s);
    QCOMPARE(answer.assets().at(2).index, 5);
    QCOMPARE(answer.assets().at(2).value.value(u"type").toString(), u"kpi"_s);
    QCOMPARE(answer.problems().size(), 1);
}

void TestAnswerAssembler::finishResultReplacesAssets()
{
    AnswerAssembler answer;
    answer.applyFrame(start());
    answer.applyFrame(ev(u"\"type\":\"asset_start\",\"index\":0"_s));
    answer.applyFrame(
        ev(u"\"type\":\"asset_delta\",\"index\":0,\"delta\":\"{\\\"type\\\":\\\"pie\\\"}\""_s));
    answer.applyFrame(ev(u"\"type\":\"asset_end\",\"index\":0,\"id\":\"old\""_s));
    QCOMPARE(answer.assets().first().value.value(u"type").toString(), u"pie"_s);

    const Changes changes = answer.applyFrame(ev(uR"("type":"finish","result":{
        "conversation_id":"c9","user_message":{"id":"u9"},
        "assistant_message":{"id":"a9","message":"Two charts.","aiMessageAssets":[
            {"id":"n1","type":"item","value":{"type":"line-chart"}},
            {"id":"n2","type":"item","value":{"type":"bar-chart"}},
            {"id":"n3","type":"item"}]}})"_s));
    QCOMPARE(changes,
        Change::TextChanged | Change::IdsChanged | Change::AssetsReplaced | Change::ProblemRecorded
            | Change::Finished);
    QCOMPARE(answer.state(), State::Complete);
    QCOMPARE(answer.text(), u"Two charts."_s);
    QCOMPARE(answer.conversationId(), u"c9"_s);
    QCOMPARE(answer.userMessageId(), u"u9"_s);
    QCOMPARE(answer.assistantMessageId(), u"a9"_s);
    QCOMPARE(answer.assets().size(), 3);
    QCOMPARE(answer.assets().at(0).id, u"n1"_s);
    QCOMPARE(answer.assets().at(1).value.value(u"type").toString(), u"bar-chart"_s);
    QCOMPARE(answer.assets().at(2).status, AnswerAsset::Status::Invalid);
    // Late deltas cannot undo the authoritative result.
    QCOMPARE(answer.applyFrame(delta(0, u"late"_s)), Changes(Change::ProblemRecorded));
    QCOMPARE(answer.text(), u"Two charts."_s);
}

QTEST_GUILESS_MAIN(TestAnswerAssembler)
#include "tst_answerassembler.moc"

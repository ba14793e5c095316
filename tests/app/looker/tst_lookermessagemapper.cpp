// Looker system messages → StreamEvents → the assembled answer.

#include "answerassembler.h"
#include "fakelookerserver.h"
#include "lookermessagemapper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QString names(const QList<StreamEvent> &events)
{
    QStringList out;
    for (const StreamEvent &event : events)
        out << event.typeName;
    return out.join(u' ');
}

QJsonObject chart()
{
    const QJsonObject result { { u"vegaConfig"_qs, QJsonObject { { u"mark"_qs, u"line"_qs } } } };
    return { { u"systemMessage"_qs,
        QJsonObject { { u"chart"_qs, QJsonObject { { u"result"_qs, result } } } } } };
}
} // namespace

class TestLookerMessageMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maps_data()
    {
        QTest::addColumn<QList<QJsonObject>>("messages");
        QTest::addColumn<QString>("events");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("assetTypes");
        QTest::addColumn<int>("state");

        const QJsonArray rows { QJsonObject {
            { u"month"_qs, u"2025-01"_qs }, { u"revenue"_qs, 10 } } };
        const int complete = int(AnswerAssembler::State::Complete);
        QTest::newRow("text deltas form one block")
            << QList<QJsonObject> { FakeLookerServer::text(u"Revenue "_qs),
                   FakeLookerServer::text(u"grew."_qs) }
            << u"text_start text_delta text_delta text_end finish"_qs << u"Revenue grew."_qs
            << QStringList() << complete;
        QTest::newRow("thought and progress are progress")
            << QList<QJsonObject> { FakeLookerServer::thought(u"Planning"_qs),
                   FakeLookerServer::thought(u"Searching values"_qs, u"PROGRESS"_qs),
                   FakeLookerServer::text(u"Done."_qs) }
            << u"progress progress text_start text_delta text_end finish"_qs << u"Done."_qs
            << QStringList() << complete;
        QTest::newRow("data and chart become assets between text blocks")
            << QList<QJsonObject> { FakeLookerServer::text(u"Here:"_qs),
                   FakeLookerServer::data(u"revenue by month"_qs, rows), chart(),
                   FakeLookerServer::text(u"Up 5%."_qs) }
            << u"text_start text_delta text_end asset_start asset_delta asset_end asset_start "
               u"asset_delta asset_end text_start text_delta text_end finish"_qs
            << u"Here:\n\nUp 5%."_qs
            << QStringList { LookerMessageMapper::DataAssetType,
                   LookerMessageMapper::ChartAssetType }
            << complete;
        QTest::newRow("a data query without result is progress")
            << QList<QJsonObject> { FakeLookerServer::data(u"sample"_qs, {}) }
            << u"progress finish"_qs << QString() << QStringList() << complete;
        QTest::newRow("error") << QList<QJsonObject> { FakeLookerServer::text(u"Part"_qs),
            FakeLookerServer::errorMessage(u"Explore not found"_qs) }
                               << u"text_start text_delta text_end error finish"_qs << u"Part"_qs
                               << QStringList() << int(AnswerAssembler::State::Failed);
        QTest::newRow("follow-up questions are one followups asset, not text")
            << QList<QJsonObject> { FakeLookerServer::text(u"Up 5%."_qs),
                   FakeLookerServer::followups({ u"By region?"_qs, u"Last year?"_qs }) }
            << u"text_start text_delta text_end asset_start asset_delta asset_end finish"_qs
            << u"Up 5%."_qs << QStringList { LookerMessageMapper::FollowupsAssetType } << complete;
        QTest::newRow("unknown parts are skipped")
            << QList<QJsonObject> { QJsonObject {
                   { u"userMessage"_qs, QJsonObject { { u"text"_qs, u"hi"_qs } } } } }
            << u"finish"_qs << QString() << QStringList() << complete;
    }

    void maps()
    {
        QFETCH(QList<QJsonObject>, messages);
        QFETCH(QString, events);
        QFETCH(QString, text);
        QFETCH(QStringList, assetTypes);
        QFETCH(int, state);
        LookerMessageMapper mapper;
        QList<StreamEvent> all;
        for (const QJsonObject &message : messages)
            all << mapper.map(message);
        all << mapper.finish();
        StreamEvent finish;
        finish.type = StreamEvent::Type::Finish;
        finish.typeName = u"finish"_qs;
        all << finish;
        QCOMPARE(names(all), events);

        AnswerAssembler assembler;
        for (const StreamEvent &event : all)
            assembler.apply(event);
        QCOMPARE(int(assembler.state()), state);
        QCOMPARE(assembler.text(), text);
        QCOMPARE(mapper.finalText(), text);
        QStringList types;
        for (const AnswerAsset &asset : assembler.assets()) {
            QCOMPARE(asset.status, AnswerAsset::Status::Complete);
            types << asset.type;
        }
        QCOMPARE(types, assetTypes);
        QVERIFY2(assembler.problems().isEmpty(), qPrintable(assembler.problems().join(u'\n')));
    }

    void followupsValue()
    {
        LookerMessageMapper mapper;
        mapper.map(
            FakeLookerServer::followups({ u" By region? "_qs, QString(), u"Last year?"_qs }));
        QCOMPARE(mapper.assets().size(), 1);
        QCOMPARE(mapper.assets().first().value,
            (QJsonObject {
                { u"questions"_qs, QJsonArray { u"By region?"_qs, u"Last year?"_qs } } }));
    }

    // The chart asset carries the DataResult it draws: the one its query names, else the
    // answer's latest; none when no data came before it.
    void chartCarriesItsData_data()
    {
        QTest::addColumn<QList<QJsonObject>>("messages");
        QTest::addColumn<QString>("dataName"); // of the chart asset's "data"; empty: no key
        const QJsonArray a { QJsonObject { { u"m"_qs, u"2025-01"_qs }, { u"v"_qs, 1 } } };
        const QJsonArray b { QJsonObject { { u"m"_qs, u"2025-02"_qs }, { u"v"_qs, 2 } } };
        const QJsonObject line { { u"mark"_qs, u"line"_qs } };
        QTest::newRow("named by dataResultName")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_qs, a, u"first"_qs),
                   FakeLookerServer::data(u"q"_qs, b, u"second"_qs),
                   FakeLookerServer::chart(line, u"first"_qs) }
            << u"first"_qs;
        QTest::newRow("no name: the latest data part")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_qs, a, u"first"_qs),
                   FakeLookerServer::data(u"q"_qs, b, u"second"_qs), FakeLookerServer::chart(line) }
            << u"second"_qs;
        QTest::newRow("an unknown name: the latest data part")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_qs, a, u"first"_qs),
                   FakeLookerServer::chart(line, u"missing"_qs) }
            << u"first"_qs;
        QTest::newRow("sample values are not chart data")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_qs, a, u"first"_qs),
                   FakeLookerServer::data(u"q"_qs, b, u"region_sample_values"_qs),
                   FakeLookerServer::chart(line) }
            << u"first"_qs;
        QTest::newRow("no data before the chart")
            << QList<QJsonObject> { FakeLookerServer::chart(line) } << QString();
    }

    void chartCarriesItsData()
    {
        QFETCH(QList<QJsonObject>, messages);
        QFETCH(QString, dataName);
        LookerMessageMapper mapper;
        for (const QJsonObject &message : messages)
            mapper.map(message);
        const LookerMessageMapper::Asset chart = mapper.assets().last();
        QCOMPARE(chart.type, LookerMessageMapper::ChartAssetType);
        // The chart part itself, untouched: {query, result{vegaConfig}}.
        const QJsonObject part = messages.last()[u"systemMessage"_qs][u"chart"_qs].toObject();
        QCOMPARE(chart.value[u"query"_qs], part[u"query"_qs]);
        QCOMPARE(chart.value[u"result"_qs][u"vegaConfig"_qs].toString(), u"{\"mark\":\"line\"}"_qs);
        QCOMPARE(chart.value.contains(u"data"_qs), !dataName.isEmpty());
        if (dataName.isEmpty())
            return;
        const QJsonObject data = chart.value[u"data"_qs].toObject();
        QCOMPARE(data[u"name"_qs].toString(), dataName);
        QCOMPARE(data[u"data"_qs][0][u"v"_qs].toInt(), dataName == u"second" ? 2 : 1);
        QCOMPARE(data[u"schema"_qs][u"fields"_qs][1][u"name"_qs].toString(), u"v"_qs);
    }

    // Asset ids: the message's messageId and the part, else the place in the answer.
    void assetIds()
    {
        LookerMessageMapper mapper;
        const QJsonArray rows { QJsonObject { { u"v"_qs, 1 } } };
        QList<StreamEvent> events = mapper.map(
            FakeLookerServer::withId(FakeLookerServer::data(u"q"_qs, rows), u"m-7"_qs));
        events << mapper.map(FakeLookerServer::chart({ { u"mark"_qs, u"line"_qs } }));
        QStringList ids;
        for (const StreamEvent &event : std::as_const(events)) {
            if (event.type == StreamEvent::Type::AssetEnd)
                ids << event.assetId;
        }
        QCOMPARE(ids, (QStringList { u"m-7/looker-data"_qs, u"part-1"_qs }));
    }
};

QTEST_GUILESS_MAIN(TestLookerMessageMapper)
#include "tst_lookermessagemapper.moc"

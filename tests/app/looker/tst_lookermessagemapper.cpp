// Looker system messages → StreamEvents → the assembled answer.

#include "app/looker/lookermessagemapper.h"
#include "app/stream/answerassembler.h"
#include "tests/support/fakelookerserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

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
    const QJsonObject result { { u"vegaConfig"_s, QJsonObject { { u"mark"_s, u"line"_s } } } };
    return { { u"systemMessage"_s,
        QJsonObject { { u"chart"_s, QJsonObject { { u"result"_s, result } } } } } };
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
            { u"month"_s, u"2025-01"_s }, { u"revenue"_s, 10 } } };
        const int complete = int(AnswerAssembler::State::Complete);
        QTest::newRow("text deltas form one block")
            << QList<QJsonObject> { FakeLookerServer::text(u"Revenue "_s),
                   FakeLookerServer::text(u"grew."_s) }
            << u"text_start text_delta text_delta text_end finish"_s << u"Revenue grew."_s
            << QStringList() << complete;
        QTest::newRow("thought and progress are progress")
            << QList<QJsonObject> { FakeLookerServer::thought(u"Planning"_s),
                   FakeLookerServer::thought(u"Searching values"_s, u"PROGRESS"_s),
                   FakeLookerServer::text(u"Done."_s) }
            << u"progress progress text_start text_delta text_end finish"_s << u"Done."_s
            << QStringList() << complete;
        QTest::newRow("data and chart become assets between text blocks")
            << QList<QJsonObject> { FakeLookerServer::text(u"Here:"_s),
                   FakeLookerServer::data(u"revenue by month"_s, rows), chart(),
                   FakeLookerServer::text(u"Up 5%."_s) }
            << u"text_start text_delta text_end asset_start asset_delta asset_end asset_start "
               u"asset_delta asset_end text_start text_delta text_end finish"_s
            << u"Here:\n\nUp 5%."_s
            << QStringList { LookerMessageMapper::DataAssetType,
                   LookerMessageMapper::ChartAssetType }
            << complete;
        QTest::newRow("a data query without result is progress")
            << QList<QJsonObject> { FakeLookerServer::data(u"sample"_s, {}) }
            << u"progress finish"_s << QString() << QStringList() << complete;
        QTest::newRow("error") << QList<QJsonObject> { FakeLookerServer::text(u"Part"_s),
            FakeLookerServer::errorMessage(u"Explore not found"_s) }
                               << u"text_start text_delta text_end error finish"_s << u"Part"_s
                               << QStringList() << int(AnswerAssembler::State::Failed);
        QTest::newRow("follow-up questions are one followups asset, not text")
            << QList<QJsonObject> { FakeLookerServer::text(u"Up 5%."_s),
                   FakeLookerServer::followups({ u"By region?"_s, u"Last year?"_s }) }
            << u"text_start text_delta text_end asset_start asset_delta asset_end finish"_s
            << u"Up 5%."_s << QStringList { LookerMessageMapper::FollowupsAssetType } << complete;
        QTest::newRow("unknown parts are skipped")
            << QList<QJsonObject> { QJsonObject {
                   { u"userMessage"_s, QJsonObject { { u"text"_s, u"hi"_s } } } } }
            << u"finish"_s << QString() << QStringList() << complete;
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
        finish.typeName = u"finish"_s;
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
        mapper.map(FakeLookerServer::followups({ u" By region? "_s, QString(), u"Last year?"_s }));
        QCOMPARE(mapper.assets().size(), 1);
        QCOMPARE(mapper.assets().first().value,
            (QJsonObject { { u"questions"_s, QJsonArray { u"By region?"_s, u"Last year?"_s } } }));
    }

    // The chart asset carries the DataResult it draws: the one its query names, else the
    // answer's latest; none when no data came before it.
    void chartCarriesItsData_data()
    {
        QTest::addColumn<QList<QJsonObject>>("messages");
        QTest::addColumn<QString>("dataName"); // of the chart asset's "data"; empty: no key
        const QJsonArray a { QJsonObject { { u"m"_s, u"2025-01"_s }, { u"v"_s, 1 } } };
        const QJsonArray b { QJsonObject { { u"m"_s, u"2025-02"_s }, { u"v"_s, 2 } } };
        const QJsonObject line { { u"mark"_s, u"line"_s } };
        QTest::newRow("named by dataResultName")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_s, a, u"first"_s),
                   FakeLookerServer::data(u"q"_s, b, u"second"_s),
                   FakeLookerServer::chart(line, u"first"_s) }
            << u"first"_s;
        QTest::newRow("no name: the latest data part")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_s, a, u"first"_s),
                   FakeLookerServer::data(u"q"_s, b, u"second"_s), FakeLookerServer::chart(line) }
            << u"second"_s;
        QTest::newRow("an unknown name: the latest data part")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_s, a, u"first"_s),
                   FakeLookerServer::chart(line, u"missing"_s) }
            << u"first"_s;
        QTest::newRow("sample values are not chart data")
            << QList<QJsonObject> { FakeLookerServer::data(u"q"_s, a, u"first"_s),
                   FakeLookerServer::data(u"q"_s, b, u"region_sample_values"_s),
                   FakeLookerServer::chart(line) }
            << u"first"_s;
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
        const QJsonObject part = messages.last()[u"systemMessage"_s][u"chart"_s].toObject();
        QCOMPARE(chart.value[u"query"_s], part[u"query"_s]);
        QCOMPARE(chart.value[u"result"_s][u"vegaConfig"_s].toString(), u"{\"mark\":\"line\"}"_s);
        QCOMPARE(chart.value.contains(u"data"_s), !dataName.isEmpty());
        if (dataName.isEmpty())
            return;
        const QJsonObject data = chart.value[u"data"_s].toObject();
        QCOMPARE(data[u"name"_s].toString(), dataName);
        QCOMPARE(data[u"data"_s][0][u"v"_s].toInt(), dataName == u"second" ? 2 : 1);
        QCOMPARE(data[u"schema"_s][u"fields"_s][1][u"name"_s].toString(), u"v"_s);
    }

    // Asset ids: the message's messageId and the part, else the place in the answer.
    void assetIds()
    {
        LookerMessageMapper mapper;
        const QJsonArray rows { QJsonObject { { u"v"_s, 1 } } };
        QList<StreamEvent> events
            = mapper.map(FakeLookerServer::withId(FakeLookerServer::data(u"q"_s, rows), u"m-7"_s));
        events << mapper.map(FakeLookerServer::chart({ { u"mark"_s, u"line"_s } }));
        QStringList ids;
        for (const StreamEvent &event : std::as_const(events)) {
            if (event.type == StreamEvent::Type::AssetEnd)
                ids << event.assetId;
        }
        QCOMPARE(ids, (QStringList { u"m-7/looker-data"_s, u"part-1"_s }));
    }
};

QTEST_GUILESS_MAIN(TestLookerMessageMapper)
#include "tst_lookermessagemapper.moc"

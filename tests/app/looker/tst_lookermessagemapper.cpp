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
};

QTEST_GUILESS_MAIN(TestLookerMessageMapper)
#include "tst_lookermessagemapper.moc"

#include "app/protocol/aipromptrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestAiPromptRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<bool>("withItem");
        QTest::addColumn<QString>("expectedError"); // a part of it; empty = valid
        const QStringList one { u"Show monthly revenue"_s };
        QTest::newRow("item generate") << u"item"_s << u"generate"_s << one << false << QString();
        QTest::newRow("item suggest") << u"item"_s << u"suggest"_s << one << false << QString();
        QTest::newRow("item describe with item")
            << u"item"_s << u"describe"_s << one << true << QString();
        QTest::newRow("item describe without item")
            << u"item"_s << u"describe"_s << one << false << u"needs the chart"_s;
        QTest::newRow("analyst generate")
            << u"analyst"_s << u"generate"_s << one << false << QString();
        QTest::newRow("analyst suggest") << u"analyst"_s << u"suggest"_s << one << false
                                         << u"only supports the task \"generate\""_s;
        QTest::newRow("analyst describe")
            << u"analyst"_s << u"describe"_s << one << true << u"only supports"_s;
        QTest::newRow("unknown agent")
            << u"oracle"_s << u"generate"_s << one << false << u"Unknown agent"_s;
        QTest::newRow("unknown task")
            << u"item"_s << u"dream"_s << one << false << u"Unknown task"_s;
        QTest::newRow("no text") << u"item"_s << u"generate"_s << QStringList {} << false
                                 << u"Exactly one text input"_s;
        QTest::newRow("two texts") << u"item"_s << u"generate"_s << QStringList { u"a"_s, u"b"_s }
                                   << false << u"Exactly one text input"_s;
        QTest::newRow("blank text")
            << u"item"_s << u"generate"_s << QStringList { u"  "_s } << false << u"empty"_s;
    }

    void validate()
    {
        QFETCH(QString, agent);
        QFETCH(QString, task);
        QFETCH(QStringList, texts);
        QFETCH(bool, withItem);
        QFETCH(QString, expectedError);
        AiPromptRequest request;
        request.agent = agent;
        request.task = task;
        request.texts = texts;
        if (withItem)
            request.items << QJsonObject { { u"type"_s, u"line-chart"_s } };
        const QString error = request.validate();
        if (expectedError.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains(expectedError), qPrintable(error));
    }

    void properties()
    {
        AiPromptRequest request;
        request.agent = u"item"_s;
        request.task = u"describe"_s;
        request.conversationId = u"conv-1"_s;
        request.texts = { u"Describe this"_s };
        request.datasetIds = { u"ds-1"_s };
        request.items << QJsonObject { { u"type"_s, u"line-chart"_s } };
        request.stream = false;
        const QJsonObject p = request.toProperties();
        QCOMPARE(p[u"agent"_s].toString(), u"item"_s);
        QCOMPARE(p[u"task"_s].toString(), u"describe"_s);
        QCOMPARE(p[u"conversation_id"_s].toString(), u"conv-1"_s);
        QCOMPARE(p[u"stream"_s].toBool(), false);
        QCOMPARE(p[u"locale_id"_s].toString(), u"en"_s);
        // Luzmo's documented names (createAIPrompt, luzmo-official/agent-skills SKILL.md).
        QCOMPARE(p[u"text_format"_s].toString(), u"markdown"_s);
        QCOMPARE(p[u"response_mode"_s].toString(), u"mixed"_s);
        QVERIFY(!p.contains(u"timezone_id"_s)); // not set: not sent
        QVERIFY(!p.contains(u"inputs"_s));
        const QJsonArray inputs = p[u"input"_s].toArray();
        QCOMPARE(inputs.size(), 3);
        QCOMPARE(inputs[0][u"text"_s].toString(), u"Describe this"_s);
        QCOMPARE(inputs[1][u"type"_s].toString(), u"dataset"_s);
        QCOMPARE(inputs[2][u"value"_s][u"type"_s].toString(), u"line-chart"_s);
        request.conversationId.clear();
        QVERIFY(!request.toProperties().contains(u"conversation_id"_s));
        request.timezoneId = u"Europe/Brussels"_s;
        QCOMPARE(request.toProperties()[u"timezone_id"_s].toString(), u"Europe/Brussels"_s);
    }

    void systemTimezoneIsAnIanaId()
    {
        const QString id = AiPromptRequest::systemTimezoneId();
        QVERIFY(!id.isEmpty());
        QVERIFY2(QTimeZone(id.toUtf8()).isValid(), qPrintable(id));
    }

    // The server side: what a client sends, read tolerantly.
    void fromProperties_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QStringList>("datasets");
        QTest::addColumn<int>("items");
        QTest::addColumn<QString>("responseMode");
        QTest::addColumn<QString>("textFormat");
        QTest::addColumn<QString>("zone");
        const QStringList q { u"Show monthly revenue"_s };
        QTest::newRow("documented input[]")
            << QByteArray(R"({"agent":"item","task":"generate","response_mode":"text",
                 "text_format":"markdown","timezone_id":"America/New_York",
                 "input":[{"type":"text","text":"Show monthly revenue"},
                          {"type":"dataset","id":"ds-1"},{"type":"item","value":{"type":"line-chart"}}]})")
            << q << QStringList { u"ds-1"_s } << 1 << u"text"_s << u"markdown"_s
            << u"America/New_York"_s;
        QTest::newRow("older inputs[] (tolerated)")
            << QByteArray(R"({"inputs":[{"type":"text","text":"Show monthly revenue"},
                 {"type":"dataset","dataset_id":"ds-2"}]})")
            << q << QStringList { u"ds-2"_s } << 0 << u"mixed"_s << u"plain"_s << QString();
        QTest::newRow("input wins over inputs")
            << QByteArray(R"({"input":[{"type":"text","text":"Show monthly revenue"}],
                 "inputs":[{"type":"text","text":"other"}]})")
            << q << QStringList {} << 0 << u"mixed"_s << u"plain"_s << QString();
        QTest::newRow("text in value, item in item")
            << QByteArray(R"({"input":[{"type":"text","value":"Show monthly revenue"},
                 {"type":"item","item":{"type":"line-chart"}}]})")
            << q << QStringList {} << 1 << u"mixed"_s << u"plain"_s << QString();
        QTest::newRow("text in message")
            << QByteArray(R"({"input":[{"type":"text","message":"Show monthly revenue"}]})") << q
            << QStringList {} << 0 << u"mixed"_s << u"plain"_s << QString();
        QTest::newRow("top-level text")
            << QByteArray(R"({"text":"Show monthly revenue"})") << q << QStringList {} << 0
            << u"mixed"_s << u"plain"_s << QString();
        QTest::newRow("response_mode chart reads as asset") << QByteArray(
            R"({"response_mode":"chart","input":[{"type":"text","text":"Show monthly revenue"}]})")
                                                            << q << QStringList {} << 0
                                                            << u"asset"_s << u"plain"_s
                                                            << QString();
        QTest::newRow("two text inputs kept for validate()")
            << QByteArray(R"({"input":[{"type":"text","text":"a"},{"type":"text","text":"b"}]})")
            << QStringList { u"a"_s, u"b"_s } << QStringList {} << 0 << u"mixed"_s << u"plain"_s
            << QString();
        QTest::newRow("nothing") << QByteArray("{}") << QStringList {} << QStringList {} << 0
                                 << u"mixed"_s << u"plain"_s << QString();
    }

    void fromProperties()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, texts);
        QFETCH(QStringList, datasets);
        QFETCH(int, items);
        QFETCH(QString, responseMode);
        QFETCH(QString, textFormat);
        QFETCH(QString, zone);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY(doc.isObject());
        const AiPromptRequest r = AiPromptRequest::fromProperties(doc.object());
        QCOMPARE(r.texts, texts);
        QCOMPARE(r.datasetIds, datasets);
        QCOMPARE(r.items.size(), items);
        QCOMPARE(r.responseMode, responseMode);
        QCOMPARE(r.textFormat, textFormat);
        QCOMPARE(r.timezoneId, zone);
    }

    void validateRejectsUnknownModes()
    {
        AiPromptRequest r;
        r.texts = { u"Show monthly revenue"_s };
        r.responseMode = u"everything"_s;
        QVERIFY(r.validate().contains(u"response mode"_s));
        r.responseMode = u"asset"_s;
        r.textFormat = u"html"_s;
        QVERIFY(r.validate().contains(u"text format"_s));
        r.textFormat = u"plain"_s;
        QVERIFY2(r.validate().isEmpty(), qPrintable(r.validate()));
    }
};

QTEST_GUILESS_MAIN(TestAiPromptRequest)
#include "tst_aipromptrequest.moc"

#include "aipromptrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

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
        const QStringList one { u"Show monthly revenue"_qs };
        QTest::newRow("item generate") << u"item"_qs << u"generate"_qs << one << false << QString();
        QTest::newRow("item suggest") << u"item"_qs << u"suggest"_qs << one << false << QString();
        QTest::newRow("item describe with item")
            << u"item"_qs << u"describe"_qs << one << true << QString();
        QTest::newRow("item describe without item")
            << u"item"_qs << u"describe"_qs << one << false << u"needs the chart"_qs;
        QTest::newRow("analyst generate")
            << u"analyst"_qs << u"generate"_qs << one << false << QString();
        QTest::newRow("analyst suggest") << u"analyst"_qs << u"suggest"_qs << one << false
                                         << u"only supports the task \"generate\""_qs;
        QTest::newRow("analyst describe")
            << u"analyst"_qs << u"describe"_qs << one << true << u"only supports"_qs;
        QTest::newRow("unknown agent")
            << u"oracle"_qs << u"generate"_qs << one << false << u"Unknown agent"_qs;
        QTest::newRow("unknown task")
            << u"item"_qs << u"dream"_qs << one << false << u"Unknown task"_qs;
        QTest::newRow("no text") << u"item"_qs << u"generate"_qs << QStringList {} << false
                                 << u"Exactly one text input"_qs;
        QTest::newRow("two texts")
            << u"item"_qs << u"generate"_qs << QStringList { u"a"_qs, u"b"_qs } << false
            << u"Exactly one text input"_qs;
        QTest::newRow("blank text")
            << u"item"_qs << u"generate"_qs << QStringList { u"  "_qs } << false << u"empty"_qs;
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
            request.items << QJsonObject { { u"type"_qs, u"line-chart"_qs } };
        const QString error = request.validate();
        if (expectedError.isEmpty())
            QVERIFY2(error.isEmpty(), qPrintable(error));
        else
            QVERIFY2(error.contains(expectedError), qPrintable(error));
    }

    void properties()
    {
        AiPromptRequest request;
        request.agent = u"item"_qs;
        request.task = u"describe"_qs;
        request.conversationId = u"conv-1"_qs;
        request.texts = { u"Describe this"_qs };
        request.datasetIds = { u"ds-1"_qs };
        request.items << QJsonObject { { u"type"_qs, u"line-chart"_qs } };
        request.stream = false;
        const QJsonObject p = request.toProperties();
        QCOMPARE(p[u"agent"_qs].toString(), u"item"_qs);
        QCOMPARE(p[u"task"_qs].toString(), u"describe"_qs);
        QCOMPARE(p[u"conversation_id"_qs].toString(), u"conv-1"_qs);
        QCOMPARE(p[u"stream"_qs].toBool(), false);
        QCOMPARE(p[u"locale_id"_qs].toString(), u"en"_qs);
        // Luzmo's documented names (createAIPrompt, luzmo-official/agent-skills SKILL.md).
        QCOMPARE(p[u"text_format"_qs].toString(), u"markdown"_qs);
        QCOMPARE(p[u"response_mode"_qs].toString(), u"mixed"_qs);
        QVERIFY(!p.contains(u"timezone_id"_qs)); // not set: not sent
        QVERIFY(!p.contains(u"inputs"_qs));
        const QJsonArray inputs = p[u"input"_qs].toArray();
        QCOMPARE(inputs.size(), 3);
        QCOMPARE(inputs[0][u"text"_qs].toString(), u"Describe this"_qs);
        QCOMPARE(inputs[1][u"type"_qs].toString(), u"dataset"_qs);
        QCOMPARE(inputs[2][u"value"_qs][u"type"_qs].toString(), u"line-chart"_qs);
        request.conversationId.clear();
        QVERIFY(!request.toProperties().contains(u"conversation_id"_qs));
        request.timezoneId = u"Europe/Brussels"_qs;
        QCOMPARE(request.toProperties()[u"timezone_id"_qs].toString(), u"Europe/Brussels"_qs);
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
        const QStringList q { u"Show monthly revenue"_qs };
        QTest::newRow("documented input[]")
            << QByteArray(R"({"agent":"item","task":"generate","response_mode":"text",
                 "text_format":"markdown","timezone_id":"America/New_York",
                 "input":[{"type":"text","text":"Show monthly revenue"},
                          {"type":"dataset","id":"ds-1"},{"type":"item","value":{"type":"line-chart"}}]})")
            << q << QStringList { u"ds-1"_qs } << 1 << u"text"_qs << u"markdown"_qs
            << u"America/New_York"_qs;
        QTest::newRow("older inputs[] (tolerated)")
            << QByteArray(R"({"inputs":[{"type":"text","text":"Show monthly revenue"},
                 {"type":"dataset","dataset_id":"ds-2"}]})")
            << q << QStringList { u"ds-2"_qs } << 0 << u"mixed"_qs << u"plain"_qs << QString();
        QTest::newRow("input wins over inputs")
            << QByteArray(R"({"input":[{"type":"text","text":"Show monthly revenue"}],
                 "inputs":[{"type":"text","text":"other"}]})")
            << q << QStringList {} << 0 << u"mixed"_qs << u"plain"_qs << QString();
        QTest::newRow("text in value, item in item")
            << QByteArray(R"({"input":[{"type":"text","value":"Show monthly revenue"},
                 {"type":"item","item":{"type":"line-chart"}}]})")
            << q << QStringList {} << 1 << u"mixed"_qs << u"plain"_qs << QString();
        QTest::newRow("text in message")
            << QByteArray(R"({"input":[{"type":"text","message":"Show monthly revenue"}]})") << q
            << QStringList {} << 0 << u"mixed"_qs << u"plain"_qs << QString();
        QTest::newRow("top-level text")
            << QByteArray(R"({"text":"Show monthly revenue"})") << q << QStringList {} << 0
            << u"mixed"_qs << u"plain"_qs << QString();
        QTest::newRow("response_mode chart reads as asset") << QByteArray(
            R"({"response_mode":"chart","input":[{"type":"text","text":"Show monthly revenue"}]})")
                                                            << q << QStringList {} << 0
                                                            << u"asset"_qs << u"plain"_qs
                                                            << QString();
        QTest::newRow("two text inputs kept for validate()")
            << QByteArray(R"({"input":[{"type":"text","text":"a"},{"type":"text","text":"b"}]})")
            << QStringList { u"a"_qs, u"b"_qs } << QStringList {} << 0 << u"mixed"_qs << u"plain"_qs
            << QString();
        QTest::newRow("nothing") << QByteArray("{}") << QStringList {} << QStringList {} << 0
                                 << u"mixed"_qs << u"plain"_qs << QString();
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
        r.texts = { u"Show monthly revenue"_qs };
        r.responseMode = u"everything"_qs;
        QVERIFY(r.validate().contains(u"response mode"_qs));
        r.responseMode = u"asset"_qs;
        r.textFormat = u"html"_qs;
        QVERIFY(r.validate().contains(u"text format"_qs));
        r.textFormat = u"plain"_qs;
        QVERIFY2(r.validate().isEmpty(), qPrintable(r.validate()));
    }
};

QTEST_GUILESS_MAIN(TestAiPromptRequest)
#include "tst_aipromptrequest.moc"

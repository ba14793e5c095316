#include "aipromptrequest.h"

#include <QJsonArray>
#include <QTest>

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
        const QJsonArray inputs = p[u"inputs"_qs].toArray();
        QCOMPARE(inputs.size(), 3);
        QCOMPARE(inputs[0][u"text"_qs].toString(), u"Describe this"_qs);
        QCOMPARE(inputs[1][u"type"_qs].toString(), u"dataset"_qs);
        QCOMPARE(inputs[2][u"value"_qs][u"type"_qs].toString(), u"line-chart"_qs);
        request.conversationId.clear();
        QVERIFY(!request.toProperties().contains(u"conversation_id"_qs));
    }
};

QTEST_GUILESS_MAIN(TestAiPromptRequest)
#include "tst_aipromptrequest.moc"

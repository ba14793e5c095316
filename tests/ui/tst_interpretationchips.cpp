// How the built-in analyst read a question, drawn as chips with its answer: the answer and its
// "interpretation" asset come from the real AnalystAgent over the bundled Sales sample, stored
// as the client stores them, then shown in the real window. Screenshot: interpretation.png.
#include "app/analyst/analystagent.h"
#include "app/datasets/datasetstore.h"
#include "app/datasets/queryengine.h"
#include "tests/ui/windowfixture.h"
#include "ui/interpretationcard.h"
#include "ui/transcriptview.h"

#include <QImage>
#include <QJsonDocument>
#include <QPainter>

using namespace Qt::StringLiterals;

class TestInterpretationChips : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chipsWrap()
    {
        const QStringList tokens { u"Sales"_s, u"Revenue"_s, u"sum"_s, u"by month"_s,
            u"Region = EMEA"_s, u"2024"_s };
        const QFont font;
        const QList<QRect> wide = InterpretationCard::chipRects(tokens, font, 2000);
        QCOMPARE(wide.size(), tokens.size());
        for (const QRect &r : wide)
            QCOMPARE(r.top(), 0); // one row
        const QList<QRect> narrow = InterpretationCard::chipRects(tokens, font, 160);
        QVERIFY(narrow.last().top() > 0); // wrapped
        for (const QRect &r : narrow)
            QVERIFY(r.right() < 160);
        QCOMPARE(InterpretationCard::tokensOf(R"({"tokens":["Sales","Units"]})"),
            (QStringList { u"Sales"_s, u"Units"_s }));
        QVERIFY(InterpretationCard::tokensOf("{}").isEmpty());
    }

    void answerShowsItsReading()
    {
        QTemporaryDir dir;
        DatasetStore datasets;
        QVERIFY(!datasets.open(dir.path()));
        QVERIFY(!datasets.ensureSampleDataset());
        const QueryEngine engine(datasets);
        AnalystAgent agent(*datasets.datasets(), [&engine](const DataQuery &query) {
            auto rows = engine.run(query);
            return rows ? Expected<QList<QJsonArray>, QString>(*rows)
                        : Expected<QList<QJsonArray>, QString>(rows.error().message);
        });
        const QString question = u"top 3 products by revenue for EMEA in 2024"_s;
        const AgentReply reply = agent.generate(question, Agent::Analyst);
        QVERIFY(reply.interpretation);

        WindowFixture f;
        auto conversation = f.store.repository->createConversation(question);
        QVERIFY(conversation);
        Message asked;
        asked.conversationId = conversation->id;
        asked.text = question;
        QVERIFY(f.store.repository->addMessage(asked));
        Message answer;
        answer.conversationId = conversation->id;
        answer.role = MessageRole::Assistant;
        answer.agent = u"analyst"_s;
        answer.text = reply.text;
        Asset asset;
        asset.type = InterpretationCard::AssetType;
        asset.valueJson = QJsonDocument(*reply.interpretation).toJson(QJsonDocument::Compact);
        answer.assets << asset;
        QVERIFY(f.store.repository->addMessage(answer));

        auto window = f.makeWindow();
        window->resize(1000, 640);
        QVERIFY(showAndActivate(window.get()));
        window->openConversation(conversation->id);
        TranscriptView *view = window->transcriptView();
        QTRY_COMPARE(view->model()->rowCount(), 2);
        const QImage shot = window->grab().toImage();
        QVERIFY(shot.save(screenshotPath(u"interpretation.png"_s)));
        // The dataset chip's colour is drawn somewhere in the answer: the light theme's 16% of
        // the success green #1e7d46 on the white base, 255 - 225 * 0.16 = 219,
        // 255 - 130 * 0.16 = 234.2, 255 - 185 * 0.16 = 225.4.
        bool chip = false;
        for (int y = 0; y < shot.height() && !chip; y += 2) {
            for (int x = 0; x < shot.width() && !chip; x += 2)
                chip = shot.pixelColor(x, y) == QColor(0xdb, 0xea, 0xe1);
        }
        QVERIFY(chip);
    }
};

QTEST_MAIN(TestInterpretationChips)
#include "tst_interpretationchips.moc"

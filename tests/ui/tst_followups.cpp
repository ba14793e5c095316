// Follow-up questions under an answer (a Looker answer's FOLLOWUP_QUESTIONS part, stored as a
// "followups" asset): drawn as links in the real window, a click asks the question next in the
// same conversation, and they are still there after a restart. Screenshot: followups.png.
#include "app/looker/lookerbackend.h"
#include "models/transcriptmodel.h"
#include "tests/support/fakelookerserver.h"
#include "tests/ui/windowfixture.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

class TestFollowups : public QObject
{
    Q_OBJECT

private:
    static MessageDelegate::RowInfo lastRow(TranscriptView *view)
    {
        return view->rowInfo(view->model()->rowCount() - 1);
    }

private Q_SLOTS:
    void clickAsksTheQuestion()
    {
        WindowFixture f;
        FakeLookerServer server;
        QVERIFY(server.listen());
        // With the data and the chart before the text, as Looker answers, so the screenshot shows
        // the follow-ups beside a drawn chart.
        const QJsonArray rows { QJsonObject {
                                    { u"quarter"_s, u"2025-04-01"_s }, { u"revenue"_s, 100 } },
            QJsonObject { { u"quarter"_s, u"2025-07-01"_s }, { u"revenue"_s, 112 } } };
        const QJsonObject vega { { u"mark"_s, u"line"_s },
            { u"encoding"_s,
                QJsonObject { { u"x"_s,
                                  QJsonObject { { u"field"_s, u"quarter"_s },
                                      { u"type"_s, u"temporal"_s } } },
                    { u"y"_s,
                        QJsonObject { { u"field"_s, u"revenue"_s },
                            { u"type"_s, u"quantitative"_s } } } } } };
        server.setChatScript({ FakeLookerServer::data(u"revenue by quarter"_s, rows, u"rq"_s),
            FakeLookerServer::chart(vega, u"rq"_s),
            FakeLookerServer::text(u"Revenue grew **12%** in Q3."_s),
            FakeLookerServer::followups(
                { u"Which region grew most?"_s, u"How does Q3 compare with last year?"_s }) });
        LookerConfig config;
        config.baseUrl = server.baseUrl();
        config.clientId = u"looker-id"_s;
        config.clientSecret = u"looker-secret"_s;
        LookerBackend backend(f.network, config);
        auto window = f.makeWindow();
        // This Looker backend answers every conversation (the controller knows only settings).
        f.session.setBackend(&backend);
        f.session.setBackendResolver([&backend](const QString &) { return &backend; });
        window->resize(1000, 640);
        QVERIFY(showAndActivate(window.get()));
        TranscriptView *view = window->transcriptView();

        QSignalSpy finished(&f.session, &ChatSession::answerFinished);
        auto sent = f.session.send(0, u"How did revenue do in Q3?"_s);
        QVERIFY(sent);
        QVERIFY(finished.wait(10000));
        window->openConversation(*sent);
        QTRY_COMPARE(view->model()->rowCount(), 2);
        MessageDelegate::RowInfo row = lastRow(view);
        QCOMPARE(row.followups,
            (QStringList {
                u"Which region grew most?"_s, u"How does Q3 compare with last year?"_s }));
        QCOMPARE(row.followupRects.size(), 2);
        QVERIFY(row.followupRects.at(0).bottom() < row.followupRects.at(1).top());
        QVERIFY(window->grab().save(screenshotPath(u"followups.png"_s)));

        // A click on the first link asks it, in the same remote conversation.
        const QRect rowRect = view->visualRect(view->model()->index(1, 0));
        const QPoint link = rowRect.topLeft() + row.followupRects.at(0).center();
        QSignalSpy asked(view, &TranscriptView::followupRequested);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, link);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), u"Which region grew most?"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        const auto chats = server.requestsTo("POST", "/api/4.0/conversational_analytics/chat");
        QCOMPARE(chats.size(), 2);
        const QJsonObject second = QJsonDocument::fromJson(chats.last().body).object();
        QCOMPARE(second[u"user_message"_s].toString(), u"Which region grew most?"_s);
        QCOMPARE(second[u"conversation_id"_s].toString(),
            server.conversations().first()[u"id"_s].toString());
        QCOMPARE(server.conversations().size(), 1);
        // A click elsewhere in the bubble asks nothing.
        QTRY_COMPARE(view->model()->rowCount(), 4);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
            view->visualRect(view->model()->index(1, 0)).topLeft() + QPoint(30, 12));
        QVERIFY(!f.session.isBusy()); // send() would have started an answer at once
        QCOMPARE(view->model()->rowCount(), 4);

        // After a restart (a new window over the same store), the links are still there.
        window.reset();
        auto again = f.makeWindow();
        again->resize(1000, 640);
        QVERIFY(showAndActivate(again.get()));
        again->openConversation(*sent);
        TranscriptView *view2 = again->transcriptView();
        QTRY_COMPARE(view2->model()->rowCount(), 4);
        QCOMPARE(view2->rowInfo(1).followups.size(), 2);
        QVERIFY(again->grab().save(screenshotPath(u"followups-restart.png"_s)));
    }
};

QTEST_MAIN(TestFollowups)
#include "tst_followups.moc"

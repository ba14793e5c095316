// What a screen reader gets from the real main window: the main widgets' accessible names
// (through QAccessible, as assistive technology asks), and the transcript items' text and
// description (TranscriptModel's accessible roles, also through the view's cells) against
// hand-written strings.
#include "models/transcriptmodel.h"
#include "tests/ui/mainwindowfixture.h"
#include "ui/mainwindow.h"
#include "ui/transcriptview.h"

#include <QAccessible>
#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mainWidgetsHaveNames_data();
    void mainWidgetsHaveNames();
    void transcriptItemsAreSpoken();
};

void TestAccessibility::mainWidgetsHaveNames_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("name");
    QTest::newRow("conversation list") << u"conversationList"_s << u"Conversations"_s;
    QTest::newRow("search field") << u"searchField"_s << u"Filter conversations"_s;
    QTest::newRow("transcript") << u"transcriptView"_s << u"Conversation"_s;
    QTest::newRow("composer") << u"composerEdit"_s << u"Question"_s;
    QTest::newRow("send") << u"sendButton"_s << u"Send question"_s;
    QTest::newRow("stop") << u"stopButton"_s << u"Stop answer"_s;
    QTest::newRow("error banner") << u"errorBanner"_s << u"Error"_s;
    QTest::newRow("backend label") << u"backendLabel"_s << u"Answer source"_s;
}

void TestAccessibility::mainWidgetsHaveNames()
{
    QFETCH(QString, objectName);
    QFETCH(QString, name);
    MainWindowFixture f;
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    auto *widget = window->findChild<QWidget *>(objectName);
    QVERIFY(widget);
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    QVERIFY(iface);
    QCOMPARE(iface->text(QAccessible::Name), name);
    if (objectName != u"backendLabel"_s)
        QVERIFY(!iface->text(QAccessible::Description).isEmpty());
}

void TestAccessibility::transcriptItemsAreSpoken()
{
    MainWindowFixture f;
    Repository &repo = *f.store.repository;
    const qint64 conversation = repo.createConversation(u"Revenue"_s).value().id;
    const qint64 question = repo.addMessage(message(conversation, MessageRole::User,
                                                u"Show **monthly** revenue as a `line` chart"_s))
                                .value()
                                .id;
    const qint64 answer
        = repo.addMessage(message(conversation, MessageRole::Assistant,
                              u"## Revenue\n\n- January: 120\n"
                              u"- [February](https://example.com): 135"_s,
                              MessageStatus::Error, u"The server is unreachable."_s))
              .value()
              .id;
    for (int i = 0; i < 2; ++i) {
        Asset chart;
        chart.type = u"item"_s;
        chart.valueJson = "{}";
        QVERIFY(repo.addAsset(answer, chart));
    }
    // Written at 18:15 and 18:16 local time (plain SQL, before the window reads them).
    const QDate day(2026, 3, 14);
    QSqlQuery q(f.store.database.connection());
    QVERIFY(q.prepare(u"UPDATE messages SET created_at = ? WHERE id = ?"_s));
    for (const auto &[id, time] :
        { std::pair { question, QTime(18, 15) }, { answer, QTime(18, 16) } }) {
        q.addBindValue(QDateTime(day, time).toMSecsSinceEpoch());
        q.addBindValue(id);
        QVERIFY(q.exec());
    }

    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(conversation);
    TranscriptModel *model = window->transcriptModel();
    QTRY_COMPARE(model->rowCount(), 2);
    const QStringList texts { u"You, 18:15: Show monthly revenue as a line chart"_s,
        u"Assistant, 18:16: Revenue January: 120 February: 135"_s };
    const QStringList descriptions { QString(), u"Error: The server is unreachable., 2 charts"_s };
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->index(row).data(Qt::AccessibleTextRole).toString(), texts.at(row));
        QCOMPARE(
            model->index(row).data(Qt::AccessibleDescriptionRole).toString(), descriptions.at(row));
    }
    // As a screen reader reads the view's items.
    QAccessibleInterface *view = QAccessible::queryAccessibleInterface(window->transcriptView());
    QVERIFY(view);
    QStringList spoken;
    for (int i = 0; i < view->childCount(); ++i) {
        if (QAccessibleInterface *child = view->child(i);
            child && child->role() == QAccessible::ListItem)
            spoken << child->text(QAccessible::Name);
    }
    QCOMPARE(spoken, texts);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

// The transcript's context menu copies the whole message under the mouse: "Copy Message as Text"
// the plain text of its rendered markdown, "Copy Message as Markdown" its stored source, each
// with a line naming each chart. Driven in a real transcript over a real store with a right
// click; the expected clipboard texts are written out by hand.
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QTest>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace {
const QString rich = u"# Revenue in March\n\n"
                     "Sales **rose** by 12%, led by *North*.\n\n"
                     "- North\n"
                     "- South\n\n"
                     "| Region | Revenue |\n"
                     "|---|---:|\n"
                     "| North | 120 |\n"
                     "| South | 80 |\n"_s;
const QString lists = u"1. First\n2. Second\n   - a detail\n\n- [x] done\n- [ ] to do"_s;
const QString codeAndQuote
    = u"Run this:\n\n```sql\nSELECT month,\n  SUM(revenue)\n\nFROM sales\n```\n\n"
      "> Checked by [finance](https://example.com)"_s;
const QByteArray lineChart
    = R"({"type":"line-chart","options":{"title":{"en":"Monthly revenue"}}})";
} // namespace

class TestMessageCopy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void copiesMessage_data();
    void copiesMessage();
    void copiesAllOfALongMessage_data();
    void copiesAllOfALongMessage();
    void menuOutsideTextHasMessageActions();

private:
    // Shows one message (with a chart when `chart`) alone in a conversation.
    void show(const QString &text, bool chart);
    // Right-clicks `at` (viewport coordinates) and triggers the menu's action named `name`;
    // the menu is saved as a picture to `screenshot`, if given.
    void chooseFromMenu(QPoint at, const QString &name, const QString &screenshot = {});
    // A point inside the shown message's text.
    QPoint onText() const;

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<TranscriptModel> m_model;
    std::unique_ptr<TranscriptView> m_view;
};

void TestMessageCopy::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY2(m_store->error.isEmpty(), qPrintable(m_store->error));
    m_model = std::make_unique<TranscriptModel>(*m_store->repository);
    m_view = std::make_unique<TranscriptView>();
    m_view->resize(800, 600);
    m_view->setTranscriptModel(m_model.get());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QGuiApplication::clipboard()->setText(u"before"_s);
}

void TestMessageCopy::cleanup()
{
    m_view.reset();
    m_model.reset();
    m_store.reset();
}

void TestMessageCopy::show(const QString &text, bool chart)
{
    const qint64 conversation = m_store->addConversation(u"Sales"_s, 0);
    QVERIFY(conversation != 0);
    Message m;
    m.conversationId = conversation;
    m.role = MessageRole::Assistant;
    m.text = text;
    if (chart) {
        Asset asset;
        asset.type = u"item"_s;
        asset.valueJson = lineChart;
        m.assets << asset;
    }
    QVERIFY(m_store->repository->addMessage(m));
    m_model->setConversation(conversation);
    QCOMPARE(m_model->rowCount(), 1);
    m_view->scrollToTop();
}

QPoint TestMessageCopy::onText() const
{
    const QRect text = m_view->rowInfo(0).layout.textRect().translated(
        m_view->visualRect(m_view->model()->index(0, 0)).topLeft());
    return text.topLeft() + QPoint(4, 4);
}

void TestMessageCopy::chooseFromMenu(QPoint at, const QString &name, const QString &screenshot)
{
    QWidget *viewport = m_view->viewport();
    QVERIFY(viewport->rect().contains(at));
    // A right click on the window, which turns it into a context menu event for the viewport.
    QWindow *window = m_view->windowHandle();
    QTest::mouseClick(window, Qt::RightButton, {}, viewport->mapTo(m_view.get(), at));
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QAction *chosen = nullptr;
    for (QAction *action : menu->actions())
        if (action->text().remove(u'&') == name)
            chosen = action;
    QVERIFY2(chosen, qPrintable(name));
    QVERIFY(chosen->isEnabled());
    if (!screenshot.isEmpty())
        QVERIFY(menu->grab().save(screenshot));
    chosen->trigger();
    menu->close();
}

void TestMessageCopy::copiesMessage_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("chart");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected");
    const QString text = u"Copy Message as Text"_s;
    const QString markdown = u"Copy Message as Markdown"_s;
    QTest::newRow("heading, bold, list, table as text") << rich << false << text
                                                        << u"Revenue in March\n\n"
                                                           "Sales rose by 12%, led by North.\n\n"
                                                           "• North\n"
                                                           "• South\n\n"
                                                           "Region\tRevenue\n"
                                                           "North\t120\n"
                                                           "South\t80"_s;
    QTest::newRow("heading, bold, list, table as markdown") << rich << false << markdown << rich;
    QTest::newRow("numbered, nested and task lists as text")
        << lists << false << text
        << u"1. First\n2. Second\n  • a detail\n• [x] done\n• [ ] to do"_s;
    QTest::newRow("code block and quote as text")
        << codeAndQuote << false << text
        << u"Run this:\n\nSELECT month,\n  SUM(revenue)\n\nFROM sales\n\n> Checked by finance"_s;
    QTest::newRow("with a chart as text") << u"Revenue **rose**."_s << true << text
                                          << u"Revenue rose.\n\n📈 Line chart · Monthly revenue"_s;
    QTest::newRow("with a chart as markdown")
        << u"Revenue **rose**."_s << true << markdown
        << u"Revenue **rose**.\n\n📈 *Line chart · Monthly revenue*"_s;
    QTest::newRow("a chart alone as text")
        << u""_s << true << text << u"📈 Line chart · Monthly revenue"_s;
}

void TestMessageCopy::copiesMessage()
{
    QFETCH(QString, source);
    QFETCH(bool, chart);
    QFETCH(QString, action);
    QFETCH(QString, expected);
    show(source, chart);
    // On the text, or (a chart alone, no text) on the card.
    const QPoint at = source.isEmpty() ? m_view->rowInfo(0).layout.cardRect(0).center()
            + m_view->visualRect(m_view->model()->index(0, 0)).topLeft()
                                       : onText();
    chooseFromMenu(at, action);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestMessageCopy::copiesAllOfALongMessage_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("paragraphs");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("cut"); // the transcript's page holds only the first 64 KiB
    // n paragraphs of 100 characters, a blank line apart: 100 n + 2 (n - 1) characters.
    QTest::newRow("text, 30 KB") << u"Copy Message as Text"_s << 300 << 30598 << false;
    QTest::newRow("markdown, 30 KB") << u"Copy Message as Markdown"_s << 300 << 30598 << false;
    QTest::newRow("text, 100 KB") << u"Copy Message as Text"_s << 1000 << 101998 << true;
    QTest::newRow("markdown, 100 KB") << u"Copy Message as Markdown"_s << 1000 << 101998 << true;
}

void TestMessageCopy::copiesAllOfALongMessage()
{
    QFETCH(QString, action);
    QFETCH(int, paragraphs);
    QFETCH(int, size);
    QFETCH(bool, cut);
    // Paragraphs "Paragraph 1: xxx…" of 100 characters: more than the bubble shows before
    // "Show all". Plain words, so the text and the markdown are the same.
    QStringList lines;
    for (int i = 1; i <= paragraphs; ++i) {
        const QString head = u"Paragraph %1: "_s.arg(i);
        lines << head + QString(100 - head.size(), u'x');
    }
    const QString whole = lines.join(u"\n\n"_s);
    QCOMPARE(whole.size(), size);
    show(whole, false);
    QCOMPARE(m_model->index(0).data(TranscriptModel::TextCutRole).toBool(), cut);
    const MessageDelegate::RowInfo info = m_view->rowInfo(0);
    QVERIFY(!info.showAll.isEmpty());
    QVERIFY(info.shownChars < 10000);
    chooseFromMenu(onText(), action);
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(copied.size(), size);
    const QString last = u"Paragraph %1: "_s.arg(paragraphs);
    QVERIFY(copied.endsWith(last + QString(100 - last.size(), u'x')));
    QCOMPARE(copied, whole);
}

void TestMessageCopy::menuOutsideTextHasMessageActions()
{
    // A right click on the bubble's header line (not its text) still offers the message's copy.
    show(u"Revenue **rose**."_s, false);
    const QPoint header = m_view->rowInfo(0).layout.headerRect().center()
        + m_view->visualRect(m_view->model()->index(0, 0)).topLeft();
    chooseFromMenu(header, u"Copy Message as Markdown"_s, u"/tmp/chartroom-messagecopy-menu.png"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Revenue **rose**."_s);
}

QTEST_MAIN(TestMessageCopy)
#include "tst_messagecopy.moc"

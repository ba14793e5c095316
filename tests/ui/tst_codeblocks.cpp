// Fenced code blocks in a real transcript: the code is in the system's fixed font on a shaded
// box, and the box's "Copy" button copies exactly that block's code. The button is found where
// it is painted (its outline's pixels in a grab of the view), not from the delegate's geometry,
// and the expected code is written out by hand.
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
#include "ui/messagedelegate.h"
#include "ui/theme/theme.h"
#include "ui/transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFontInfo>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
const QString answer = u"Run this query:\n\n"
                       "```sql\n"
                       "SELECT month, SUM(revenue)\n"
                       "FROM sales\n"
                       "GROUP BY month\n"
                       "```\n\n"
                       "Then check it with:\n\n"
                       "```\n"
                       "print(rows)\n"
                       "```\n\n"
                       "That is all."_s;
const QStringList codes
    = { u"SELECT month, SUM(revenue)\nFROM sales\nGROUP BY month"_s, u"print(rows)"_s };
} // namespace

class TestCodeBlocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void codeIsFixedPitch();
    void codeHasAShadedBox();
    void copyButtonCopiesItsBlock_data();
    void copyButtonCopiesItsBlock();
    void clickElsewhereCopiesNothing_data();
    void clickElsewhereCopiesNothing();
    void longCodeLineWraps();

private:
    // The painted buttons' outlines (pixels of the controlBorder colour), top to bottom, in
    // viewport coordinates.
    QList<QRect> paintedButtons() const;
    QTextDocument *document() const;

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<TranscriptModel> m_model;
    std::unique_ptr<TranscriptView> m_view;
};

void TestCodeBlocks::init()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY2(m_store->error.isEmpty(), qPrintable(m_store->error));
    const qint64 conversation = m_store->addConversation(u"Queries"_s, 0);
    Message m;
    m.conversationId = conversation;
    m.role = MessageRole::Assistant;
    m.text = answer;
    QVERIFY(m_store->repository->addMessage(m));
    m_model = std::make_unique<TranscriptModel>(*m_store->repository);
    m_model->setConversation(conversation);
    m_view = std::make_unique<TranscriptView>();
    m_view->resize(700, 500);
    m_view->setTranscriptModel(m_model.get());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->scrollToTop();
    QGuiApplication::clipboard()->setText(u"before"_s);
}

void TestCodeBlocks::cleanup()
{
    m_view.reset();
    m_model.reset();
    m_store.reset();
}

QTextDocument *TestCodeBlocks::document() const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view.get());
    option.rect = m_view->visualRect(m_view->model()->index(0, 0));
    return m_view->messageDelegate()->textDocument(option, m_view->model()->index(0, 0), nullptr);
}

QList<QRect> TestCodeBlocks::paintedButtons() const
{
    const QImage image = m_view->viewport()->grab().toImage();
    const QColor border = Theme::current().controlBorder;
    QList<QRect> buttons;
    int lastY = -100;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) != border)
                continue;
            // A new button starts well below the last one's outline (the boxes are far apart).
            if (y - lastY > 20)
                buttons << QRect(QPoint(x, y), QSize(1, 1));
            buttons.last() |= QRect(QPoint(x, y), QSize(1, 1));
            lastY = y;
        }
    }
    return buttons;
}

void TestCodeBlocks::codeIsFixedPitch()
{
    const QTextDocument *doc = document();
    QVERIFY(doc);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    int codeLines = 0;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        const QFont font = block.begin().fragment().charFormat().font();
        const bool code = block.text() == u"FROM sales" || block.text() == u"print(rows)";
        if (code) {
            ++codeLines;
            QVERIFY2(QFontInfo(font).fixedPitch(), qPrintable(block.text()));
            QCOMPARE(font.families(), fixed.families());
        } else if (block.text() == u"Run this query:") {
            QVERIFY(!QFontInfo(font).fixedPitch());
        }
    }
    QCOMPARE(codeLines, 2);
}

void TestCodeBlocks::codeHasAShadedBox()
{
    // Right of the first button, inside the box's inset (4 px), the box's own colour.
    const QImage image = m_view->viewport()->grab().toImage();
    QVERIFY(image.save(u"/tmp/chartroom-codeblock.png"_s));
    const QList<QRect> buttons = paintedButtons();
    QCOMPARE(buttons.size(), 2);
    const QPoint inset(buttons.at(0).right() + 2, buttons.at(0).center().y());
    QCOMPARE(image.pixelColor(inset), Theme::current().codeBackground);
    // Under the button, beside the code's short second line.
    const QPoint under(buttons.at(0).center().x(), buttons.at(0).bottom() + 3);
    QCOMPARE(image.pixelColor(under), Theme::current().codeBackground);
    // The bubble around the box is not the box's colour.
    QVERIFY(image.pixelColor(inset + QPoint(12, 0)) != Theme::current().codeBackground);
}

void TestCodeBlocks::copyButtonCopiesItsBlock_data()
{
    QTest::addColumn<int>("block");
    QTest::newRow("the SQL") << 0;
    QTest::newRow("the one-liner") << 1;
}

void TestCodeBlocks::copyButtonCopiesItsBlock()
{
    QFETCH(int, block);
    const QList<QRect> buttons = paintedButtons();
    QCOMPARE(buttons.size(), 2);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, buttons.at(block).center());
    QCOMPARE(QGuiApplication::clipboard()->text(), codes.at(block));
}

void TestCodeBlocks::clickElsewhereCopiesNothing_data()
{
    QTest::addColumn<int>("dx");
    QTest::addColumn<int>("dy");
    QTest::newRow("left of the button") << -6 << 0;
    QTest::newRow("right of the button") << 6 << 0;
    QTest::newRow("above the button") << 0 << -6;
    QTest::newRow("on the code below it") << -60 << 20;
    QTest::newRow("on the paragraph above") << -80 << -30;
}

void TestCodeBlocks::clickElsewhereCopiesNothing()
{
    QFETCH(int, dx);
    QFETCH(int, dy);
    const QList<QRect> buttons = paintedButtons();
    QCOMPARE(buttons.size(), 2);
    const QRect button = buttons.at(0);
    QPoint at = button.center();
    at.rx() += dx < 0 ? dx - button.width() / 2 : dx > 0 ? dx + button.width() / 2 : 0;
    at.ry() += dy < 0 ? dy - button.height() / 2 : dy > 0 ? dy + button.height() / 2 : 0;
    QVERIFY(m_view->viewport()->rect().contains(at));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);
}

void TestCodeBlocks::longCodeLineWraps()
{
    // A 300-character line in a view 700 px wide (the bubble's text at most 75% of it) cannot
    // fit on one line: it wraps inside the box rather than running out of the bubble.
    const QString line = QString(300, u'x');
    const qint64 other = m_store->addConversation(u"Long line"_s, 0);
    Message m;
    m.conversationId = other;
    m.role = MessageRole::Assistant;
    m.text = u"```\n"_s + line + u"\n```"_s;
    QVERIFY(m_store->repository->addMessage(m));
    m_model->setConversation(other);
    QCOMPARE(m_model->rowCount(), 1);
    const QTextDocument *doc = document();
    QVERIFY(doc);
    const QTextBlock block = doc->findBlock(0);
    QCOMPARE(block.text(), line);
    QVERIFY2(
        block.layout()->lineCount() > 1, qPrintable(QString::number(block.layout()->lineCount())));
    QVERIFY(doc->size().width() <= doc->textWidth());
}

QTEST_MAIN(TestCodeBlocks)
#include "tst_codeblocks.moc"

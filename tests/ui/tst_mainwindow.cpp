// The main window over a real store: the empty state, sending, store errors in words, rename,
// delete, search, and geometry restored (the transcript's repaints, paging and screenshots:
// tst_mainwindowtranscript).
#include "models/conversationlistmodel.h"
#include "models/searchresultmodel.h"
#include "models/transcriptmodel.h"
#include "tests/ui/mainwindowfixture.h"
#include "ui/composer.h"
#include "ui/conversationsidebar.h"
#include "ui/errorbanner.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyStateWhenNothingIsOpen();
    void sendStartsConversationAndNewClears();
    void storeErrorIsShownInWords();
    void renameThroughAction();
    void deleteAsksFirst();
    void searchShowsHitsAndOpensThem();
    void geometryAndSplitterAreRestored();
};

void TestMainWindow::emptyStateWhenNothingIsOpen()
{
    MainWindowFixture f;
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    auto *stack = window->findChild<QWidget *>(u"emptyState"_s);
    QVERIFY(stack && stack->isVisible());
    QVERIFY(!window->transcriptView()->isVisible());
    QVERIFY(!window->findChild<QAction *>(u"actionRename"_s)->isEnabled());
    QVERIFY(!window->composer()->sendButton()->isEnabled());
    QVERIFY(!window->composer()->stopButton()->isEnabled());

    // An example prompt fills the composer.
    auto *example = window->findChild<QPushButton *>(u"examplePrompt"_s);
    QTest::mouseClick(example, Qt::LeftButton);
    QCOMPARE(window->composer()->text(), example->text());
    QVERIFY(window->composer()->sendButton()->isEnabled());
}

void TestMainWindow::sendStartsConversationAndNewClears()
{
    MainWindowFixture f;
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    QPlainTextEdit *edit = window->composer()->editor();
    edit->setFocus();
    QTest::keyClicks(edit, u"Show monthly revenue as a line chart"_s);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);

    QCOMPARE(f.store.repository->conversationCount().value(), 1);
    const qint64 id = window->currentConversation();
    QVERIFY(id != 0);
    const auto stored = f.store.repository->messages(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(0).text, u"Show monthly revenue as a line chart"_s);
    QCOMPARE(stored->at(0).role, MessageRole::User);

    TranscriptModel *transcript = window->transcriptModel();
    QCOMPARE(transcript->rowCount(), 2);
    QCOMPARE(transcript->index(1).data(TranscriptModel::StatusRole).toString(), u"error"_s);
    QVERIFY(transcript->index(1)
                .data(TranscriptModel::ErrorRole)
                .toString()
                .contains(u"No backend configured"_s));
    QVERIFY(window->composer()->text().isEmpty());
    QVERIFY(window->transcriptView()->isVisible());
    QTRY_VERIFY(window->transcriptView()->isAtBottom());
    QListView *list = window->sidebar()->conversationList();
    QCOMPARE(list->currentIndex().data(ConversationListModel::IdRole).toLongLong(), id);
    QVERIFY(list->selectionModel()->isSelected(list->currentIndex()));

    // Ctrl+N: nothing open, so the next question starts another conversation.
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(window->currentConversation(), 0);
    QVERIFY(!list->selectionModel()->hasSelection());
    QVERIFY(window->findChild<QWidget *>(u"emptyState"_s)->isVisible());
    QTest::keyClicks(edit, u"Top customers by revenue"_s);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QCOMPARE(QApplication::focusWidget(), edit); // ready for the follow-up
    QCOMPARE(f.store.repository->conversationCount().value(), 2);
    QVERIFY(window->currentConversation() != id);
    QCOMPARE(list->currentIndex().row(), 0);

    // A follow-up goes into the open conversation.
    QTest::keyClicks(edit, u"Only for 2024"_s);
    QTest::keyClick(edit, Qt::Key_Enter, Qt::ControlModifier);
    QCOMPARE(f.store.repository->conversationCount().value(), 2);
    QCOMPARE(transcript->rowCount(), 4);
}

void TestMainWindow::storeErrorIsShownInWords()
{
    MainWindowFixture f;
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->send(u"   "_s);
    QVERIFY(window->errorBanner()->isVisible());
    QVERIFY(window->errorBanner()->message().contains(u"Type a question first"_s));

    f.store.database.close();
    window->composer()->setText(u"Revenue by region"_s);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QVERIFY(window->errorBanner()->message().startsWith(u"Your question could not be sent"_s));
    // The question stays in the composer so nothing typed is lost.
    QCOMPARE(window->composer()->text(), u"Revenue by region"_s);
}

void TestMainWindow::renameThroughAction()
{
    MainWindowFixture f;
    const qint64 id = f.store.addConversation(u"Untitled analysis"_s, 2);
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(id);

    QString shownTitle;
    answerDialog<QInputDialog>([&shownTitle](QInputDialog *dialog) {
        shownTitle = dialog->textValue();
        dialog->setTextValue(u"Revenue 2024"_s);
        dialog->accept();
    });
    QTest::keyClick(window.get(), Qt::Key_F2);
    QCOMPARE(shownTitle, u"Untitled analysis"_s);
    QCOMPARE(f.store.repository->conversation(id)->title, u"Revenue 2024"_s);
    auto *model = window->sidebar()->conversationModel();
    QCOMPARE(model->index(model->rowOf(id)).data().toString(), u"Revenue 2024"_s);
    QCOMPARE(window->windowTitle(), u"Revenue 2024"_s);

    // Cancelled: nothing changes.
    answerDialog<QInputDialog>([](QInputDialog *dialog) {
        dialog->setTextValue(u"Something else"_s);
        dialog->reject();
    });
    window->findChild<QAction *>(u"actionRename"_s)->trigger();
    QCOMPARE(f.store.repository->conversation(id)->title, u"Revenue 2024"_s);
}

void TestMainWindow::deleteAsksFirst()
{
    MainWindowFixture f;
    const qint64 keep = f.store.addConversation(u"Churn by plan"_s, 2);
    const qint64 id = f.store.addConversation(u"Marketing spend vs signups"_s, 4);
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(id);
    QListView *list = window->sidebar()->conversationList();
    list->setFocus();

    // Cancel keeps it.
    QString question;
    answerDialog<QMessageBox>(
        [](QMessageBox *box) { box->button(QMessageBox::Cancel)->click(); }, &question);
    QTest::keyClick(list, Qt::Key_Delete);
    QVERIFY(question.contains(u"Marketing spend vs signups"_s));
    QVERIFY(window->sidebar()->conversationModel()->rowOf(id) >= 0);
    QVERIFY(f.store.repository->conversations(10)->size() == 2);

    question.clear();
    answerDialog<QMessageBox>(
        [](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); }, &question);
    // Offscreen, no window is active after a modal dialog closes: activate it again.
    QVERIFY(showAndActivate(window.get()));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QVERIFY(question.contains(u"Marketing spend vs signups"_s));
    QCOMPARE(window->sidebar()->conversationModel()->rowOf(id), -1);
    const auto remaining = f.store.repository->conversations(10);
    QCOMPARE(remaining->size(), 1);
    QCOMPARE(remaining->first().id, keep);
    QVERIFY(window->currentConversation() != id);
}

void TestMainWindow::searchShowsHitsAndOpensThem()
{
    MainWindowFixture f;
    const qint64 revenue = f.store.repository->createConversation(u"Quarterly numbers"_s)->id;
    f.store.repository->addMessage(
        message(revenue, MessageRole::User, u"What was our gross margin in Q3?"_s));
    f.store.addConversation(u"Churn by plan"_s, 2);
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));

    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier); // Ctrl+K is the palette
    QLineEdit *search = window->sidebar()->searchField();
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, u"margin"_s);
    QListView *results = window->sidebar()->searchResults();
    QTRY_VERIFY(results->isVisible());
    QCOMPARE(window->sidebar()->searchModel()->rowCount(), 1);
    const QModelIndex hit = window->sidebar()->searchModel()->index(0);
    QVERIFY(hit.data(SearchResultModel::SnippetHtmlRole).toString().contains(u"<b>margin</b>"_s));

    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(hit).center());
    QCOMPARE(window->currentConversation(), revenue);

    search->clear();
    QVERIFY(window->sidebar()->conversationList()->isVisible());
}

void TestMainWindow::geometryAndSplitterAreRestored()
{
    MainWindowFixture f;
    const qint64 id = f.store.addConversation(u"Kept open"_s, 2);
    {
        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        window->resize(1000, 650);
        window->splitter()->setSizes({ 340, 660 });
        window->openConversation(id);
        window->close();
    }
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    QCOMPARE(window->size(), QSize(1000, 650));
    QCOMPARE(window->splitter()->sizes().first(), 340);
    QCOMPARE(window->currentConversation(), id);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

#include "app/core/chatsession.h"
#include "models/conversationlistmodel.h"
#include "models/searchresultmodel.h"
#include "models/transcriptmodel.h"
#include "tests/support/tempstore.h"
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

namespace {
// A real store, a chat session and the main window with its own settings file.
struct Fixture
{
    Fixture()
        : session(*store.repository)
        , settings(settingsDir.filePath(u"chartroom.ini"_s), QSettings::IniFormat)
    {
    }
    std::unique_ptr<MainWindow> makeWindow()
    {
        return std::make_unique<MainWindow>(*store.repository, session, &settings);
    }
    TempStore store;
    ChatSession session;
    QTemporaryDir settingsDir;
    QSettings settings;
};

// Answers the next modal dialog of type D as soon as it is shown.
template<typename D> void answerDialog(std::function<void(D *)> answer, QString *seenText = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer, seenText] {
        if (auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            if (seenText) {
                if (auto *box = qobject_cast<QMessageBox *>(dialog))
                    *seenText = box->text();
            }
            answer(dialog);
        }
    });
    timer->start();
}

bool showAndActivate(QWidget *window)
{
    window->show();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowExposed(window) && QTest::qWaitForWindowActive(window);
}

Message message(qint64 conversation, MessageRole role, const QString &text,
    MessageStatus status = MessageStatus::Complete, const QString &error = {})
{
    Message m;
    m.conversationId = conversation;
    m.role = role;
    m.text = text;
    m.status = status;
    m.errorDetail = error;
    return m;
}
} // namespace

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
    void streamingRepaintsAreCoalesced();
    void scrollingToTopFetchesOlderAnchored();
    void geometryAndSplitterAreRestored();
    void screenshots();
};

void TestMainWindow::emptyStateWhenNothingIsOpen()
{
    Fixture f;
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
    Fixture f;
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
    Fixture f;
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
    Fixture f;
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
    Fixture f;
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
    Fixture f;
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

void TestMainWindow::streamingRepaintsAreCoalesced()
{
    Fixture f;
    const qint64 id = f.store.addConversation(u"Streaming"_s, 39);
    Message answer = f.store.repository
                         ->addMessage(message(
                             id, MessageRole::Assistant, u"Revenue"_s, MessageStatus::Streaming))
                         .value();
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(id);
    TranscriptView *view = window->transcriptView();
    QTRY_VERIFY(view->isAtBottom());
    QTest::qWait(50);

    MessageDelegate *delegate = view->messageDelegate();
    // The view's own model (the proxy that fetches older pages only when asked) stays consistent.
    QAbstractItemModelTester tester(
        view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy modelChanges(window->transcriptModel(), &QAbstractItemModel::dataChanged);
    QSignalSpy relayouts(delegate, &QAbstractItemDelegate::sizeHintChanged);
    const int flushesBefore = view->flushCount();
    const int layoutsBefore = delegate->layoutCount();
    const int row = window->transcriptModel()->rowOf(answer.id);
    const int heightBefore = view->visualRect(view->model()->index(row, 0)).height();

    for (int i = 0; i < 200; ++i) {
        answer.text += u" grew **12%** in March, driven by the enterprise plan."_s;
        QVERIFY(!f.store.repository->updateMessage(answer, Repository::MessageField::Text));
    }
    QCOMPARE(modelChanges.size(), 200);
    QCOMPARE(relayouts.size(), 0); // nothing yet: applied at the next frame

    QTRY_COMPARE(view->flushCount(), flushesBefore + 1);
    QCOMPARE(relayouts.size(), 1);
    QTest::qWait(50);
    // Only the changed row was laid out again, once.
    QCOMPARE(delegate->layoutCount() - layoutsBefore, 1);
    QVERIFY(view->visualRect(view->model()->index(row, 0)).height() > heightBefore);
    QVERIFY(view->isAtBottom()); // the streaming answer is followed
}

void TestMainWindow::scrollingToTopFetchesOlderAnchored()
{
    Fixture f;
    const qint64 id = f.store.addConversation(u"Long history"_s, 180);
    auto window = f.makeWindow();
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(id);
    TranscriptView *view = window->transcriptView();
    QTest::qWait(50);
    // The view does not page in everything just because the last row is visible.
    QCOMPARE(window->transcriptModel()->rowCount(), 50);
    QTRY_VERIFY(view->isAtBottom());

    const qint64 firstId = window->transcriptModel()->messageAt(0)->id;
    view->verticalScrollBar()->setValue(0);
    QCOMPARE(window->transcriptModel()->rowCount(), 100);
    const int oldFirstRow = window->transcriptModel()->rowOf(firstId);
    QCOMPARE(oldFirstRow, 50);
    // What was at the top of the view is still there.
    QVERIFY(qAbs(view->visualRect(view->model()->index(oldFirstRow, 0)).top()) <= 1);
}

void TestMainWindow::geometryAndSplitterAreRestored()
{
    Fixture f;
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

void TestMainWindow::screenshots()
{
    Fixture f;
    Repository &repo = *f.store.repository;
    const auto add
        = [&repo](qint64 c, MessageRole role, const QString &text,
              MessageStatus status = MessageStatus::Complete, const QString &error = {}) {
              QVERIFY(repo.addMessage(message(c, role, text, status, error)).ok());
          };
    const qint64 churn = repo.createConversation(u"Churn rate by subscription plan"_s)->id;
    add(churn, MessageRole::User, u"What is the monthly churn rate per subscription plan?"_s);
    add(churn, MessageRole::Assistant,
        u"Churn is lowest on **Enterprise** (0.8%) and highest on **Starter** (4.9%)."_s);
    const qint64 spend = repo.createConversation(u"Marketing spend vs. signups"_s)->id;
    add(spend, MessageRole::User, u"Plot marketing spend against new signups per week"_s);
    add(spend, MessageRole::Assistant, u"Spend and signups move together until week 31, then"_s,
        MessageStatus::Interrupted, u"the connection to the server was lost"_s);
    const qint64 customers = repo.createConversation(u"Top 10 customers by lifetime value"_s)->id;
    add(customers, MessageRole::User, u"Who are our top 10 customers by lifetime value?"_s);
    add(customers, MessageRole::Assistant, {}, MessageStatus::Error,
        u"No backend configured: add one in Settings to get answers. Your question was saved."_s);
    const qint64 revenue = repo.createConversation(u"Monthly revenue 2024"_s)->id;
    add(revenue, MessageRole::User, u"Show monthly revenue for 2024 as a line chart"_s);
    add(revenue, MessageRole::Assistant,
        u"Here is **monthly revenue for 2024**. Revenue grew steadily, with two clear peaks:\n\n"
        "- **March**: the spring campaign lifted sales to **$1.42M** (+18% on February)\n"
        "- **November**: Black Friday drove the best month of the year, **$1.87M**\n"
        "- The summer dip (July–August) is seasonal and matches 2023\n\n"
        "| Quarter | Revenue | Growth |\n|---|---:|---:|\n| Q1 | $3.9M | +6% |\n"
        "| Q2 | $4.1M | +5% |\n| Q3 | $3.8M | −7% |\n| Q4 | $5.2M | +37% |\n"_s);
    add(revenue, MessageRole::User, u"Which regions drove the growth in Q4?"_s);
    add(revenue, MessageRole::Assistant,
        u"Mostly **North America** and the **Nordics**. Together they account for 71% of the "
        "Q4 increase; the rest of Europe was flat."_s,
        MessageStatus::Streaming);

    auto window = f.makeWindow();
    window->resize(1240, 820);
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(revenue);
    QTest::qWait(100);
    QTRY_VERIFY(window->transcriptView()->isAtBottom());

    const QString dir = qEnvironmentVariable("CHARTROOM_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString main = QDir(dir).filePath(u"mainwindow.png"_s);
    QVERIFY(window->grab().save(main));

    QLineEdit *search = window->sidebar()->searchField();
    QTest::keyClicks(search, u"revenue"_s);
    QTRY_VERIFY(window->sidebar()->searchResults()->isVisible());
    QVERIFY(window->sidebar()->searchModel()->rowCount() >= 2);
    QTest::qWait(50);
    const QString searchShot = QDir(dir).filePath(u"mainwindow-search.png"_s);
    QVERIFY(window->grab().save(searchShot));

    search->clear();
    window->openConversation(customers);
    QTest::qWait(50);
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-error.png"_s)));
    window->openConversation(spend);
    QTest::qWait(50);
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-interrupted.png"_s)));
    window->newConversation();
    QTest::qWait(300); // let the search field's clear button fade out
    QVERIFY(window->grab().save(QDir(dir).filePath(u"mainwindow-empty.png"_s)));
    qInfo("Screenshots in %s", qUtf8Printable(QDir::toNativeSeparators(dir)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

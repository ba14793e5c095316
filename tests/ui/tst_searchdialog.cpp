// Ctrl+K: the history search palette in the real window. Typing shows ranked hits with the
// matches in bold, each filter narrows them, Enter opens the conversation scrolled to the
// message, which is highlighted. Everything comes from the local store (no network).
#include "models/searchresultmodel.h"
#include "models/transcriptmodel.h"
#include "tests/ui/windowfixture.h"
#include "ui/searchdialog.h"
#include "ui/transcriptview.h"

#include <QAbstractItemModelTester>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace {
QDateTime local(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0), Qt::LocalTime);
}

struct History
{
    explicit History(Repository &repo)
    {
        review = repo.createConversation(u"Quarterly revenue review"_s, u"local"_s)->id;
        chartMessage = add(repo, review, MessageRole::Assistant,
            u"Revenue by region as a bar chart: the north leads."_s, local(2024, 3, 1), true);
        // Enough newer messages that the hit is not on the first page of the transcript.
        for (int i = 0; i < 120; ++i)
            add(repo, review, i % 2 ? MessageRole::Assistant : MessageRole::User,
                u"Follow-up note %1 about costs"_s.arg(i), local(2024, 3, 2), false);
        churn = repo.createConversation(u"Churn by plan"_s, u"luzmo"_s, u"r-1"_s)->id;
        add(repo, churn, MessageRole::User, u"How much revenue did enterprise churn cost us?"_s,
            local(2024, 5, 5), false);
        margins = repo.createConversation(u"Margin notes"_s, u"looker"_s, u"r-2"_s)->id;
        add(repo, margins, MessageRole::User, u"Gross margin against revenue by month"_s,
            local(2024, 6, 10), false);
        add(repo, margins, MessageRole::Assistant,
            u"Revenue grew; revenue per seat grew faster than revenue overall."_s,
            local(2024, 6, 11), false);
    }
    static qint64 add(Repository &repo, qint64 conversation, MessageRole role, const QString &text,
        const QDateTime &at, bool chart)
    {
        Message m;
        m.conversationId = conversation;
        m.role = role;
        m.text = text;
        m.createdAt = at;
        if (chart) {
            Asset a;
            a.type = u"item"_s;
            a.valueJson = R"({"type":"bar-chart","title":"Revenue by region"})";
            m.assets << a;
        }
        return repo.addMessage(m)->id;
    }
    qint64 review = 0, churn = 0, margins = 0, chartMessage = 0;
};

QSet<qint64> conversationsOf(const SearchResultModel *model)
{
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row).data(SearchResultModel::ConversationIdRole).toLongLong();
    return ids;
}

SearchDialog *openPalette(MainWindow *window)
{
    QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
    SearchDialog *dialog = window->searchDialog();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}
} // namespace

class TestSearchDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typingShowsRankedHitsInBold()
    {
        WindowFixture f;
        History history(*f.store.repository);
        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        SearchDialog *dialog = openPalette(window.get());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTRY_VERIFY(dialog->queryField()->hasFocus());

        SearchResultModel *model = dialog->model();
        QAbstractItemModelTester tester(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::keyClicks(dialog->queryField(), u"revenue"_s);
        QTRY_COMPARE(model->query(), u"revenue"_s); // after the debounce
        QCOMPARE(conversationsOf(model),
            (QSet<qint64> { history.review, history.churn, history.margins }));
        // The title hit first, then messages by bm25 (lower is better), best first.
        QCOMPARE(model->index(0).data(SearchResultModel::MessageIdRole).toLongLong(), 0);
        double previous = -std::numeric_limits<double>::infinity();
        int messages = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex hit = model->index(row);
            if (hit.data(SearchResultModel::MessageIdRole).toLongLong() == 0)
                continue;
            ++messages;
            const QString html = hit.data(SearchResultModel::SnippetHtmlRole).toString();
            QVERIFY2(html.contains(u"<b>revenue</b>"_s, Qt::CaseInsensitive), qPrintable(html));
            const double rank = hit.data(SearchResultModel::RankRole).toDouble();
            QVERIFY(rank >= previous);
            previous = rank;
        }
        QCOMPARE(messages, 4);
        // The densest message ("revenue" three times) is the best-ranked message.
        const QModelIndex best = model->index(1);
        QVERIFY(best.data(SearchResultModel::SnippetRole).toString().contains(u"per seat"_s));
        QCOMPARE(dialog->results()->currentIndex().row(), 0);
        QVERIFY(dialog->statusLabel()->text().contains(u"5"_s));

        // Prefixes and phrases, as in the CLI.
        dialog->queryField()->setText(u"marg*"_s);
        QTRY_COMPARE(model->query(), u"marg*"_s);
        QCOMPARE(conversationsOf(model), QSet<qint64> { history.margins });
        dialog->queryField()->setText(u"\"bar chart\""_s);
        QTRY_COMPARE(model->rowCount(), 1);

        QTest::keyClick(dialog->queryField(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
    }

    void filtersNarrowTheHits()
    {
        WindowFixture f;
        History history(*f.store.repository);
        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        SearchDialog *dialog = openPalette(window.get());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->queryField(), u"revenue"_s);
        SearchResultModel *model = dialog->model();
        QTRY_COMPARE(model->query(), u"revenue"_s);
        QCOMPARE(model->rowCount(), 5);

        // Backend: the combo lists the backends in the store.
        QComboBox *backend = dialog->backendFilter();
        QCOMPARE(backend->count(), 4); // All backends, local, looker, luzmo
        backend->setCurrentIndex(backend->findData(u"luzmo"_s));
        QCOMPARE(conversationsOf(model), QSet<qint64> { history.churn });
        QCOMPARE(model->rowCount(), 1);
        backend->setCurrentIndex(0);
        QCOMPARE(model->rowCount(), 5);

        // Has chart: the message with the chart and the title of its conversation.
        QTest::mouseClick(dialog->hasChartFilter(), Qt::LeftButton);
        QVERIFY(dialog->hasChartFilter()->isChecked());
        QCOMPARE(conversationsOf(model), QSet<qint64> { history.review });
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1).data(SearchResultModel::MessageIdRole).toLongLong(),
            history.chartMessage);
        QTest::mouseClick(dialog->hasChartFilter(), Qt::LeftButton);
        QCOMPARE(model->rowCount(), 5);

        // Date range: June 2024 only (the titles were updated today, so they drop out).
        QVERIFY(dialog->fromDate()->text() == u"Any"_s);
        dialog->fromDate()->setDate(QDate(2024, 6, 1));
        dialog->toDate()->setDate(QDate(2024, 6, 30));
        QCOMPARE(conversationsOf(model), QSet<qint64> { history.margins });
        QCOMPARE(model->rowCount(), 2);
        dialog->toDate()->setDate(QDate(2024, 6, 10)); // inclusive: the 10th stays
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(dialog->filter().to, QDate(2024, 6, 10));

        // Nothing passes: the status says so.
        backend->setCurrentIndex(backend->findData(u"local"_s));
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(dialog->statusLabel()->text(), u"No matches"_s);
    }

    void calendarsOpenAtTheHistorysRange_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QDate>("page");
        // History: the earliest message is from 1 March 2024; its titles were updated today.
        QTest::newRow("from: the first month") << u"fromDate"_s << QDate(2024, 3, 1);
        QTest::newRow("to: the last month") << u"toDate"_s << QDate::currentDate();
    }

    void calendarsOpenAtTheHistorysRange()
    {
        QFETCH(QString, edit);
        QFETCH(QDate, page);
        WindowFixture f;
        History history(*f.store.repository);
        auto window = f.makeWindow();
        QVERIFY(showAndActivate(window.get()));
        SearchDialog *dialog = openPalette(window.get());
        QVERIFY(dialog);
        auto *date = dialog->findChild<QDateEdit *>(edit);
        QVERIFY(date);
        QCOMPARE(date->text(), u"Any"_s);
        // A click on the drop-down arrow opens the calendar.
        QTest::mouseClick(date, Qt::LeftButton, {}, QPoint(date->width() - 6, date->height() / 2));
        QCalendarWidget *calendar = date->calendarWidget();
        QTRY_VERIFY(calendar->isVisible());
        QCOMPARE(calendar->yearShown(), page.year());
        QCOMPARE(calendar->monthShown(), page.month());
        // Still "Any" until a day is picked: no filter was set by opening it.
        QCOMPARE(dialog->filter().from, QDate());
        QCOMPARE(dialog->filter().to, QDate());
        calendar->window()->close();
    }

    void enterOpensTheMessageHighlighted()
    {
        WindowFixture f;
        History history(*f.store.repository);
        auto window = f.makeWindow();
        window->resize(1100, 720);
        QVERIFY(showAndActivate(window.get()));
        window->openConversation(history.margins);
        SearchDialog *dialog = openPalette(window.get());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->queryField(), u"revenue"_s);
        QTRY_COMPARE(dialog->model()->query(), u"revenue"_s);
        // Up/Down move through the hits (and stop at the ends).
        QTest::keyClick(dialog->queryField(), Qt::Key_Down);
        QCOMPARE(dialog->results()->currentIndex().row(), 1);
        QTest::keyClick(dialog->queryField(), Qt::Key_Up);
        QTest::keyClick(dialog->queryField(), Qt::Key_Up);
        QCOMPARE(dialog->results()->currentIndex().row(), 0);
        QTest::keyClick(dialog->queryField(), Qt::Key_Down);
        QTest::keyClick(dialog->queryField(), Qt::Key_Down);
        QCOMPARE(dialog->results()->currentIndex().row(), 2);
        saveScreenshot(window.get(), dialog, u"search-dialog.png"_s);

        QTest::keyClick(dialog->hasChartFilter(), Qt::Key_Space);
        QVERIFY(dialog->hasChartFilter()->isChecked());
        QCOMPARE(dialog->model()->rowCount(), 2); // the title, then the message
        QCOMPARE(dialog->results()->currentIndex().row(), 0);
        QTest::keyClick(dialog->queryField(), Qt::Key_Down);
        QCOMPARE(
            dialog->results()->currentIndex().data(SearchResultModel::MessageIdRole).toLongLong(),
            history.chartMessage);
        QTest::keyClick(dialog->queryField(), Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());

        QCOMPARE(window->currentConversation(), history.review);
        TranscriptView *view = window->transcriptView();
        QCOMPARE(view->highlightedMessage(), history.chartMessage);
        const int row = window->transcriptModel()->rowOf(history.chartMessage);
        QVERIFY(row >= 0); // an older page was loaded to reach it
        QVERIFY(window->transcriptModel()->rowCount() > 50);
        QTest::qWait(50);
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QVERIFY2(view->viewport()->rect().intersects(rect), "the message is on screen");
        QVERIFY(window->grab().save(screenshotPath(u"search-highlight.png"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(
            view->highlightedMessage(), 0, TranscriptView::highlightDuration + 2000);

        // Ctrl+K again: the last query comes back selected, ready to be replaced.
        QVERIFY(showAndActivate(window.get()));
        QVERIFY(openPalette(window.get()) == dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->queryField()->selectedText(), u"revenue"_s);
    }

private:
    // The window dimmed with the palette on top, as a person sees it.
    static void saveScreenshot(QWidget *window, QWidget *dialog, const QString &name)
    {
        QImage image = window->grab().toImage();
        QPainter painter(&image);
        painter.fillRect(image.rect(), QColor(20, 24, 31, 70));
        const QPoint at = dialog->geometry().topLeft() - window->geometry().topLeft();
        painter.drawPixmap(at, dialog->grab());
        painter.end();
        QVERIFY(image.save(screenshotPath(name)));
    }
};

QTEST_MAIN(TestSearchDialog)
#include "tst_searchdialog.moc"

// The sidebar's Ctrl+F filter and its conversation list, driven offscreen (issue 13.4).
#include "models/repository.h"
#include "models/searchresultmodel.h"
#include "tests/support/bighistory.h"
#include "tests/support/tempstore.h"
#include "ui/conversationsidebar.h"

#include <QLineEdit>
#include <QListView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
qint64 addText(Repository &repo, qint64 conversationId, const QString &text)
{
    Message m;
    m.conversationId = conversationId;
    m.role = MessageRole::Assistant;
    m.text = text;
    const auto stored = repo.addMessage(m);
    return stored ? stored->id : 0;
}

struct Sidebar
{
    explicit Sidebar(Repository &repo)
        : widget(repo)
    {
        widget.resize(320, 480);
        widget.show();
    }
    void type(const QString &text)
    {
        auto *field = widget.findChild<QLineEdit *>(u"searchField"_s);
        field->setFocus();
        QTest::keyClicks(field, text);
    }
    QAbstractItemModel *results() const
    {
        return widget.findChild<QListView *>(u"searchResults"_s)->model();
    }
    QAbstractItemModel *list() const
    {
        return widget.findChild<QListView *>(u"conversationList"_s)->model();
    }
    QStringList titles() const
    {
        QStringList out;
        for (int row = 0; row < results()->rowCount(); ++row)
            out << results()->index(row, 0).data(SearchResultModel::TitleRole).toString();
        return out;
    }
    ConversationSidebar widget;
};
} // namespace

class TestSidebarFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRowPerConversation()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const qint64 zoo = repo.createConversation(u"Zoo budget"_s)->id;
        const qint64 other = repo.createConversation(u"Seats"_s)->id;
        QVERIFY(addText(repo, zoo, u"Feeding the zebra costs more."_s));
        QVERIFY(addText(repo, other, u"Seat count by region."_s));
        QVERIFY(addText(repo, zoo, u"The zebra enclosure needs repairs."_s));
        QVERIFY(addText(repo, zoo, u"A second zebra arrives in May."_s));

        Sidebar sidebar(repo);
        sidebar.type(u"zebra"_s);
        // Three messages of one conversation match: one row, for that conversation.
        QTRY_COMPARE(sidebar.titles(), QStringList { u"Zoo budget"_s });
    }

    void renameAndDeleteFollowTheFilter()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const qint64 first = repo.createConversation(u"Harbor tariffs"_s)->id;
        const qint64 second = repo.createConversation(u"Harbor cranes"_s)->id;
        QVERIFY(repo.createConversation(u"Airport"_s));

        Sidebar sidebar(repo);
        sidebar.type(u"harbor"_s);
        QTRY_COMPARE(sidebar.results()->rowCount(), 2);

        QVERIFY(!repo.renameConversation(first, u"Harbor duties"_s));
        QTRY_VERIFY(sidebar.titles().contains(u"Harbor duties"_s));
        QCOMPARE(sidebar.titles().contains(u"Harbor tariffs"_s), false);
        QCOMPARE(sidebar.results()->rowCount(), 2);

        QVERIFY(!repo.deleteConversation(second));
        QTRY_COMPARE(sidebar.titles(), QStringList { u"Harbor duties"_s });
    }

    void escClearsTheFilter_data()
    {
        QTest::addColumn<QString>("from");
        QTest::newRow("search field") << u"searchField"_s;
        QTest::newRow("results") << u"searchResults"_s;
    }

    void escClearsTheFilter()
    {
        QFETCH(QString, from);
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        QVERIFY(repo.createConversation(u"Harbor tariffs"_s));
        QVERIFY(repo.createConversation(u"Airport"_s));

        Sidebar sidebar(repo);
        sidebar.type(u"harbor"_s);
        QTRY_COMPARE(sidebar.results()->rowCount(), 1);
        auto *results = sidebar.widget.findChild<QListView *>(u"searchResults"_s);
        QTRY_VERIFY(results->isVisible());
        QWidget *target = sidebar.widget.findChild<QWidget *>(from);
        target->setFocus();
        QTest::keyClick(target, Qt::Key_Escape);
        auto *field = sidebar.widget.findChild<QLineEdit *>(u"searchField"_s);
        QCOMPARE(field->text(), QString());
        auto *list = sidebar.widget.findChild<QListView *>(u"conversationList"_s);
        QVERIFY(list->isVisible());
        QCOMPARE(list->model()->rowCount(), 2);
        // Nothing left to clear: Esc goes on to the window (stop streaming, close dialogs).
        QCOMPARE(sidebar.widget.clearFilter(), false);
    }

    void snippetsArePlainText()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        const qint64 id = repo.createConversation(u"Sales"_s)->id;
        QVERIFY(addText(repo, id,
            u"| Region | Revenue |\n| --- | ---: |\n| **North** | `120` |\n| Walrus | 80 |"_s));

        Sidebar sidebar(repo);
        sidebar.type(u"walrus"_s);
        QTRY_COMPARE(sidebar.results()->rowCount(), 1);
        const QModelIndex hit = sidebar.results()->index(0, 0);
        for (int role : { int(SearchResultModel::SnippetRole),
                 int(SearchResultModel::SnippetHtmlRole), int(Qt::DisplayRole) }) {
            const QString text = hit.data(role).toString();
            QVERIFY2(!text.contains(u'|'), qPrintable(text));
            QVERIFY2(!text.contains(u"---"_s), qPrintable(text));
            QVERIFY2(!text.contains(u"**"_s), qPrintable(text));
            QVERIFY2(!text.contains(u'`'), qPrintable(text));
        }
        // Hand-worked: the words stay, in order, with the match marked.
        QVERIFY2(hit.data(SearchResultModel::SnippetHtmlRole)
                     .toString()
                     .contains(u"North 120 <b>Walrus</b> 80"_s),
            qPrintable(hit.data(SearchResultModel::SnippetHtmlRole).toString()));
    }

    void renameKeepsThePositionActivityMoves()
    {
        TempStore store;
        QVERIFY2(store.error.isEmpty(), qPrintable(store.error));
        Repository &repo = *store.repository;
        // "Conversation 5" newest (row 0) … "Conversation 1" oldest (row 4).
        const QList<qint64> ids = BigHistory::addConversations(repo, 5);
        QCOMPARE(ids.size(), 5);
        Sidebar sidebar(repo);
        QTRY_COMPARE(sidebar.list()->rowCount(), 5);
        QCOMPARE(sidebar.list()->index(4, 0).data().toString(), u"Conversation 1"_s);

        // A status write on an old message (no new activity) touches the stored time.
        auto messages = repo.messages(ids.first());
        QVERIFY(messages && !messages->isEmpty());
        QVERIFY(!repo.updateMessage(messages->first(), Repository::MessageField::Status));

        QVERIFY(!repo.renameConversation(ids.first(), u"Renamed"_s));
        QCOMPARE(sidebar.list()->index(4, 0).data().toString(), u"Renamed"_s);
        QCOMPARE(sidebar.list()->index(0, 0).data().toString(), u"Conversation 5"_s);

        QVERIFY(addText(repo, ids.first(), u"New activity"_s));
        QCOMPARE(sidebar.list()->index(0, 0).data().toString(), u"Renamed"_s);
        QCOMPARE(sidebar.list()->index(1, 0).data().toString(), u"Conversation 5"_s);
        QCOMPARE(sidebar.list()->index(4, 0).data().toString(), u"Conversation 2"_s);
    }
};

QTEST_MAIN(TestSidebarFilter)
#include "tst_sidebarfilter.moc"

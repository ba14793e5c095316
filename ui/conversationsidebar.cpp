#include "ui/conversationsidebar.h"

#include "models/conversationlistmodel.h"
#include "models/fetchall.h"
#include "models/searchresultmodel.h"
#include "ui/conversationdelegate.h"
#include "ui/searchresultdelegate.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QListView *makeList(QWidget *parent, const QString &name)
{
    auto *view = new QListView(parent);
    view->setObjectName(name);
    view->setFrameShape(QFrame::NoFrame);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setUniformItemSizes(true);
    view->setAttribute(Qt::WA_MacShowFocusRect, false);
    return view;
}
} // namespace

ConversationSidebar::ConversationSidebar(Repository &repository, QWidget *parent)
    : QWidget(parent)
    , m_conversations(new ConversationListModel(repository, 100, this))
    , m_searchModel(new SearchResultModel(repository, this))
    , m_search(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_list(makeList(this, u"conversationList"_s))
    , m_results(makeList(this, u"searchResults"_s))
{
    setObjectName(u"sidebar"_s);
    m_search->setObjectName(u"searchField"_s);
    m_search->setPlaceholderText(tr("Search history (Ctrl+F)"));
    m_search->setAccessibleName(tr("Filter conversations"));
    m_search->setAccessibleDescription(tr("Shows the conversations whose messages match"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setAccessibleDescription(tr("Your conversations, newest first"));
    m_results->setAccessibleName(tr("Matching conversations"));
    m_search->setClearButtonEnabled(true);

    m_list->setModel(m_conversations);
    m_list->setItemDelegate(new ConversationDelegate(m_list));
    // The sidebar filter lists each conversation once (the Ctrl+K palette lists every hit).
    m_searchModel->setGrouping(SearchResultModel::Grouping::PerConversation);
    m_results->setModel(m_searchModel);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));

    auto *noHits = new QLabel(tr("No matches"), this);
    noHits->setObjectName(u"noSearchHits"_s);
    noHits->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    noHits->setContentsMargins(0, 24, 0, 0);

    m_stack->addWidget(m_list);
    m_stack->addWidget(m_results);
    m_stack->addWidget(noHits);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 6, 0);
    layout->setSpacing(8);
    layout->addWidget(m_search);
    layout->addWidget(m_stack, 1);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(searchDelay);
    connect(&m_searchTimer, &QTimer::timeout, this, &ConversationSidebar::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            m_searchTimer.stop();
            runSearch();
        } else {
            m_searchTimer.start();
        }
    });
    // Enter in the search field runs the search at once and moves to the first hit.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        runSearch();
        if (m_searchModel->rowCount() > 0) {
            m_results->setCurrentIndex(m_searchModel->index(0));
            m_results->setFocus();
        }
    });

    // Esc in the field or the results clears the filter and goes back to the list.
    m_search->installEventFilter(this);
    m_results->installEventFilter(this);
    // End in the list goes to the oldest conversation: load every page first.
    m_list->installEventFilter(this);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ConversationSidebar::onCurrentConversationChanged);
    connect(m_results, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT conversationChosen(index.data(SearchResultModel::ConversationIdRole).toLongLong(),
            index.data(SearchResultModel::MessageIdRole).toLongLong());
    });
    connect(m_results, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT conversationChosen(index.data(SearchResultModel::ConversationIdRole).toLongLong(),
            index.data(SearchResultModel::MessageIdRole).toLongLong());
    });
}

void ConversationSidebar::setCurrentConversation(qint64 id)
{
    m_updating = true;
    const int row = id ? m_conversations->rowOf(id) : -1;
    if (row >= 0) {
        const QModelIndex index = m_conversations->index(row);
        m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_list->scrollTo(index);
    } else {
        m_list->selectionModel()->clear();
    }
    m_updating = false;
}

void ConversationSidebar::onCurrentConversationChanged()
{
    if (m_updating)
        return;
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    // The view may move the current row without selecting it (e.g. after a removal).
    if (!m_list->selectionModel()->isSelected(current)) {
        m_updating = true;
        m_list->selectionModel()->select(current, QItemSelectionModel::ClearAndSelect);
        m_updating = false;
    }
    Q_EMIT conversationChosen(current.data(ConversationListModel::IdRole).toLongLong(), 0);
}

void ConversationSidebar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool ConversationSidebar::isSearching() const
{
    return !m_search->text().trimmed().isEmpty();
}

bool ConversationSidebar::clearFilter()
{
    if (m_search->text().isEmpty())
        return false;
    m_search->clear();
    m_list->setFocus(Qt::OtherFocusReason);
    return true;
}

bool ConversationSidebar::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_search || watched == m_results) && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && clearFilter())
        return true;
    if (watched == m_list && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_End)
        fetchAll(*m_conversations);
    return QWidget::eventFilter(watched, event);
}

void ConversationSidebar::refreshSearch()
{
    if (isSearching())
        runSearch();
}

void ConversationSidebar::runSearch()
{
    const QString query = m_search->text().trimmed();
    if (!m_searchModel->setQuery(query))
        Q_EMIT searchFailed(tr("Searching the history failed. The database may be damaged or "
                               "locked by another program."));
    if (query.isEmpty())
        m_stack->setCurrentWidget(m_list);
    else
        m_stack->setCurrentIndex(m_searchModel->rowCount() > 0 ? 1 : 2);
}

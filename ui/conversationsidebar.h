#pragma once

#include <QTimer>
#include <QWidget>

class ConversationListModel;
class QLineEdit;
class QListView;
class QStackedWidget;
class Repository;
class SearchResultModel;

// The left side of the main window: a search field above the conversation list. While the
// field holds text, the list gives way to the search results (title and snippet); choosing a
// conversation or a hit emits conversationChosen().
class ConversationSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationSidebar(Repository &repository, QWidget *parent = nullptr);

    // Selects the conversation in the list (0: clears the selection) without emitting.
    void setCurrentConversation(qint64 id);
    void focusSearch();
    // Runs the current search again (e.g. after a conversation was deleted).
    void refreshSearch();
    bool isSearching() const;
    // Empties the search field and focuses the list; false when it was empty already.
    bool clearFilter();

    QLineEdit *searchField() const { return m_search; }
    QListView *conversationList() const { return m_list; }
    QListView *searchResults() const { return m_results; }
    ConversationListModel *conversationModel() const { return m_conversations; }
    SearchResultModel *searchModel() const { return m_searchModel; }

    static constexpr int searchDelay = 150; // ms after the last keystroke

Q_SIGNALS:
    // `messageId` is the hit's message (0 for a title hit or a plain list choice).
    void conversationChosen(qint64 conversationId, qint64 messageId);
    void searchFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();
    void onCurrentConversationChanged();

    ConversationListModel *m_conversations;
    SearchResultModel *m_searchModel;
    QLineEdit *m_search;
    QStackedWidget *m_stack;
    QListView *m_list;
    QListView *m_results;
    QTimer m_searchTimer;
    bool m_updating = false;
};

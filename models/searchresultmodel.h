#pragma once

#include "models/searchfilter.h"
#include "models/types.h"

#include <QAbstractListModel>
#include <QTimer>

class Repository;

// Results of a full-text search over the history: conversation titles and messages, ranked.
// Snippets are plain text: the stored Markdown (table pipes and rules, emphasis, headings, code
// marks, links) is stripped when the results arrive. The model follows the repository: a
// renamed, deleted or merged conversation and a new message run the current query again
// (coalesced into one search per event-loop turn), so nobody has to call setQuery again.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1, // qint64
        MessageIdRole, // qint64, 0 for a title match
        TitleRole, // QString, the conversation's title
        SnippetRole, // QString, plain text with SearchHit marks around matches
        SnippetHtmlRole, // QString, escaped HTML with <b> around matches
        AtRole, // QDateTime
        RankRole, // double, bm25 of a message hit (lower is better); 0 for a title
        MatchRole, // Match: where the query matched
    };
    Q_ENUM(Role)
    enum class Match { Title, Message };
    Q_ENUM(Match)
    // PerHit: every hit is a row (the Ctrl+K palette). PerConversation: one row per
    // conversation, the best of its hits in the repository's order (a title hit first, else its
    // best-ranked message), at the position of that hit; its message id opens that message.
    enum class Grouping { PerHit, PerConversation };
    Q_ENUM(Grouping)

    explicit SearchResultModel(Repository &repository, QObject *parent = nullptr);

    // Runs the search; an empty query clears the results. Returns false on a store error.
    bool setQuery(const QString &query);
    QString query() const { return m_query; }
    // Narrows the search and runs it again with the current query.
    bool setFilter(const SearchFilter &filter);
    SearchFilter filter() const { return m_filter; }
    // Sets both and runs the search once.
    bool search(const QString &query, const SearchFilter &filter);
    // Runs the search again at once when the query is not empty.
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    // Markdown as plain text on one line: "| **a** | `b` |" becomes "a b"; keeps SearchHit marks.
    static QString plainSnippet(const QString &markdown);
    // The last store error in words (empty after a successful search).
    QString errorString() const { return m_error; }

    static constexpr int maxHits = 100;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void scheduleRefresh();

    Repository &m_repository;
    Grouping m_grouping = Grouping::PerHit;
    QTimer m_refresh;
    QString m_query;
    SearchFilter m_filter;
    QString m_error;
    QList<SearchHit> m_hits;
};

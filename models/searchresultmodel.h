#pragma once

#include "types.h"

#include <QAbstractListModel>

class Repository;

// Results of a full-text search over the history: conversation titles and messages, ranked.
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
    };
    Q_ENUM(Role)

    explicit SearchResultModel(Repository &repository, QObject *parent = nullptr);

    // Runs the search; an empty query clears the results. Returns false on a store error.
    bool setQuery(const QString &query);
    QString query() const { return m_query; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    Repository &m_repository;
    QString m_query;
    QList<SearchHit> m_hits;
};

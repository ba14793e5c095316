#pragma once

#include "models/types.h"

#include <QAbstractListModel>

class Repository;

// The conversation list, newest (last activity) first. Loads pages of `pageSize` rows through
// canFetchMore()/fetchMore() and follows the repository: a new conversation appears at the top,
// a renamed one changes in place (a rename is not activity: it keeps its row), one that gets a
// new message (written or synced: Repository::messageAdded) moves to the top, a deleted one
// disappears.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64, the local id
        TitleRole, // QString; Qt::DisplayRole shows the title or "New conversation"
        BackendRole, // QString, e.g. "local"
        RemoteIdRole, // QString, the backend's id (empty until known)
        CreatedAtRole, // QDateTime (UTC)
        UpdatedAtRole, // QDateTime (UTC), the sort key
    };
    Q_ENUM(Role)

    explicit ConversationListModel(
        Repository &repository, int pageSize = 100, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Row of a conversation id, or -1 when it is not loaded.
    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;
    // Reloads the first page (e.g. after another process changed the database).
    void reload();

    static QString displayTitle(const QString &title);

private:
    void onAdded(const Conversation &conversation);
    void onChanged(const Conversation &conversation);
    void onRemoved(qint64 id);
    void onActivity(qint64 conversationId);

    Repository &m_repository;
    QList<Conversation> m_rows;
    int m_pageSize;
    bool m_exhausted = false;
    bool m_fetching = false;
};

#include "models/conversationlistmodel.h"

#include "models/modelslog.h"
#include "models/repository.h"

#include <QScopedValueRollback>

ConversationListModel::ConversationListModel(Repository &repository, int pageSize, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
    , m_pageSize(qMax(1, pageSize))
{
    connect(&m_repository, &Repository::conversationAdded, this, &ConversationListModel::onAdded);
    connect(
        &m_repository, &Repository::conversationChanged, this, &ConversationListModel::onChanged);
    connect(
        &m_repository, &Repository::conversationRemoved, this, &ConversationListModel::onRemoved);
    connect(&m_repository, &Repository::messageAdded, this,
        [this](const Message &message) { onActivity(message.conversationId); });
}

QString ConversationListModel::displayTitle(const QString &title)
{
    return title.trimmed().isEmpty() ? tr("New conversation") : title;
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayTitle(c.title);
    case Qt::ToolTipRole:
        return displayTitle(c.title);
    case IdRole:
        return c.id;
    case TitleRole:
        return c.title;
    case BackendRole:
        return c.backend;
    case RemoteIdRole:
        return c.remoteId;
    case CreatedAtRole:
        return c.createdAt;
    case UpdatedAtRole:
        return c.updatedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "conversationId");
    names.insert(TitleRole, "title");
    names.insert(BackendRole, "backend");
    names.insert(RemoteIdRole, "remoteId");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(UpdatedAtRole, "updatedAt");
    return names;
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_fetching)
        return;
    const QScopedValueRollback guard(m_fetching, true); // no re-entry from row signals
    auto page = m_repository.conversations(m_pageSize, int(m_rows.size()));
    if (!page) {
        qCWarning(lcModels, "Conversation list: %s", qUtf8Printable(page.error().toString()));
        m_exhausted = true;
        return;
    }
    if (page->size() < m_pageSize)
        m_exhausted = true;
    // Rows that arrived live (inserted at the top) may already be here; skip them.
    QList<Conversation> fresh;
    for (const Conversation &c : *page) {
        if (rowOf(c.id) < 0)
            fresh << c;
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows << fresh;
    endInsertRows();
}

void ConversationListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_exhausted = false;
    endResetModel();
}

int ConversationListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

qint64 ConversationListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

void ConversationListModel::onAdded(const Conversation &conversation)
{
    if (conversation.deleted || rowOf(conversation.id) >= 0)
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(conversation);
    endInsertRows();
}

void ConversationListModel::onChanged(const Conversation &conversation)
{
    const int row = rowOf(conversation.id);
    if (row < 0)
        return;
    const Conversation old = m_rows.at(row);
    m_rows[row] = conversation;
    QList<int> roles;
    if (old.title != conversation.title)
        roles << Qt::DisplayRole << Qt::ToolTipRole << TitleRole;
    if (old.remoteId != conversation.remoteId)
        roles << RemoteIdRole;
    if (old.updatedAt != conversation.updatedAt)
        roles << UpdatedAtRole;
    if (!roles.isEmpty())
        Q_EMIT dataChanged(index(row), index(row), roles);
    // No move: a rename (or a stored time touched by a status write) is not activity.
}

void ConversationListModel::onActivity(qint64 conversationId)
{
    const int row = rowOf(conversationId);
    if (row <= 0)
        return;
    beginMoveRows({}, row, row, {}, 0);
    m_rows.move(row, 0);
    endMoveRows();
}

void ConversationListModel::onRemoved(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

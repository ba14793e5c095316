#include "models/transcriptmodel.h"

#include "models/messageaccessibletext.h"
#include "models/modelslog.h"

#include <QScopedValueRollback>

using namespace Qt::StringLiterals;

TranscriptModel::TranscriptModel(Repository &repository, int pageSize, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
    , m_pageSize(qMax(1, pageSize))
    , m_firstPageSize(m_pageSize)
{
    connect(&m_repository, &Repository::messageAdded, this, &TranscriptModel::onAdded);
    connect(&m_repository, &Repository::messageChanged, this, &TranscriptModel::onChanged);
    connect(&m_repository, &Repository::messageRemoved, this, &TranscriptModel::onRemoved);
    connect(&m_repository, &Repository::conversationRemoved, this, [this](qint64 id) {
        if (id == m_conversationId)
            setConversation(0);
    });
}

void TranscriptModel::setConversation(qint64 id)
{
    {
        // Views and testers may call fetchMore() from the reset signals; wait until the new
        // rows are announced before paging further.
        const QScopedValueRollback guard(m_busy, true);
        beginResetModel();
        m_rows.clear();
        m_conversationId = id;
        m_exhausted = id == 0;
        if (id != 0) {
            auto page = m_repository.messagePreviews(id, 0, m_firstPageSize, previewBytes);
            if (page) {
                m_rows = rowsOf(*page);
                m_exhausted = page->size() < m_firstPageSize;
            } else {
                qCWarning(lcModels, "Transcript: %s", qUtf8Printable(page.error().toString()));
                m_exhausted = true;
            }
        }
        endResetModel();
    }
    Q_EMIT conversationOpened(id);
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

namespace {
QVariantList assetMaps(const QList<Asset> &assets)
{
    QVariantList list;
    for (const Asset &a : assets) {
        list << QVariantMap { { u"id"_s, a.id }, { u"type"_s, a.type },
            { u"valueJson"_s, a.valueJson }, { u"dataJson"_s, a.dataJson },
            { u"dataTakenAt"_s, a.dataTakenAt } };
    }
    return list;
}

// The size of `text` in UTF-8, without encoding it: a byte per UTF-16 unit, one more from
// U+0080, one more again from U+0800 except for surrogates (a pair is 4 bytes). Branch-free,
// so the compiler vectorises it (a 4 MB message: ~0.3 ms instead of ~2.5).
qint64 utf8Size(QStringView text)
{
    qint64 bytes = text.size();
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        bytes += (u >= 0x80) + (u >= 0x800 && (u < 0xD800 || u > 0xDFFF));
    }
    return bytes;
}
} // namespace

QList<TranscriptModel::Row> TranscriptModel::rowsOf(const QList<Repository::MessagePreview> &page)
{
    QList<Row> rows;
    rows.reserve(page.size());
    for (const Repository::MessagePreview &p : page)
        rows << Row { p.message, p.textBytes, p.textCut };
    return rows;
}

const TranscriptModel::Row &TranscriptModel::wholeRow(int row) const
{
    Row &r = m_rows[row];
    if (r.textCut) {
        if (auto text = m_repository.messageText(r.message.id)) {
            r.message.text = *text;
            r.textCut = false;
        } else {
            qCWarning(lcModels, "Transcript: %s", qUtf8Printable(text.error().toString()));
        }
    }
    return r;
}

qint64 TranscriptModel::textBytes(int row) const
{
    Row &r = m_rows[row];
    if (r.textBytes < 0)
        r.textBytes = utf8Size(r.message.text);
    return r.textBytes;
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Message &m = row.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return wholeRow(index.row()).message.text;
    case PreviewTextRole:
        return m.text;
    case TextCutRole:
        return row.textCut;
    case TextBytesRole:
        return textBytes(index.row());
    case IdRole:
        return m.id;
    case RoleRole:
        return QVariant::fromValue(m.role);
    case StatusRole:
        return QVariant::fromValue(m.status);
    case ErrorRole:
        return m.errorDetail;
    case CreatedAtRole:
        return m.createdAt;
    case UpdatedAtRole:
        return m.updatedAt;
    case SeqRole:
        return m.seq;
    case RemoteIdRole:
        return m.remoteId;
    case AgentRole:
        return m.agent;
    case AssetCountRole:
        return int(m.assets.size());
    case AssetIdsRole: {
        QVariantList ids;
        for (const Asset &a : m.assets)
            ids << a.id;
        return ids;
    }
    case AssetsRole:
        return assetMaps(m.assets);
    case SupersededRole:
        return m.supersededAt.isValid();
    case Qt::AccessibleTextRole:
        return MessageAccessibleText::text(m);
    case Qt::AccessibleDescriptionRole:
        return MessageAccessibleText::description(m);
    default:
        return {};
    }
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "messageId");
    names.insert(RoleRole, "role");
    names.insert(TextRole, "text");
    names.insert(StatusRole, "status");
    names.insert(ErrorRole, "error");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(SeqRole, "seq");
    names.insert(RemoteIdRole, "remoteId");
    names.insert(AgentRole, "agent");
    names.insert(AssetCountRole, "assetCount");
    names.insert(AssetIdsRole, "assetIds");
    names.insert(AssetsRole, "assets");
    names.insert(SupersededRole, "superseded");
    names.insert(PreviewTextRole, "previewText");
    names.insert(TextCutRole, "textCut");
    names.insert(TextBytesRole, "textBytes");
    return names;
}

bool TranscriptModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void TranscriptModel::fetchMore(const QModelIndex &parent)
{
    // m_busy: observers of the row signals (views, testers) may call fetchMore() again while
    // a page is being inserted; that call must not insert the same page twice.
    if (parent.isValid() || m_exhausted || m_rows.isEmpty() || m_busy)
        return;
    const QScopedValueRollback guard(m_busy, true);
    auto page = m_repository.messagePreviews(
        m_conversationId, m_rows.first().message.seq, m_pageSize, previewBytes);
    if (!page) {
        qCWarning(lcModels, "Transcript: %s", qUtf8Printable(page.error().toString()));
        m_exhausted = true;
        return;
    }
    m_exhausted = page->size() < m_pageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, 0, int(page->size()) - 1);
    m_rows = rowsOf(*page) + m_rows;
    endInsertRows();
}

void TranscriptModel::setLiveText(qint64 messageId, const QString &text)
{
    const int row = rowOf(messageId);
    if (row < 0 || (!m_rows.at(row).textCut && m_rows.at(row).message.text == text))
        return;
    Row &r = m_rows[row];
    r.message.text = text;
    r.textBytes = -1;
    r.textCut = false;
    Q_EMIT dataChanged(index(row), index(row),
        { Qt::DisplayRole, TextRole, PreviewTextRole, TextCutRole, TextBytesRole,
            Qt::AccessibleTextRole });
}

int TranscriptModel::rowOf(qint64 messageId) const
{
    // Streaming updates hit the newest rows: search from the end.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows.at(i).message.id == messageId)
            return int(i);
    }
    return -1;
}

const Message *TranscriptModel::messageAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &wholeRow(row).message : nullptr;
}

QList<int> TranscriptModel::rolesFor(Repository::MessageFields fields)
{
    QList<int> roles;
    if (fields & Repository::MessageField::Text)
        roles << Qt::DisplayRole << TextRole << PreviewTextRole << TextCutRole << TextBytesRole;
    if (fields & Repository::MessageField::Status)
        roles << StatusRole << ErrorRole;
    if (fields & Repository::MessageField::RemoteId)
        roles << RemoteIdRole;
    if (fields & Repository::MessageField::Assets)
        roles << AssetCountRole << AssetIdsRole << AssetsRole;
    if (fields & Repository::MessageField::Superseded)
        roles << SupersededRole;
    // What a screen reader says: the text, then the status and the charts.
    if (fields & Repository::MessageField::Text)
        roles << Qt::AccessibleTextRole;
    if (fields
        & (Repository::MessageField::Status | Repository::MessageField::Assets
            | Repository::MessageField::Superseded))
        roles << Qt::AccessibleDescriptionRole;
    roles << UpdatedAtRole;
    return roles;
}

void TranscriptModel::onAdded(const Message &message)
{
    if (message.conversationId != m_conversationId || rowOf(message.id) >= 0)
        return;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows << Row { message };
    endInsertRows();
}

void TranscriptModel::onRemoved(qint64 id, qint64 conversationId)
{
    const int row = conversationId == m_conversationId ? rowOf(id) : -1;
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void TranscriptModel::onChanged(const Message &message, Repository::MessageFields fields)
{
    if (message.conversationId != m_conversationId)
        return;
    const int row = rowOf(message.id);
    if (row < 0)
        return;
    Row &r = m_rows[row];
    Message &stored = r.message;
    if (fields & Repository::MessageField::Text) {
        stored.text = message.text;
        r.textBytes = -1;
        r.textCut = false;
    }
    if (fields & Repository::MessageField::Status) {
        stored.status = message.status;
        stored.errorDetail = message.errorDetail;
    }
    if (fields & Repository::MessageField::RemoteId)
        stored.remoteId = message.remoteId;
    if (fields & Repository::MessageField::Assets)
        stored.assets = message.assets;
    if (fields & Repository::MessageField::Superseded)
        stored.supersededAt = message.supersededAt;
    stored.updatedAt = message.updatedAt;
    Q_EMIT dataChanged(index(row), index(row), rolesFor(fields));
}

qint64 TranscriptModel::lastQuestionId() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (!it->message.supersededAt.isValid() && it->message.role == MessageRole::User)
            return it->message.id;
    }
    return 0;
}

qint64 TranscriptModel::lastAnswerId() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        const Message &m = it->message;
        if (m.supersededAt.isValid())
            continue;
        if (m.role == MessageRole::User)
            return 0; // the last question has no answer yet
        if (m.role == MessageRole::Assistant)
            return m.id;
    }
    return 0;
}

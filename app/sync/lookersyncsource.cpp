#include "lookersyncsource.h"

#include "lookerrequests.h"
#include "lookersession.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
QString idOf(const QJsonValue &value)
{
    // Looker ids are strings; a number is tolerated.
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
}

QDateTime timeOf(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// When the conversation last changed, for the cursor: updated_at, else created_at, else never.
QDateTime changedAt(const QJsonObject &conversation)
{
    QDateTime time = timeOf(conversation.value(u"updated_at"));
    if (!time.isValid())
        time = timeOf(conversation.value(u"created_at"));
    return time.isValid() ? time : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
}

QString cursorOf(const QDateTime &time, const QString &id)
{
    return time.toString(Qt::ISODateWithMs) + u'|' + id;
}

// The (time, id) a cursor points after; nullopt for an empty (first run) or unreadable cursor.
std::optional<std::pair<QDateTime, QString>> parseCursor(const QString &cursor)
{
    const qsizetype bar = cursor.indexOf(u'|');
    if (bar < 0)
        return std::nullopt;
    const QDateTime time = timeOf(cursor.left(bar));
    if (!time.isValid())
        return std::nullopt;
    return std::make_pair(time, cursor.mid(bar + 1));
}

// The text of a message object, and whether it is one Chartroom shows (user text, or a system
// text that is not a thought).
std::optional<QString> textOf(const QJsonObject &message, bool *user)
{
    if (const QJsonValue u = message.value(u"userMessage"); u.isObject()) {
        *user = true;
        return u[u"text"].toString();
    }
    const QJsonObject system = message.value(u"systemMessage").toObject();
    const QJsonObject text = system.value(u"text").toObject();
    if (text.isEmpty() || text.value(u"textType").toString().startsWith(u"THOUGHT"))
        return std::nullopt;
    *user = false;
    QStringList parts;
    for (const QJsonValue &part : text.value(u"parts").toArray())
        parts << part.toString();
    return parts.join(QString());
}
} // namespace

LookerSyncSource::LookerSyncSource(LookerSession &session, QString backendId, QObject *parent)
    : SyncSource(parent)
    , m_session(session)
    , m_backendId(std::move(backendId))
{
}

RemoteConversation LookerSyncSource::conversationFromJson(const QJsonObject &object)
{
    RemoteConversation c;
    c.remoteId = idOf(object.value(u"id"));
    c.title = object.value(u"name").toString();
    c.createdAt = timeOf(object.value(u"created_at"));
    c.updatedAt = timeOf(object.value(u"updated_at"));
    if (!c.updatedAt.isValid())
        c.updatedAt = c.createdAt;

    struct Entry
    {
        double order;
        qsizetype index;
        QJsonObject object;
    };
    QList<Entry> entries;
    const QJsonArray messages = object.value(u"messages").toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QJsonValue order = m.value(u"order");
        entries.append({ order.isDouble() ? order.toDouble() : double(i), i, m });
    }
    std::stable_sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.order < b.order; });

    for (const Entry &entry : std::as_const(entries)) {
        const QJsonObject body = entry.object.value(u"message").toObject();
        bool user = false;
        const std::optional<QString> text = textOf(body, &user);
        if (!text)
            continue;
        const QString type = entry.object.value(u"type").toString();
        RemoteMessage m;
        m.remoteId = idOf(entry.object.value(u"id"));
        if (m.remoteId.isEmpty())
            m.remoteId = c.remoteId + u'#' + QString::number(entry.order);
        m.role = type == u"user" || (type.isEmpty() && user) ? MessageRole::User
                                                             : MessageRole::Assistant;
        m.text = *text;
        m.createdAt = timeOf(body.value(u"timestamp"));
        if (!m.createdAt.isValid())
            m.createdAt = c.createdAt;
        m.updatedAt = m.createdAt;
        c.messages.append(m);
    }
    return c;
}

LookerCall *LookerSyncSource::start(const LookerCall::Spec &spec)
{
    auto *call = new LookerCall(&m_session, spec, this);
    m_call = call;
    connect(call, &LookerCall::failed, this, [this, call](const ApiError &error) {
        call->deleteLater();
        m_pending.clear();
        Q_EMIT failed(error);
    });
    call->start();
    return call;
}

void LookerSyncSource::list(std::function<void(const QList<QJsonObject> &)> done)
{
    LookerCall *call = start(LookerRequests::listConversations());
    connect(call, &LookerCall::succeeded, this, [this, call, done](const QByteArray &body) {
        call->deleteLater();
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isArray()) {
            Q_EMIT failed(ApiErrors::make(
                ApiError::Code::Protocol, tr("Looker's list of conversations could not be read.")));
            return;
        }
        QList<QJsonObject> conversations;
        for (const QJsonValue &value : document.array()) {
            if (value.isObject())
                conversations.append(value.toObject());
        }
        done(conversations);
    });
}

void LookerSyncSource::fetchPage(const QString &cursor)
{
    if (!m_pending.isEmpty() && cursor == m_pendingCursor) {
        takePage(cursor);
        return;
    }
    list([this, cursor](const QList<QJsonObject> &conversations) {
        const auto after = parseCursor(cursor);
        m_pending.clear();
        for (const QJsonObject &c : conversations) {
            if (c.value(u"deleted").toBool())
                continue;
            const Listed listed { idOf(c.value(u"id")), changedAt(c) };
            if (listed.id.isEmpty())
                continue;
            if (after
                && std::make_pair(listed.updatedAt, listed.id)
                    <= std::make_pair(after->first, after->second))
                continue;
            m_pending.append(listed);
        }
        std::sort(m_pending.begin(), m_pending.end(), [](const Listed &a, const Listed &b) {
            return std::make_pair(a.updatedAt, a.id) < std::make_pair(b.updatedAt, b.id);
        });
        takePage(cursor);
    });
}

void LookerSyncSource::takePage(const QString &cursor)
{
    const qsizetype count = std::min<qsizetype>(m_pageSize, m_pending.size());
    m_pageQueue = m_pending.mid(0, count);
    m_pending.remove(0, count);
    m_page = SyncPage();
    m_page.remaining = int(m_pageQueue.size() + m_pending.size());
    m_page.hasMore = !m_pending.isEmpty();
    m_page.nextCursor = m_pageQueue.isEmpty()
        ? cursor
        : cursorOf(m_pageQueue.last().updatedAt, m_pageQueue.last().id);
    m_pendingCursor = m_page.nextCursor;
    fetchNextConversation();
}

void LookerSyncSource::fetchNextConversation()
{
    if (m_pageQueue.isEmpty()) {
        Q_EMIT pageFetched(m_page);
        return;
    }
    const QString id = m_pageQueue.takeFirst().id;
    auto *call = new LookerCall(&m_session, LookerRequests::getConversation(id), this);
    m_call = call;
    connect(call, &LookerCall::succeeded, this, [this, call, id](const QByteArray &body) {
        call->deleteLater();
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isObject()) {
            m_pending.clear();
            Q_EMIT failed(ApiErrors::make(ApiError::Code::Protocol,
                tr("Looker's conversation %1 could not be read.").arg(id)));
            return;
        }
        const QJsonObject object = document.object();
        // Deleted since it was listed: the ids of the end of the run leave it out.
        if (!object.value(u"deleted").toBool())
            m_page.conversations.append(conversationFromJson(object));
        fetchNextConversation();
    });
    connect(call, &LookerCall::failed, this, [this, call](const ApiError &error) {
        call->deleteLater();
        if (error.code == ApiError::Code::NotFound) {
            fetchNextConversation(); // removed since it was listed
            return;
        }
        m_pending.clear();
        Q_EMIT failed(error);
    });
    call->start();
}

void LookerSyncSource::fetchIds()
{
    list([this](const QList<QJsonObject> &conversations) {
        QSet<QString> ids;
        for (const QJsonObject &c : conversations) {
            if (!c.value(u"deleted").toBool())
                ids.insert(idOf(c.value(u"id")));
        }
        Q_EMIT idsFetched(ids);
    });
}

void LookerSyncSource::cancel()
{
    m_pending.clear();
    if (m_call && !m_call->isFinished())
        m_call->abort();
}

#include "app/sync/lookersyncsource.h"

#include "app/looker/lookerconversationsearch.h"
#include "app/looker/lookermessagemapper.h"
#include "app/looker/lookerrequests.h"
#include "app/looker/lookersession.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <optional>

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

// One assistant answer being gathered from the system messages after a user message.
struct Answer
{
    RemoteMessage message;
    LookerMessageMapper mapper;
    bool open = false;
};

void closeAnswer(Answer &answer, RemoteConversation &c)
{
    if (!answer.open)
        return;
    answer.open = false;
    (void)answer.mapper.finish();
    RemoteMessage m = answer.message;
    m.text = answer.mapper.finalText();
    if (m.text.isEmpty() && answer.mapper.sawError())
        m.text = QCoreApplication::translate("LookerSyncSource", "Looker could not answer: %1")
                     .arg(answer.mapper.errorText());
    for (const LookerMessageMapper::Asset &asset : answer.mapper.assets())
        m.assets.append({ asset.id, asset.type,
            QJsonDocument(asset.value).toJson(QJsonDocument::Compact), m.createdAt });
    if (!m.text.isEmpty() || !m.assets.isEmpty())
        c.messages.append(m);
    answer.mapper = LookerMessageMapper();
}
} // namespace

LookerSyncSource::LookerSyncSource(LookerSession &session, QString backendId, QObject *parent)
    : SyncSource(parent)
    , m_session(session)
    , m_backendId(std::move(backendId))
    , m_search(new LookerConversationSearch(session, this))
{
}

LookerSyncSource::~LookerSyncSource() = default;

void LookerSyncSource::setSearchPageSize(int conversations)
{
    m_search->setPageSize(conversations);
}

RemoteConversation LookerSyncSource::conversationFromJson(
    const QJsonObject &object, const QJsonArray &messages)
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
        QJsonObject object;
    };
    QList<Entry> entries;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QJsonValue order = m.value(u"order");
        entries.append({ order.isDouble() ? order.toDouble() : double(i), m });
    }
    std::stable_sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.order < b.order; });

    Answer answer;
    for (const Entry &entry : std::as_const(entries)) {
        const QJsonObject body = entry.object.value(u"message").toObject();
        QString remoteId = idOf(entry.object.value(u"id"));
        if (remoteId.isEmpty())
            remoteId = c.remoteId + u'#' + QString::number(entry.order);
        QDateTime time = timeOf(body.value(u"timestamp"));
        if (!time.isValid())
            time = c.createdAt;
        const QString type = entry.object.value(u"type").toString();
        const QJsonValue user = body.value(u"userMessage");
        // The spec leaves `type`'s values open: a userMessage is the user's unless marked system.
        if (type == LookerRequests::UserType
            || (type != LookerRequests::SystemType && user.isObject())) {
            closeAnswer(answer, c);
            RemoteMessage m;
            m.remoteId = remoteId;
            m.role = MessageRole::User;
            m.text = user[u"text"].toString();
            m.createdAt = time;
            m.updatedAt = time;
            c.messages.append(m);
            continue;
        }
        if (!answer.open) {
            answer.open = true;
            answer.message = RemoteMessage();
            answer.message.remoteId = remoteId;
            answer.message.role = MessageRole::Assistant;
            answer.message.createdAt = time;
            answer.message.updatedAt = time;
        }
        (void)answer.mapper.map(body);
    }
    closeAnswer(answer, c);
    return c;
}

void LookerSyncSource::fail(const ApiError &error)
{
    m_pending.clear();
    Q_EMIT failed(error);
}

void LookerSyncSource::list(std::function<void(const QList<QJsonObject> &)> done)
{
    m_search->disconnect(this);
    connect(m_search, &LookerConversationSearch::finished, this, std::move(done));
    connect(m_search, &LookerConversationSearch::failed, this, &LookerSyncSource::fail);
    m_search->start();
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
            const Listed listed { idOf(c.value(u"id")), changedAt(c), c };
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
    const Listed listed = m_pageQueue.takeFirst();
    auto *call = new LookerCall(&m_session, LookerRequests::conversationMessages(listed.id), this);
    m_call = call;
    connect(call, &LookerCall::succeeded, this, [this, call, listed](const QByteArray &body) {
        call->deleteLater();
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isArray()) {
            fail(ApiErrors::make(ApiError::Code::Protocol,
                tr("The messages of Looker's conversation %1 could not be read.").arg(listed.id)));
            return;
        }
        m_page.conversations.append(conversationFromJson(listed.object, document.array()));
        fetchNextConversation();
    });
    connect(call, &LookerCall::failed, this, [this, call](const ApiError &error) {
        call->deleteLater();
        if (error.code == ApiError::Code::NotFound) {
            fetchNextConversation(); // removed since it was listed
            return;
        }
        fail(error);
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
    m_search->abort();
    if (m_call && !m_call->isFinished())
        m_call->abort();
}

#pragma once

#include "app/looker/lookercall.h"
#include "app/sync/syncsource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

#include <functional>

class LookerConversationSearch;
class LookerSession;

// A Looker instance's Conversational Analytics as a sync source (Looker's OpenAPI file, 4.0.26).
// Each run lists the caller's conversations with `GET /conversations/search` (paged with
// limit/offset until a short page; LookerConversationSearch), keeps those updated after the
// cursor (all on a first run; `deleted` ones never) in (updated_at, id) order, and hands them over
// in pages of `pageSize`, each with its messages from `GET /conversations/:id/messages`. The
// cursor is "<updated_at ISO>|<id>" of the last one handed over. The ids for deletion detection
// are the listed, not deleted, conversations.
class LookerSyncSource : public SyncSource
{
    Q_OBJECT
public:
    static constexpr int defaultPageSize = 20;

    LookerSyncSource(LookerSession &session, QString backendId, QObject *parent = nullptr);
    ~LookerSyncSource() override;

    void setPageSize(int conversations) { m_pageSize = conversations > 0 ? conversations : 1; }
    int pageSize() const { return m_pageSize; }
    // Conversations per `conversations/search` request.
    void setSearchPageSize(int conversations);

    QString backendId() const override { return m_backendId; }
    void fetchPage(const QString &cursor) override;
    bool canListIds() const override { return true; }
    void fetchIds() override;
    void cancel() override;

    // A conversation (as listed) and its ConversationMessages, mapped to the store's records:
    // messages by `order`; a "user" message (or one with a userMessage, unless its type is
    // "system") is a user message; the
    // system messages after it are one assistant answer, read with LookerMessageMapper like a
    // live answer (its text; data, chart and follow-up parts as assets with the same ids), whose
    // remote id is the first system message's id.
    static RemoteConversation conversationFromJson(
        const QJsonObject &conversation, const QJsonArray &messages);
    // Tolerated: a conversation object with its `messages` inside (`GET /conversations/:id`).
    static RemoteConversation conversationFromJson(const QJsonObject &conversation)
    {
        return conversationFromJson(conversation, conversation.value(u"messages").toArray());
    }

private:
    struct Listed
    {
        QString id;
        QDateTime updatedAt; // UTC; the epoch when Looker gave none
        QJsonObject object;
    };

    void list(std::function<void(const QList<QJsonObject> &)> done);
    void takePage(const QString &cursor);
    void fetchNextConversation();
    void fail(const ApiError &error);

    LookerSession &m_session;
    QString m_backendId;
    int m_pageSize = defaultPageSize;
    LookerConversationSearch *m_search = nullptr;
    QPointer<LookerCall> m_call;
    // The run's listing, after the cursor, in (updated_at, id) order, and the page being read.
    QList<Listed> m_pending;
    QString m_pendingCursor; // the cursor m_pending starts after
    QList<Listed> m_pageQueue;
    SyncPage m_page;
};

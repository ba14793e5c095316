#pragma once

#include "lookercall.h"
#include "syncsource.h"

#include <QDateTime>
#include <QJsonObject>
#include <QPointer>

#include <functional>

class LookerSession;

// A Looker instance's Conversational Analytics as a sync source (seed 004). Looker's
// `GET /conversations` is not paged, so each run lists it once, keeps the conversations updated
// after the cursor (all on a first run; `deleted` ones never) in (updated_at, id) order, and
// hands them over in pages of `pageSize`, each conversation read with its messages from
// `GET /conversations/:id`. The cursor is "<updated_at ISO>|<id>" of the last one handed over.
// The ids for deletion detection are the listed, not deleted, conversations.
class LookerSyncSource : public SyncSource
{
    Q_OBJECT
public:
    static constexpr int defaultPageSize = 20;

    LookerSyncSource(LookerSession &session, QString backendId, QObject *parent = nullptr);

    void setPageSize(int conversations) { m_pageSize = conversations > 0 ? conversations : 1; }
    int pageSize() const { return m_pageSize; }

    QString backendId() const override { return m_backendId; }
    void fetchPage(const QString &cursor) override;
    bool canListIds() const override { return true; }
    void fetchIds() override;
    void cancel() override;

    // A conversation as `GET /conversations/:id` answers it, mapped to the store's records:
    // messages by `order`; "user" → user, "system" → assistant; the text from userMessage.text
    // or systemMessage.text.parts (thoughts and other system messages are left out).
    static RemoteConversation conversationFromJson(const QJsonObject &object);

private:
    struct Listed
    {
        QString id;
        QDateTime updatedAt; // UTC; the epoch when Looker gave none
    };

    LookerCall *start(const LookerCall::Spec &spec);
    // `GET /conversations`, then `done` with the answer's objects (failed() when unreadable).
    void list(std::function<void(const QList<QJsonObject> &)> done);
    void takePage(const QString &cursor);
    void fetchNextConversation();

    LookerSession &m_session;
    QString m_backendId;
    int m_pageSize = defaultPageSize;
    QPointer<LookerCall> m_call;
    // The run's listing, after the cursor, in (updated_at, id) order, and the page being read.
    QList<Listed> m_pending;
    QString m_pendingCursor; // the cursor m_pending starts after
    QList<Listed> m_pageQueue;
    SyncPage m_page;
};

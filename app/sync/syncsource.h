#pragma once

#include "app/net/apierror.h"
#include "models/syncrecords.h"

#include <QObject>
#include <QSet>
#include <QString>

// One page of a backend's changes since a cursor.
struct SyncPage
{
    QList<RemoteConversation> conversations;
    QString nextCursor; // where the next page (or, when !hasMore, the next sync) starts
    bool hasMore = false;
    int remaining = -1; // conversations left including this page, when the backend says
};

// Where a sync reads from: a backend's paged history, and (when it can) the ids of every
// conversation it still has, to find remote deletions. The cursor is the source's own opaque
// text; the store keeps it between runs. Each request ends in exactly one signal.
// To sync another kind of backend (e.g. Looker, once its API lists a conversation's messages),
// implement this interface; SyncEngine and the store side stay as they are.
class SyncSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString backendId() const = 0;
    virtual void fetchPage(const QString &cursor) = 0; // pageFetched or failed
    virtual bool canListIds() const = 0;
    virtual void fetchIds() = 0; // idsFetched or failed
    virtual void cancel() = 0; // the pending request fails with ApiError::Code::Cancelled

Q_SIGNALS:
    void pageFetched(const SyncPage &page);
    void idsFetched(const QSet<QString> &ids);
    void failed(const ApiError &error);
};

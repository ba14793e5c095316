#pragma once

#include "app/net/apierror.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

class LookerCall;
class LookerSession;

// All the caller's Looker conversations, read with `GET /conversations/search` (Looker's
// OpenAPI: "The parameters limit, and offset are recommended for fetching results in page-size
// chunks"), sorted by updated_at, `pageSize` at a time from offset 0 until a page comes back
// shorter than asked. Exactly one of finished() or failed() per start().
class LookerConversationSearch : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultPageSize = 100;

    LookerConversationSearch(LookerSession &session, QObject *parent = nullptr);

    void setPageSize(int pageSize) { m_pageSize = pageSize > 0 ? pageSize : 1; }
    int pageSize() const { return m_pageSize; }
    void start();
    void abort();
    int pagesRead() const { return m_pages; }

Q_SIGNALS:
    void finished(const QList<QJsonObject> &conversations);
    void failed(const ApiError &error);

private:
    void fetch(int offset);

    LookerSession &m_session;
    QPointer<LookerCall> m_call;
    QList<QJsonObject> m_found;
    int m_pageSize = defaultPageSize;
    int m_pages = 0;
};

#pragma once

#include "app/sync/syncsource.h"

#include <QPointer>

class ApiCall;
class LuzmoClient;

// A Luzmo-compatible backend (Luzmo itself or the built-in server) as a sync source:
// aiconversation search with AIMessage and AIMessageAsset included, keyset-paged by
// (updated_at, id); see LuzmoSyncProtocol for the requests and the cursor.
class LuzmoSyncSource : public SyncSource
{
    Q_OBJECT
public:
    // Pages are sized so that each holds about `messageBudget` messages (parsing and storing a
    // page are one turn of the event loop): the first asks for `firstPageSize` conversations,
    // later ones follow the messages per conversation seen so far, within [1, maxPageSize].
    static constexpr int firstPageSize = 10;
    static constexpr int maxPageSize = 100;
    static constexpr int messageBudget = 500;
    static constexpr int idsPageSize = 1000;

    LuzmoSyncSource(LuzmoClient &client, QString backendId, QObject *parent = nullptr);

    // A fixed number of conversations per page (tests; the benchmark compares sizes).
    void setPageSize(int conversations) { m_fixedPageSize = conversations; }
    int pageSize() const { return m_fixedPageSize > 0 ? m_fixedPageSize : m_pageSize; }

    QString backendId() const override { return m_backendId; }
    void fetchPage(const QString &cursor) override;
    bool canListIds() const override { return true; }
    void fetchIds() override;
    void cancel() override;

private:
    void fetchIdsFrom(int offset);
    ApiCall *start(const QJsonObject &find);

    LuzmoClient &m_client;
    QString m_backendId;
    int m_fixedPageSize = 0;
    int m_pageSize = firstPageSize;
    QPointer<ApiCall> m_call;
    QSet<QString> m_ids;
};

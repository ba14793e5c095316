#pragma once

#include "app/charts/charterror.h"
#include "app/protocol/chartquery.h"
#include "models/expected.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class ApiCall;
class LuzmoClient;
class Repository;

// Fetches the data a line-chart asset shows and keeps it with the asset: reads the item
// (ItemReader, over the schema its slots imply, so no dataset lookup is needed), sends the data
// query to the backend's `data` resource (LuzmoClient::get("data")), and stores the answer as
// the asset's snapshot (ChartSnapshot format) with Repository::setAssetSnapshot(id, json, now).
// Each fetch ends with exactly one of fetched() or failed(), always after fetch() returned.
// Several assets may be fetched at once; asking again for an asset being fetched does nothing.
class ChartDataFetcher : public QObject
{
    Q_OBJECT
public:
    explicit ChartDataFetcher(Repository &repository, QObject *parent = nullptr);
    ~ChartDataFetcher() override;

    void fetch(qint64 assetId, LuzmoClient &client);
    bool isFetching(qint64 assetId) const { return m_calls.contains(assetId); }
    // Stops every fetch; each ends with failed() (ApiError Cancelled, in words).
    void abortAll();

    // The data query behind a line-chart item, or why there is none.
    static Expected<ChartQuery, ChartError> queryFor(const QJsonObject &item);

    // "now" for the snapshot's time; tests pin it. Invalid: the current time.
    void setNow(const QDateTime &now) { m_now = now; }

Q_SIGNALS:
    void fetched(qint64 assetId, const QByteArray &dataJson, const QDateTime &takenAt);
    void failed(qint64 assetId, const ChartError &error);

private:
    void onSucceeded(qint64 assetId, const ChartQuery &query, const QByteArray &body);
    void failLater(qint64 assetId, const ChartError &error);

    Repository &m_repository;
    QHash<qint64, QPointer<ApiCall>> m_calls;
    QDateTime m_now;
};

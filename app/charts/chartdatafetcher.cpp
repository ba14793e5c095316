#include "app/charts/chartdatafetcher.h"

#include "app/charts/chartdata.h"
#include "app/charts/chartsnapshot.h"
#include "app/charts/slotschema.h"
#include "app/luzmo/luzmoclient.h"
#include "app/net/apicall.h"
#include "app/protocol/datarequest.h"
#include "app/protocol/itemreader.h"
#include "models/repository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

ChartDataFetcher::ChartDataFetcher(Repository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
}

ChartDataFetcher::~ChartDataFetcher()
{
    // The calls are our children; they must not report to a half-destroyed fetcher.
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            disconnect(call, nullptr, this, nullptr);
    }
}

Expected<ChartQuery, ChartError> ChartDataFetcher::queryFor(const QJsonObject &item)
{
    if (const auto error = ChartData::check(item))
        return *error;
    ChartQuery query = ItemReader::read(item, { SlotSchema::fromItem(item) });
    if (!query.error.isEmpty())
        return ChartError { ChartError::Code::Malformed, query.error };
    return query;
}

void ChartDataFetcher::failLater(qint64 assetId, const ChartError &error)
{
    QTimer::singleShot(0, this, [this, assetId, error] { Q_EMIT failed(assetId, error); });
}

void ChartDataFetcher::fetch(qint64 assetId, LuzmoClient &client)
{
    if (isFetching(assetId))
        return;
    const StoreResult<Asset> asset = m_repository.asset(assetId);
    if (!asset) {
        failLater(assetId, { ChartError::Code::Store, asset.error().message });
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(asset->valueJson);
    auto query = queryFor(document.object());
    if (!query) {
        failLater(assetId, query.error());
        return;
    }
    const ChartQuery chartQuery = *query;
    ApiCall *call = client.get(u"data"_s, DataRequest::toJson(chartQuery.query), this);
    m_calls.insert(assetId, call);
    connect(call, &ApiCall::succeeded, this, [this, assetId, chartQuery](const QByteArray &body) {
        onSucceeded(assetId, chartQuery, body);
    });
    connect(call, &ApiCall::failed, this, [this, assetId](const ApiError &error) {
        m_calls.remove(assetId);
        Q_EMIT failed(assetId,
            { ChartError::Code::Backend,
                u"The chart's data could not be loaded: "_s + error.toString() });
    });
    // The call deletes itself once it has reported.
    connect(call, &ApiCall::succeeded, call, &QObject::deleteLater);
    connect(call, &ApiCall::failed, call, &QObject::deleteLater);
}

void ChartDataFetcher::onSucceeded(qint64 assetId, const ChartQuery &query, const QByteArray &body)
{
    m_calls.remove(assetId);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue data = document.object().value(u"data"_s);
    if (!data.isArray()) {
        Q_EMIT failed(assetId,
            { ChartError::Code::Backend,
                u"The backend's answer to the chart's data query holds no data rows."_s });
        return;
    }
    const QByteArray snapshot = ChartSnapshot::toJson(query, data.toArray());
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (StoreStatus error = m_repository.setAssetSnapshot(assetId, snapshot, now)) {
        Q_EMIT failed(assetId,
            { ChartError::Code::Store,
                u"The chart's data could not be saved: "_s + error->message });
        return;
    }
    Q_EMIT fetched(assetId, snapshot, now);
}

void ChartDataFetcher::abortAll()
{
    const auto calls = m_calls;
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->abort();
    }
}

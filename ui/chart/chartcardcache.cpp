#include "ui/chart/chartcardcache.h"

#include "app/charts/vegalitereader.h"
#include "models/repository.h"
#include "ui/chart/chartexport.h"
#include "ui/chart/chartrenderer.h"

#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

ChartCardCache::ChartCardCache(Repository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_fetcher(repository)
{
    connect(&m_fetcher, &ChartDataFetcher::fetched, this, &ChartCardCache::onFetched);
    connect(&m_fetcher, &ChartDataFetcher::failed, this, &ChartCardCache::onFailed);
}

bool ChartCardCache::isChartAsset(const QString &assetType)
{
    return assetType == u"item" || VegaLiteReader::isVegaLiteAsset(assetType);
}

ChartCardCache::Entry ChartCardCache::load(const QVariantMap &asset) const
{
    Entry e;
    Card &c = e.card;
    c.assetId = asset.value(u"id"_s).toLongLong();
    c.assetType = asset.value(u"type"_s).toString();
    c.valueJson = asset.value(u"valueJson"_s).toByteArray();
    e.dataJson = asset.value(u"dataJson"_s).toByteArray();
    c.takenAt = asset.value(u"dataTakenAt"_s).toDateTime();
    const QJsonObject item = QJsonDocument::fromJson(c.valueJson).object();
    if (VegaLiteReader::isVegaLiteAsset(c.assetType)) {
        // Drawn from the rows kept with it; whatever stops it is "not rendered", never a fetch.
        if (const auto spec = VegaLiteReader::spec(item)) {
            c.chartType = VegaLiteReader::chartType(*spec);
            c.title = VegaLiteReader::title(*spec);
        }
        auto parsed = ChartData::fromAsset(c.assetType, c.valueJson, e.dataJson);
        if (!parsed) {
            c.state = State::NotRendered;
            c.error = parsed.error();
            return e;
        }
        c.state = State::Ready;
        c.data = std::make_shared<const ChartData>(std::move(*parsed));
        return e;
    }
    c.chartType = item.value(u"type"_s).toString();
    const QJsonObject title = item.value(u"options"_s).toObject().value(u"title"_s).toObject();
    c.title
        = title.value(u"en"_s).toString(title.isEmpty() ? QString() : title.begin()->toString());
    if (const auto problem = ChartData::check(item)) {
        c.state = State::NotRendered;
        c.error = *problem;
        if (!QJsonDocument::fromJson(c.valueJson).isObject())
            c.error.message = tr("The chart definition cannot be read.");
        return e;
    }
    if (e.dataJson.isEmpty()) {
        c.state = State::Loading;
        return e;
    }
    auto parsed = ChartData::fromAsset(c.valueJson, e.dataJson);
    if (!parsed) {
        c.state = parsed.error().code == ChartError::Code::Malformed ? State::NotRendered
                                                                     : State::Failed;
        c.error = parsed.error();
        return e;
    }
    c.state = State::Ready;
    c.data = std::make_shared<const ChartData>(std::move(*parsed));
    return e;
}

ChartCardCache::Card ChartCardCache::card(const QVariantMap &asset)
{
    const qint64 id = asset.value(u"id"_s).toLongLong();
    const QDateTime takenAt = asset.value(u"dataTakenAt"_s).toDateTime();
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        it = m_entries.insert(id, load(asset));
    } else if (takenAt.isValid() && (!it->card.takenAt.isValid() || takenAt > it->card.takenAt)) {
        // The model's copy is newer than ours (never go back to an older one).
        Entry fresh = load(asset);
        fresh.fetchStarted = it->fetchStarted;
        *it = std::move(fresh);
    }
    if (it->card.state == State::Loading && !it->fetchStarted) {
        it->fetchStarted = true; // once automatically; later only after a failure's delay
        QTimer::singleShot(0, this, [this, id] { startFetch(id); });
    }
    return it->card;
}

void ChartCardCache::shown(qint64 assetId)
{
    auto it = m_entries.find(assetId);
    if (it == m_entries.end() || it->card.state != State::Failed || !it->retryAt.isValid()
        || QDateTime::currentDateTimeUtc() < it->retryAt)
        return;
    // Its data could not be had before (offline, the server down): try again now it is seen.
    it->retryAt = {};
    it->card.retriesLater = false;
    it->card.state = State::Loading;
    it->card.error = {};
    QTimer::singleShot(0, this, [this, assetId] { startFetch(assetId); });
}

ChartCardCache::Card ChartCardCache::card(qint64 assetId) const
{
    const auto it = m_entries.constFind(assetId);
    if (it == m_entries.constEnd()) {
        Card c;
        c.assetId = assetId;
        return c;
    }
    return it->card;
}

QImage ChartCardCache::image(qint64 assetId, QSize size, qreal devicePixelRatio)
{
    auto it = m_entries.find(assetId);
    if (it == m_entries.end() || it->card.state != State::Ready || !it->card.data || size.isEmpty())
        return QImage();
    if (it->image.isNull() || it->imageSize != size
        || it->image.devicePixelRatio() != devicePixelRatio || it->imageTakenAt != it->card.takenAt
        || it->imageMode != Theme::current().mode) {
        ++m_renderCount;
        it->image = ChartRenderer::image(*it->card.data, size, devicePixelRatio);
        it->imageSize = size;
        it->imageTakenAt = it->card.takenAt;
        it->imageMode = Theme::current().mode;
    }
    return it->image;
}

void ChartCardCache::refresh(qint64 assetId)
{
    auto it = m_entries.find(assetId);
    if (it == m_entries.end()) {
        const StoreResult<Asset> asset = m_repository.asset(assetId);
        if (!asset)
            return;
        Entry e = load({ { u"id"_s, asset->id }, { u"type"_s, asset->type },
            { u"valueJson"_s, asset->valueJson }, { u"dataJson"_s, asset->dataJson },
            { u"dataTakenAt"_s, asset->dataTakenAt } });
        it = m_entries.insert(assetId, std::move(e));
    }
    if (it->card.state == State::NotRendered || VegaLiteReader::isVegaLiteAsset(it->card.assetType))
        return; // nothing to fetch
    it->fetchStarted = true;
    if (it->card.state != State::Ready)
        it->card.state = State::Loading;
    it->card.error = {};
    Q_EMIT changed(assetId);
    startFetch(assetId);
}

void ChartCardCache::startFetch(qint64 assetId)
{
    QString backend = u"local"_s;
    const StoreResult<Asset> asset = m_repository.asset(assetId);
    if (asset) {
        if (const auto message = m_repository.message(asset->messageId)) {
            if (const auto conversation = m_repository.conversation(message->conversationId))
                backend = conversation->backend;
        }
    }
    LuzmoClient *client = m_provider ? m_provider(backend) : nullptr;
    if (!client) {
        onFailed(assetId,
            { ChartError::Code::Backend,
                backend == u"local"
                    ? tr("The built-in analyst server is not running, so this chart's data cannot "
                         "be loaded.")
                    : tr("This chart comes from a Luzmo account; set it up in Settings to load "
                         "the chart's data.") });
        return;
    }
    m_fetcher.fetch(assetId, *client);
}

void ChartCardCache::onFetched(qint64 assetId, const QByteArray &dataJson, const QDateTime &takenAt)
{
    Entry &e = m_entries[assetId];
    const StoreResult<Asset> asset = m_repository.asset(assetId);
    const QByteArray valueJson = asset ? asset->valueJson : e.card.valueJson;
    Entry fresh = load(
        { { u"id"_s, assetId }, { u"type"_s, e.card.assetType }, { u"valueJson"_s, valueJson },
            { u"dataJson"_s, dataJson }, { u"dataTakenAt"_s, takenAt } });
    fresh.fetchStarted = true;
    e = std::move(fresh);
    Q_EMIT changed(assetId);
}

void ChartCardCache::onFailed(qint64 assetId, const ChartError &error)
{
    Entry &e = m_entries[assetId];
    e.card.assetId = assetId;
    e.card.error = error;
    if (e.card.state != State::Ready) { // a failed refresh keeps the data it had
        e.card.state = State::Failed;
        e.retryAt = QDateTime::currentDateTimeUtc().addMSecs(m_retryDelayMs);
        e.card.retriesLater = true;
    }
    Q_EMIT changed(assetId);
}

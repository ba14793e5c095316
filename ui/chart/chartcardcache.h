#pragma once

#include "app/charts/chartdata.h"
#include "app/charts/chartdatafetcher.h"
#include "ui/theme/theme.h"

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <memory>

class LuzmoClient;
class Repository;

// What the transcript knows about each chart asset: its data (from the stored snapshot, or
// fetched once automatically when there is none), its state (loading, ready, failed, not
// rendered) and a rendered image per (asset id, snapshot time, size), so painting a row never
// builds a chart unless one of those (or the theme's mode) changed. Fetches go to the
// conversation's backend ("local" or "luzmo") through the client provider; a Looker chart carries
// its rows and is never fetched. Owned by the window; not a singleton.
class ChartCardCache : public QObject
{
    Q_OBJECT
public:
    using ClientProvider = std::function<LuzmoClient *(const QString &backendId)>;
    enum class State { Loading, Ready, Failed, NotRendered };
    struct Card
    {
        qint64 assetId = 0;
        State state = State::Loading;
        QString assetType; // "item" (Luzmo) or "looker-chart" (a Vega-Lite spec with its rows)
        QString chartType; // "line-chart", "bar-chart", … (empty when unreadable)
        QString title;
        ChartError error; // Failed, NotRendered; or a failed refresh of a Ready card
        bool retriesLater = false; // Failed with no data: fetched again when next shown
        QDateTime takenAt;
        std::shared_ptr<const ChartData> data;
        QByteArray valueJson;
    };

    explicit ChartCardCache(Repository &repository, QObject *parent = nullptr);

    // Whether an asset of this type gets a chart card: a Luzmo item, or a Looker chart (drawn
    // from the rows kept with it, never fetched).
    static bool isChartAsset(const QString &assetType);

    void setClientProvider(ClientProvider provider) { m_provider = std::move(provider); }
    // The card of a TranscriptModel::AssetsRole entry {id, type, valueJson, dataJson,
    // dataTakenAt}; a line chart without a snapshot starts its one automatic fetch.
    Card card(const QVariantMap &asset);
    // The card is on screen: a chart whose data could not be fetched, and whose retry delay
    // has passed, fetches it again.
    void shown(qint64 assetId);
    // The card as last seen (Loading for an unknown id).
    Card card(qint64 assetId) const;
    // The chart drawn at `size` logical pixels (null unless Ready); cached.
    QImage image(qint64 assetId, QSize size, qreal devicePixelRatio);
    // Fetches the asset's data again (Retry, Refresh).
    void refresh(qint64 assetId);
    ChartDataFetcher &fetcher() { return m_fetcher; }
    int renderCount() const { return m_renderCount; } // images drawn (for tests)
    // How long a chart whose data could not be fetched waits before card() fetches it again.
    void setRetryDelay(int milliseconds) { m_retryDelayMs = milliseconds; }

Q_SIGNALS:
    void changed(qint64 assetId);

private:
    struct Entry
    {
        Card card;
        QByteArray dataJson;
        bool fetchStarted = false;
        QDateTime retryAt; // Failed with no data: the next automatic fetch, when shown after it
        QImage image;
        QSize imageSize;
        QDateTime imageTakenAt;
        Theme::Mode imageMode = Theme::Mode::Light; // drawn in the theme of this mode
    };
    Entry load(const QVariantMap &asset) const;
    void startFetch(qint64 assetId);
    void onFetched(qint64 assetId, const QByteArray &dataJson, const QDateTime &takenAt);
    void onFailed(qint64 assetId, const ChartError &error);

    Repository &m_repository;
    ChartDataFetcher m_fetcher;
    ClientProvider m_provider;
    QHash<qint64, Entry> m_entries;
    int m_renderCount = 0;
    int m_retryDelayMs = 30000;
};

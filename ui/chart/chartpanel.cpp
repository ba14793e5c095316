#include "ui/chart/chartpanel.h"

#include "app/charts/vegalitereader.h"
#include "ui/chart/chartcard.h"
#include "ui/chart/chartexport.h"
#include "ui/chart/chartview.h"
#include "ui/theme/themedstylesheet.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ChartPanel::ChartPanel(ChartCardCache &cache, qint64 assetId, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_assetId(assetId)
    , m_stack(new QStackedWidget(this))
    , m_messagePage(new QWidget(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_json(new QPlainTextEdit(this))
    , m_chartPage(new QWidget(this))
    , m_caption(new QLabel(this))
{
    setObjectName(u"chartPanel"_s);
    ThemedStyleSheet::apply(this,
        u"#chartPanel { background: @chartBackground; } #chartCaption { color: @mutedText; }"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_status->setObjectName(u"chartStatus"_s);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    m_busy->setRange(0, 0); // busy indicator
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(220);
    m_retry->setObjectName(u"chartRetry"_s);
    m_json->setReadOnly(true);
    m_json->setObjectName(u"chartJson"_s);

    auto *message = new QVBoxLayout(m_messagePage);
    message->addStretch(1);
    message->addWidget(m_status);
    message->addWidget(m_busy, 0, Qt::AlignHCenter);
    message->addWidget(m_retry, 0, Qt::AlignHCenter);
    message->addWidget(m_json, 4);
    message->addStretch(1);

    auto *chartLayout = new QVBoxLayout(m_chartPage);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(10, 0, 10, 6);
    m_caption->setObjectName(u"chartCaption"_s);
    auto *reset = new QPushButton(tr("Reset Zoom"), this);
    reset->setObjectName(u"chartResetZoom"_s);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(u"chartRefresh"_s);
    bar->addWidget(m_caption, 1);
    bar->addWidget(reset);
    bar->addWidget(refresh);
    chartLayout->addLayout(bar);

    m_stack->addWidget(m_messagePage);
    m_stack->addWidget(m_chartPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_retry, &QPushButton::clicked, this, [this] { m_cache.refresh(m_assetId); });
    connect(refresh, &QPushButton::clicked, this, [this] { m_cache.refresh(m_assetId); });
    connect(reset, &QPushButton::clicked, this, [this] {
        if (m_view)
            m_view->resetZoom();
    });
    connect(&m_cache, &ChartCardCache::changed, this, [this](qint64 id) {
        if (id == m_assetId)
            update();
    });
    resize(960, 600);
    update();
}

void ChartPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && isWindow()) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ChartPanel::update()
{
    using S = ChartCardCache::State;
    const ChartCardCache::Card card = m_cache.card(m_assetId);
    setWindowTitle(card.title.isEmpty() ? tr("Chart") : card.title);
    // A Looker chart keeps its rows: there is nothing to refresh.
    if (auto *refresh = findChild<QPushButton *>(u"chartRefresh"_s))
        refresh->setVisible(!VegaLiteReader::isVegaLiteAsset(card.assetType));
    if (card.state == S::Ready && card.data) {
        if (!m_view || m_shownTakenAt != card.takenAt) {
            delete m_view;
            m_view = new ChartView(*card.data, m_chartPage);
            m_view->setTakenAt(card.takenAt);
            m_view->setRefreshable(!VegaLiteReader::isVegaLiteAsset(card.assetType));
            connect(
                m_view, &ChartView::refreshRequested, this, [this] { m_cache.refresh(m_assetId); });
            static_cast<QVBoxLayout *>(m_chartPage->layout())->insertWidget(0, m_view, 1);
            m_shownTakenAt = card.takenAt;
        }
        QString caption = ChartExport::caption(card.takenAt);
        if (!card.error.message.isEmpty())
            caption += u" — "_s + card.error.message;
        m_caption->setText(caption);
        m_stack->setCurrentWidget(m_chartPage);
        return;
    }
    m_busy->setVisible(card.state == S::Loading);
    m_retry->setVisible(card.state == S::Failed);
    m_json->setVisible(card.state == S::NotRendered);
    if (card.state == S::Loading) {
        m_status->setText(tr("Loading chart…"));
    } else if (card.state == S::Failed) {
        m_status->setText(card.error.message);
    } else {
        m_status->setText(card.error.message);
        const QJsonDocument document = QJsonDocument::fromJson(card.valueJson);
        m_json->setPlainText(document.isNull()
                ? QString::fromUtf8(card.valueJson)
                : QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    }
    m_stack->setCurrentWidget(m_messagePage);
}

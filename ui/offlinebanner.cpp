#include "ui/offlinebanner.h"

#include "app/core/connectivity.h"
#include "models/outbox.h"
#include "ui/outboxqueuelist.h"
#include "ui/theme/themedstylesheet.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const auto bannerStyle = uR"(
#offlineBanner { background: @warningFill; border: 1px solid @warningBorder; border-radius: 7px; }
#offlineBannerText { color: @warningText; }
#offlineBannerShowQueue { color: @warningText; text-decoration: underline; border: none; }
)"_s;
} // namespace

OfflineBanner::OfflineBanner(
    Connectivity &connectivity, Outbox &outbox, OutboxSender &sender, QWidget *parent)
    : QFrame(parent)
    , m_connectivity(connectivity)
    , m_outbox(outbox)
    , m_label(new QLabel(this))
    , m_showQueue(new QToolButton(this))
    , m_popup(new QFrame(this, Qt::Popup))
    , m_list(new OutboxQueueList(outbox, sender, m_popup))
{
    setObjectName(u"offlineBanner"_s);
    ThemedStyleSheet::apply(this, bannerStyle);
    m_label->setObjectName(u"offlineBannerText"_s);
    m_label->setWordWrap(true);
    m_showQueue->setObjectName(u"offlineBannerShowQueue"_s);
    m_showQueue->setText(tr("Show queue"));
    m_showQueue->setCursor(Qt::PointingHandCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_showQueue, 0, Qt::AlignVCenter);

    m_popup->setObjectName(u"outboxPopup"_s);
    m_popup->setFrameShape(QFrame::StyledPanel);
    auto *popupLayout = new QVBoxLayout(m_popup);
    popupLayout->setContentsMargins(0, 0, 0, 0);
    popupLayout->addWidget(m_list);

    connect(m_showQueue, &QToolButton::clicked, this, &OfflineBanner::showQueue);
    connect(m_list, &OutboxQueueList::failed, this, &OfflineBanner::failed);
    connect(&m_connectivity, &Connectivity::offlineChanged, this, &OfflineBanner::refresh);
    connect(&m_outbox, &Outbox::changed, this, &OfflineBanner::refresh);
    refresh();
}

void OfflineBanner::setNameResolver(NameResolver resolver)
{
    m_names = std::move(resolver);
    refresh();
}

QString OfflineBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

QString OfflineBanner::names(const QStringList &backendIds) const
{
    QStringList named;
    for (const QString &id : backendIds) {
        const QString name = m_names ? m_names(id) : QString();
        named << (name.isEmpty() ? id : name);
    }
    if (named.size() <= 1)
        return named.value(0);
    const QString last = named.takeLast();
    return tr("%1 and %2").arg(named.join(u", "_s), last);
}

void OfflineBanner::refresh()
{
    const QStringList failed = m_connectivity.failedBackends();
    const bool offline = !m_connectivity.isSystemOnline() || !failed.isEmpty();
    const StoreResult<int> count = m_outbox.queuedCount();
    const int waiting = count ? *count : 0;
    const QString questions = waiting == 1 ? tr("1 question will be sent")
        : waiting > 1                      ? tr("%1 questions will be sent").arg(waiting)
                                           : tr("questions you write will be sent");
    m_label->setText(m_connectivity.isSystemOnline()
            ? tr("You're offline — %1 when %2 is reachable again.").arg(questions, names(failed))
            : tr("You're offline — %1 when the network is back.").arg(questions));
    m_showQueue->setVisible(waiting > 0);
    if (waiting == 0)
        m_popup->hide();
    setVisible(offline);
}

void OfflineBanner::showQueue()
{
    m_list->refresh();
    m_popup->adjustSize();
    const QPoint below = m_showQueue->mapToGlobal(QPoint(m_showQueue->width(), 0));
    m_popup->move(below.x() - m_popup->width(), below.y() - m_popup->height() - 4);
    m_popup->show();
}

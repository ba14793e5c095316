#include "ui/chart/chartcard.h"

#include "ui/chart/chartexport.h"
#include "ui/theme/theme.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ChartCard", text);
}

QString typeWords(const QString &type)
{
    if (type.isEmpty())
        return tr("Chart");
    QString words = type;
    words.replace(u'-', u' ');
    words[0] = words[0].toUpper();
    return words;
}
} // namespace

QSize ChartCard::sizeFor(int availableWidth, const QFont &font, ChartCardCache::State state)
{
    const int width = std::clamp(availableWidth, std::min(minWidth, availableWidth), maxWidth);
    const QFontMetrics fm(Theme::smallFont(font));
    if (state == ChartCardCache::State::NotRendered)
        return { width, 2 * padding + 3 * fm.height() + 8 };
    const int chartHeight = std::max(180, width * 9 / 16);
    return { width, chartHeight + fm.height() + 2 * padding + 4 };
}

QRect ChartCard::chartRect(const QRect &card, const QFont &font)
{
    const QFontMetrics fm(Theme::smallFont(font));
    return card.adjusted(1, 1, -1, -(fm.height() + padding + 4));
}

QRect ChartCard::retryRect(const QRect &card, const QFont &font)
{
    QFont bold = Theme::smallFont(font);
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const QSize size(fm.horizontalAdvance(tr("↻  Retry")) + 20, fm.height() + 8);
    const QRect chart = chartRect(card, font);
    return QRect(QPoint(chart.center().x() - size.width() / 2, chart.center().y() + 18), size);
}

QString ChartCard::captionFor(const ChartCardCache::Card &card)
{
    using S = ChartCardCache::State;
    switch (card.state) {
    case S::Ready: {
        QStringList parts { ChartExport::caption(card.takenAt) };
        if (!card.error.message.isEmpty())
            parts << tr("refresh failed");
        parts << tr("click to explore");
        parts.removeAll(QString());
        return parts.join(u" · ");
    }
    case S::Loading:
        return tr("Loading chart…");
    case S::Failed:
        return typeWords(card.chartType) + (card.title.isEmpty() ? QString() : u" · " + card.title);
    case S::NotRendered:
        return tr("Not rendered here · click for its definition");
    }
    return QString();
}

void ChartCard::paint(QPainter *painter, const QRect &rect, const ChartCardCache::Card &card,
    const QImage &image, const QFont &font)
{
    using S = ChartCardCache::State;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath frame;
    frame.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->fillPath(frame, Theme::current().chartBackground);
    const QFont small = Theme::smallFont(font);
    const QFontMetrics fm(small);
    painter->setFont(small);

    if (card.state == S::NotRendered) {
        QFont bold = font;
        bold.setBold(true);
        const QRect inner = rect.adjusted(padding + 4, padding, -padding - 4, -padding);
        painter->setFont(bold);
        painter->setPen(Theme::current().text);
        const QString headline
            = typeWords(card.chartType) + (card.title.isEmpty() ? QString() : u" · " + card.title);
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop,
            QFontMetrics(bold).elidedText(headline, Qt::ElideRight, inner.width()));
        painter->setFont(small);
        painter->setPen(Theme::current().mutedText);
        painter->drawText(inner.adjusted(0, QFontMetrics(bold).height() + 4, 0, 0),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
            card.error.message + u'\n' + captionFor(card));
    } else {
        const QRect chart = chartRect(rect, font);
        if (card.state == S::Ready && !image.isNull()) {
            painter->save();
            painter->setClipPath(frame);
            painter->drawImage(chart, image);
            painter->restore();
        } else if (card.state == S::Loading) {
            painter->setPen(Theme::current().mutedText);
            QFont italic = small;
            italic.setItalic(true);
            painter->setFont(italic);
            painter->drawText(chart, Qt::AlignCenter, tr("Loading chart…"));
            painter->setFont(small);
        } else if (card.state == S::Failed) {
            painter->setPen(Theme::current().errorText);
            const QRect text = chart.adjusted(24, 0, -24, -chart.height() / 2 + 10);
            const QString message = card.retriesLater ? card.error.message + u'\n'
                    + tr("The data will be fetched again later; Retry fetches it now.")
                                                      : card.error.message;
            painter->drawText(text, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, message);
            const QRect retry = retryRect(rect, font);
            QPainterPath button;
            button.addRoundedRect(QRectF(retry).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            painter->fillPath(button, Theme::current().surface);
            painter->setPen(Theme::current().controlBorder);
            painter->drawPath(button);
            QFont bold = small;
            bold.setBold(true);
            painter->setFont(bold);
            painter->setPen(Theme::current().link);
            painter->drawText(retry, Qt::AlignCenter, tr("↻  Retry"));
            painter->setFont(small);
        }
        painter->setPen(Theme::current().mutedText);
        const QRect caption(rect.left() + padding + 4, chart.bottom() + 3,
            rect.width() - 2 * padding - 8, fm.height() + padding);
        painter->drawText(caption, Qt::AlignRight | Qt::AlignVCenter,
            fm.elidedText(captionFor(card), Qt::ElideLeft, caption.width()));
    }
    painter->setPen(Theme::current().border);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(frame);
    painter->restore();
}

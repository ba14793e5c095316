#include "ui/messagechrome.h"

#include "ui/theme/theme.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int errorPadding = 8;
constexpr int actionPaddingX = 10;
constexpr int actionPaddingY = 3;
constexpr int footerDot = 7; // the progress line's dot, and its gap to the text

// "Reading dataset" → "Reading dataset…"; a line that ends in punctuation stays as it is.
QString progressLine(const QString &progress)
{
    const QString line = progress.simplified();
    if (line.isEmpty() || line.back().isPunct())
        return line;
    return line + u'…';
}
} // namespace

MessageChrome::State MessageChrome::describe(
    MessageStatus status, bool user, const QString &error, bool hasText, const QString &progress)
{
    State state;
    const bool arriving = status == MessageStatus::Pending || status == MessageStatus::Streaming;
    if (user && status == MessageStatus::Pending) {
        // A question waiting in the outbox: written while its backend was offline.
        state.status = Status::Interrupted;
        state.statusText = tr("Queued — will be sent when back online");
    } else if (arriving) {
        if (!hasText) {
            state.status = Status::Thinking;
            state.statusText = tr("Thinking…");
        }
        const QString line = progressLine(progress);
        if (!line.isEmpty())
            state.footerText = line;
        else if (hasText)
            state.footerText = tr("Writing…");
    } else if (status == MessageStatus::Interrupted) {
        state.status = Status::Interrupted;
        state.statusText = error.isEmpty() ? tr("Interrupted") : tr("Interrupted: %1").arg(error);
        state.retry = !user;
    } else if (status == MessageStatus::Error) {
        state.status = Status::Error;
        state.statusText = error.isEmpty() ? tr("The answer failed.") : error;
        state.retry = !user;
    }
    return state;
}

QString MessageChrome::actionText()
{
    return tr("↻  Retry");
}

QString MessageChrome::showAllText(qint64 bytes)
{
    return tr("Show all (%1)")
        .arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat));
}

QSize MessageChrome::headerSize(const QFont &font, const QString &name, const QString &time)
{
    const QFont small = Theme::smallFont(font);
    QFont bold = small;
    bold.setBold(true);
    const int width = QFontMetrics(bold).horizontalAdvance(name)
        + QFontMetrics(small).horizontalAdvance(u"  ·  "_s + time) + 2;
    return QSize(width, QFontMetrics(bold).height());
}

QSize MessageChrome::statusSize(const QFont &font, const State &state, int maxWidth, int textWidth)
{
    const QFontMetrics fm(Theme::smallFont(font));
    if (state.status == Status::Thinking) {
        // Room for the longest step of the animation, so it never changes the layout.
        return QSize(fm.horizontalAdvance(tr("Thinking") + u"..."_s) + 2, fm.height());
    }
    if (state.status == Status::None)
        return {};
    const int pad = state.status == Status::Error ? errorPadding : 0;
    const QRect r = fm.boundingRect(
        QRect(0, 0, maxWidth - 2 * pad, 100000), Qt::TextWordWrap, state.statusText);
    QSize size(r.width() + 2 * pad, r.height() + 2 * pad);
    if (state.status == Status::Error)
        size.setWidth(std::max(size.width(), textWidth));
    return size;
}

QSize MessageChrome::actionSize(const QFont &font)
{
    const QFontMetrics fm(Theme::smallFont(font));
    return QSize(
        fm.horizontalAdvance(actionText()) + 2 * actionPaddingX, fm.height() + 2 * actionPaddingY);
}

QSize MessageChrome::showAllSize(const QFont &font, const QString &text)
{
    QFont bold = Theme::smallFont(font);
    bold.setBold(true);
    const QFontMetrics fm(bold);
    return QSize(fm.horizontalAdvance(text) + 2, fm.height());
}

QSize MessageChrome::footerSize(const QFont &font, const QString &footerText)
{
    if (footerText.isEmpty())
        return {};
    const QFontMetrics fm(Theme::smallFont(font));
    return QSize(2 * footerDot + fm.horizontalAdvance(footerText) + 2, fm.height());
}

void MessageChrome::paintHeader(QPainter *painter, const QFont &font, const QString &name,
    const QString &time, const QRect &rect)
{
    const QFont headerFont = Theme::smallFont(font);
    QFont bold = headerFont;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Theme::current().text);
    const int nameWidth = QFontMetrics(bold).horizontalAdvance(name);
    painter->drawText(QRect(rect.left(), rect.top(), nameWidth + 1, rect.height()),
        Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->setFont(headerFont);
    painter->setPen(Theme::current().mutedText);
    painter->drawText(
        rect.adjusted(nameWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, u"  ·  "_s + time);
}

void MessageChrome::paintStatus(
    QPainter *painter, const QFont &font, const State &state, int pulse, const QRect &rect)
{
    if (state.status == Status::None)
        return;
    QFont small = Theme::smallFont(font);
    QRect textRect = rect;
    QColor colour = Theme::current().mutedText;
    QString text = state.statusText;
    switch (state.status) {
    case Status::Error: {
        QPainterPath box;
        box.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        painter->fillPath(box, Theme::current().errorFill);
        painter->setPen(Theme::current().errorBorder);
        painter->drawPath(box);
        textRect = rect.adjusted(errorPadding, errorPadding, -errorPadding, -errorPadding);
        colour = Theme::current().errorText;
        break;
    }
    case Status::Interrupted:
        colour = Theme::current().interruptedText;
        break;
    case Status::Thinking:
        small.setItalic(true);
        text = tr("Thinking") + QString(1 + pulse % 3, u'.');
        break;
    case Status::None:
        break;
    }
    painter->setFont(small);
    painter->setPen(colour);
    painter->drawText(textRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
}

void MessageChrome::paintAction(QPainter *painter, const QFont &font, const QRect &rect)
{
    QPainterPath box;
    box.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter->fillPath(box, Theme::current().surface);
    painter->setPen(Theme::current().controlBorder);
    painter->drawPath(box);
    QFont bold = Theme::smallFont(font);
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Theme::current().link);
    painter->drawText(rect, Qt::AlignCenter, actionText());
}

void MessageChrome::paintShowAll(
    QPainter *painter, const QFont &font, const QString &text, const QRect &rect)
{
    if (rect.isEmpty())
        return;
    QFont bold = Theme::smallFont(font);
    bold.setBold(true);
    bold.setUnderline(true);
    painter->setFont(bold);
    painter->setPen(Theme::current().link);
    painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, text);
}

void MessageChrome::paintFooter(
    QPainter *painter, const QFont &font, const QString &footerText, int pulse, const QRect &rect)
{
    if (footerText.isEmpty())
        return;
    // A dot that breathes with the animation, then the progress line.
    QColor dot = Theme::current().accent;
    dot.setAlphaF(0.35 + 0.65 * ((pulse % 3) / 2.0));
    const QRectF dotRect(
        rect.left() + 1, rect.center().y() - footerDot / 2.0 + 1, footerDot - 1, footerDot - 1);
    painter->setPen(Qt::NoPen);
    painter->setBrush(dot);
    painter->drawEllipse(dotRect);
    QFont small = Theme::smallFont(font);
    small.setItalic(true);
    painter->setFont(small);
    painter->setPen(Theme::current().mutedText);
    painter->drawText(
        rect.adjusted(2 * footerDot, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, footerText);
}

#include "ui/assetcard.h"

#include "ui/theme/theme.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int iconGap = 10;
constexpr int lineGap = 2;

QFont titleFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    return f;
}
} // namespace

QSize AssetCard::sizeFor(const AssetSummary &summary, const QFont &font, int maxWidth)
{
    const QFontMetrics title(titleFont(font));
    const QFontMetrics note(Theme::smallFont(font));
    const int textWidth = std::max(
        title.horizontalAdvance(summary.headline()), note.horizontalAdvance(summary.note()));
    const int natural = 2 * padding + iconSize + iconGap + textWidth + 2;
    const int width = std::min(maxWidth, std::max(preferredWidth, natural));
    const int textHeight = title.height() + lineGap + note.height();
    return { width, std::max(iconSize, textHeight) + 2 * padding };
}

void AssetCard::paint(
    QPainter *painter, const QRect &rect, const AssetSummary &summary, const QFont &font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath card;
    card.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->fillPath(card, Theme::current().surface);
    painter->setPen(Theme::current().border);
    painter->drawPath(card);

    const QRect icon(
        rect.left() + padding, rect.top() + (rect.height() - iconSize) / 2, iconSize, iconSize);
    QPainterPath iconBox;
    iconBox.addRoundedRect(QRectF(icon), 7, 7);
    painter->fillPath(
        iconBox, summary.isReadable() ? Theme::current().accentFill : Theme::current().warningFill);
    paintGlyph(painter, icon.adjusted(8, 8, -8, -8), summary.kind());

    const int textLeft = icon.right() + 1 + iconGap;
    const int textWidth = std::max(0, rect.right() - padding - textLeft);
    const QFont bold = titleFont(font);
    const QFont small = Theme::smallFont(font);
    const QFontMetrics title(bold);
    const QFontMetrics note(small);
    const int textHeight = title.height() + lineGap + note.height();
    const int top = rect.top() + (rect.height() - textHeight) / 2;
    painter->setFont(bold);
    painter->setPen(Theme::current().text);
    painter->drawText(QRect(textLeft, top, textWidth, title.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        title.elidedText(summary.headline(), Qt::ElideRight, textWidth));
    painter->setFont(small);
    painter->setPen(Theme::current().mutedText);
    painter->drawText(QRect(textLeft, top + title.height() + lineGap, textWidth, note.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        note.elidedText(summary.note(), Qt::ElideRight, textWidth));
    painter->restore();
}

void AssetCard::paintGlyph(QPainter *painter, const QRect &r, AssetSummary::Kind kind)
{
    using Kind = AssetSummary::Kind;
    const QRectF g(r);
    QPen pen(kind == Kind::Unreadable ? Theme::current().warningText : Theme::current().accent, 2,
        Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const auto at = [&g](qreal x, qreal y) {
        return QPointF(g.left() + x * g.width(), g.top() + y * g.height());
    };
    switch (kind) {
    case Kind::Line:
    case Kind::Area: {
        QPainterPath line;
        line.moveTo(at(0, 0.85));
        line.lineTo(at(0.33, 0.45));
        line.lineTo(at(0.6, 0.65));
        line.lineTo(at(1, 0.1));
        if (kind == Kind::Area) {
            QPainterPath area = line;
            area.lineTo(at(1, 1));
            area.lineTo(at(0, 1));
            area.closeSubpath();
            QColor fill = Theme::current().accent;
            fill.setAlpha(70);
            painter->fillPath(area, fill);
        }
        painter->drawPath(line);
        break;
    }
    case Kind::Bar:
    case Kind::Other: {
        const qreal slot = g.width() / 3;
        const qreal barWidth = slot * 0.68;
        const qreal heights[] = { 0.5, 0.95, 0.7 };
        for (int i = 0; i < 3; ++i) {
            const qreal h = heights[i] * g.height();
            painter->fillRect(
                QRectF(g.left() + i * slot + (slot - barWidth) / 2, g.bottom() - h, barWidth, h),
                Theme::current().accent);
        }
        break;
    }
    case Kind::Pie:
        painter->drawEllipse(g);
        painter->setBrush(Theme::current().accent);
        painter->drawPie(g, 90 * 16, -110 * 16);
        break;
    case Kind::Scatter:
        painter->setBrush(Theme::current().accent);
        for (const QPointF &p : { at(0.15, 0.8), at(0.4, 0.5), at(0.65, 0.6), at(0.85, 0.2) })
            painter->drawEllipse(p, 1.6, 1.6);
        break;
    case Kind::Number: {
        QFont f = painter->font();
        f.setBold(true);
        f.setPixelSize(int(g.height()));
        painter->setFont(f);
        painter->drawText(g.adjusted(-4, -2, 4, 2), Qt::AlignCenter, u"#"_s);
        break;
    }
    case Kind::Table:
        painter->drawRect(g);
        painter->drawLine(at(0, 0.33), at(1, 0.33));
        painter->drawLine(at(0, 0.66), at(1, 0.66));
        painter->drawLine(at(0.5, 0), at(0.5, 1));
        break;
    case Kind::Map:
        painter->drawEllipse(g.adjusted(1, 1, -1, -1));
        painter->drawLine(at(0.5, 0.05), at(0.5, 0.95));
        painter->drawLine(at(0.05, 0.5), at(0.95, 0.5));
        break;
    case Kind::Unreadable: {
        QPainterPath triangle;
        triangle.moveTo(at(0.5, 0));
        triangle.lineTo(at(1, 0.95));
        triangle.lineTo(at(0, 0.95));
        triangle.closeSubpath();
        painter->drawPath(triangle);
        painter->drawLine(at(0.5, 0.35), at(0.5, 0.6));
        painter->drawPoint(at(0.5, 0.78));
        break;
    }
    }
}

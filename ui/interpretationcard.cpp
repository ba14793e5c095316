#include "ui/interpretationcard.h"

#include "ui/theme/theme.h"

#include <QFontMetrics>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {
constexpr int padX = 8;
constexpr int padY = 3;
constexpr int gap = 6;

} // namespace

QStringList InterpretationCard::tokensOf(const QByteArray &valueJson)
{
    QStringList tokens;
    for (const QJsonValue &t :
        QJsonDocument::fromJson(valueJson).object().value(u"tokens").toArray()) {
        if (const QString text = t.toString().trimmed(); !text.isEmpty())
            tokens << text;
    }
    return tokens;
}

QList<QRect> InterpretationCard::chipRects(
    const QStringList &tokens, const QFont &font, int maxWidth)
{
    const QFontMetrics fm(Theme::smallFont(font));
    const int height = fm.height() + 2 * padY;
    QList<QRect> rects;
    int x = 0;
    int y = 0;
    for (const QString &token : tokens) {
        const int width = std::min(maxWidth, fm.horizontalAdvance(token) + 2 * padX + 2);
        if (x > 0 && x + width > maxWidth) {
            x = 0;
            y += height + gap;
        }
        rects << QRect(x, y, width, height);
        x += width + gap;
    }
    return rects;
}

QSize InterpretationCard::sizeFor(const QStringList &tokens, const QFont &font, int maxWidth)
{
    QRect all;
    for (const QRect &r : chipRects(tokens, font, maxWidth))
        all = all.united(r);
    return all.size();
}

void InterpretationCard::paint(
    QPainter *painter, const QRect &rect, const QStringList &tokens, const QFont &font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont small = Theme::smallFont(font);
    const QFontMetrics fm(small);
    painter->setFont(small);
    const QList<QRect> rects = chipRects(tokens, font, rect.width());
    const Theme::Tokens &theme = Theme::current();
    for (int i = 0; i < rects.size(); ++i) {
        const QRect r = rects.at(i).translated(rect.topLeft());
        QPainterPath path;
        path.addRoundedRect(QRectF(r), r.height() / 2.0, r.height() / 2.0);
        painter->fillPath(path, i == 0 ? theme.chipDataset : theme.chip); // the dataset first
        painter->setPen(theme.chipText);
        painter->drawText(r.adjusted(padX, 0, -padX, 0), Qt::AlignCenter,
            fm.elidedText(tokens.at(i), Qt::ElideRight, r.width() - 2 * padX + 1));
    }
    painter->restore();
}

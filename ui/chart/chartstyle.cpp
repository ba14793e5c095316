#include "ui/chart/chartstyle.h"

#include "ui/theme/theme.h"

QList<QColor> ChartStyle::palette()
{
    return { Theme::accent(), QColor(0xe8, 0x83, 0x3a), QColor(0x2f, 0xa3, 0x6b),
        QColor(0x8a, 0x5c, 0xd6), QColor(0xd6, 0x4f, 0x4f), QColor(0x1f, 0x9e, 0xa8),
        QColor(0xc9, 0xa2, 0x27), QColor(0x6b, 0x72, 0x80) };
}

QColor ChartStyle::seriesColour(int index)
{
    const QList<QColor> colours = palette();
    return colours.at(index % colours.size());
}

QColor ChartStyle::text()
{
    return Theme::text();
}

QColor ChartStyle::mutedText()
{
    return { 0x5f, 0x67, 0x72 };
}

QColor ChartStyle::grid()
{
    return { 0xe6, 0xe9, 0xee };
}

QColor ChartStyle::axisLine()
{
    return { 0xb8, 0xbe, 0xc7 };
}

QFont ChartStyle::titleFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 1.2);
    f.setBold(true);
    return f;
}

QFont ChartStyle::labelFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.9);
    return f;
}

QFont ChartStyle::axisTitleFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.92);
    f.setBold(true);
    return f;
}

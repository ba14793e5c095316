#include "ui/chart/chartstyle.h"

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

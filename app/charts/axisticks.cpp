#include "app/charts/axisticks.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

AxisTicks::Scale AxisTicks::nice(double low, double high, int maxTicks)
{
    Scale s;
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0;
        high = 1;
    }
    if (low > high)
        std::swap(low, high);
    if (low >= 0 && low < 0.6 * high)
        low = 0; // a line of positive values reads best from zero, unless that flattens it
    if (high <= 0 && high > 0.6 * low)
        high = 0;
    if (high - low < 1e-12 && low > 0)
        low = 0; // one positive value: show it against zero
    if (high - low < 1e-12) {
        const double pad = low == 0 ? 1 : std::abs(low) * 0.1;
        low -= pad;
        high += pad;
    }
    maxTicks = std::max(2, maxTicks);
    const double raw = (high - low) / maxTicks;
    const double power = std::pow(10, std::floor(std::log10(raw)));
    double step = power * 10;
    for (const double m : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (power * m >= raw) {
            step = power * m;
            break;
        }
    }
    s.step = step;
    s.min = std::floor(low / step + 1e-9) * step;
    s.max = std::ceil(high / step - 1e-9) * step;
    for (double v = s.min; v <= s.max + step / 2; v += step)
        s.ticks << (std::abs(v) < step * 1e-9 ? 0.0 : v);
    return s;
}

AxisTicks::Scale AxisTicks::within(double min, double max, int maxTicks)
{
    Scale s;
    s.min = std::min(min, max);
    s.max = std::max(min, max);
    if (!std::isfinite(s.min) || !std::isfinite(s.max) || s.max - s.min < 1e-12)
        return s;
    maxTicks = std::max(2, maxTicks);
    const double raw = (s.max - s.min) / maxTicks;
    const double power = std::pow(10, std::floor(std::log10(raw)));
    s.step = power * 10;
    for (const double m : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (power * m >= raw) {
            s.step = power * m;
            break;
        }
    }
    for (double v = std::ceil(s.min / s.step - 1e-9) * s.step; v <= s.max + s.step * 1e-9;
         v += s.step)
        s.ticks << (std::abs(v) < s.step * 1e-9 ? 0.0 : v);
    return s;
}

QString AxisTicks::periodLabel(const QDateTime &start, int level)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QDate d = start.toUTC().date();
    switch (level) {
    case 1:
        return QString::number(d.year());
    case 2:
        return u"Q"_s + QString::number((d.month() - 1) / 3 + 1) + u' ' + QString::number(d.year());
    case 3:
        return english.toString(d, u"MMM yyyy"_s);
    default:
        return english.toString(d, u"d MMM yyyy"_s);
    }
}

QString AxisTicks::periodTick(const QDateTime &start, int level, bool withYear)
{
    if (withYear || level <= 2)
        return periodLabel(start, level);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QDate d = start.toUTC().date();
    return english.toString(d, level == 3 ? u"MMM"_s : u"d MMM"_s);
}

int AxisTicks::labelStride(int count, int labelWidth, int axisWidth)
{
    if (count <= 1 || axisWidth <= 0)
        return 1;
    const int slot = labelWidth + 12;
    for (const int stride : { 1, 2, 3, 4, 6, 12, 24, 52, 104 }) {
        if ((count + stride - 1) / stride * slot <= axisWidth)
            return stride;
    }
    return std::max(1, count * slot / axisWidth + 1);
}

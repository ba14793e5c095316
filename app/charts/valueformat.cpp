#include "app/charts/valueformat.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QString grouped(double value, int decimals, bool thousands)
{
    QLocale english(QLocale::English, QLocale::UnitedStates);
    if (!thousands)
        english.setNumberOptions(QLocale::OmitGroupSeparator);
    return english.toString(value, 'f', decimals);
}

int decimalsFor(double step)
{
    if (step <= 0 || !std::isfinite(step))
        return 0;
    return std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
}
} // namespace

ValueFormat ValueFormat::fromMeasure(const QJsonObject &content)
{
    ValueFormat f;
    const QString aggregation = content.value(u"aggregationFunc"_s).toString();
    const bool counting = aggregation == u"count" || aggregation == u"distinctcount";
    if (!counting) {
        f.currency = content.value(u"currency"_s).toString();
        if (f.currency.isEmpty() && content.value(u"subtype"_s).toString() == u"currency")
            f.currency = u"$"_s;
    }
    // D3: [,][.precision][type]
    static const QRegularExpression d3(uR"(^(,)?(?:\.(\d+))?([a-z%])?$)"_s);
    const QRegularExpressionMatch m = d3.match(content.value(u"format"_s).toString().trimmed());
    if (m.hasMatch()) {
        f.thousands = !m.captured(1).isEmpty() || m.captured(0).isEmpty();
        if (!m.captured(2).isEmpty())
            f.decimals = std::min(m.captured(2).toInt(), 6);
        if (m.captured(3) == u"%")
            f.percent = true;
        else if (m.captured(3) == u"d")
            f.decimals = 0;
    }
    if (counting && f.decimals < 0)
        f.decimals = 0;
    return f;
}

QString ValueFormat::format(double value) const
{
    if (!std::isfinite(value))
        return u"–"_s;
    if (percent)
        return grouped(value * 100, decimals < 0 ? 1 : decimals, thousands) + u'%';
    const int places = decimals >= 0 ? decimals : (std::abs(value) < 100 ? 2 : 0);
    const QString number = grouped(std::abs(value), places, thousands);
    return (value < 0 ? u"-"_s : QString()) + currency + number;
}

QString ValueFormat::tick(double value, double step) const
{
    if (!std::isfinite(value))
        return QString();
    if (percent)
        return grouped(value * 100, decimalsFor(step * 100), thousands) + u'%';
    if (std::abs(value) < std::abs(step) * 1e-9)
        return currency + u'0';
    const double magnitude = std::max(std::abs(value), std::abs(step));
    double scale = 1;
    QString suffix;
    if (magnitude >= 1e9) {
        scale = 1e9;
        suffix = u"B"_s;
    } else if (magnitude >= 1e6) {
        scale = 1e6;
        suffix = u"M"_s;
    } else if (magnitude >= 1e5) {
        scale = 1e3;
        suffix = u"K"_s;
    }
    const QString number = grouped(std::abs(value) / scale, decimalsFor(step / scale), thousands);
    return (value < 0 ? u"-"_s : QString()) + currency + number + suffix;
}

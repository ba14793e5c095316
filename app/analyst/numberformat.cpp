#include "app/analyst/numberformat.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

QString NumberFormat::number(double value, bool currency)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const double magnitude = std::abs(value);
    const bool whole = magnitude >= 100 || std::abs(value - std::round(value)) < 1e-9;
    QString text = english.toString(magnitude, 'f', whole ? 0 : 2);
    if (currency)
        text.prepend(u'$');
    if (value < 0 && text != u"0" && text != u"$0")
        text.prepend(u'-');
    return text;
}

QString NumberFormat::ratio(double ratio)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(ratio * 100.0, 'f', 1) + u'%';
}

QString NumberFormat::signedPercent(double percent)
{
    const QString text
        = QLocale(QLocale::English, QLocale::UnitedStates).toString(percent, 'f', 1) + u'%';
    return percent >= 0 ? u'+' + text : text;
}

QString NumberFormat::period(const QDate &start, int level)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    switch (level) {
    case 1:
        return QString::number(start.year());
    case 2:
        return u"Q"_s + QString::number((start.month() - 1) / 3 + 1) + u' '
            + QString::number(start.year());
    case 3:
        return english.toString(start, u"MMMM yyyy"_s);
    case 4:
        return u"the week of "_s + english.toString(start, u"d MMMM yyyy"_s);
    default:
        return english.toString(start, u"d MMMM yyyy"_s);
    }
}

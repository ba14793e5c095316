#include "app/charts/vegalitefield.h"

#include "app/charts/isotime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
qint64 utcMs(const QDate &date, const QTime &time = QTime(0, 0))
{
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

QStringList VegaLiteField::path(const QString &field)
{
    // After vega-util's splitAccessPath: `\` escapes the next character, `.` separates,
    // `[…]` holds one part, quoted or not.
    QStringList parts;
    QString current;
    bool bracket = false;
    QChar quote;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (c == u'\\' && i + 1 < field.size()) {
            current += field.at(++i);
        } else if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                current += c;
        } else if (bracket && (c == u'\'' || c == u'"')) {
            quote = c;
        } else if (!bracket && c == u'.') {
            if (!current.isEmpty())
                parts << current;
            current.clear();
        } else if (!bracket && c == u'[') {
            if (!current.isEmpty())
                parts << current;
            current.clear();
            bracket = true;
        } else if (bracket && c == u']') {
            parts << current;
            current.clear();
            bracket = false;
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        parts << current;
    return parts;
}

QString VegaLiteField::displayName(const QString &field)
{
    QString name;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == u'\\' && i + 1 < field.size())
            ++i;
        name += field.at(i);
    }
    return name;
}

QJsonValue VegaLiteField::lookup(const QJsonObject &row, const QString &field)
{
    if (const auto flat = row.constFind(displayName(field)); flat != row.constEnd())
        return *flat;
    QJsonValue value = row;
    for (const QString &part : path(field)) {
        if (value.isObject()) {
            value = value.toObject().value(part);
        } else if (value.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            value = ok ? value.toArray().at(index) : QJsonValue(QJsonValue::Undefined);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return value;
}

std::optional<double> VegaLiteField::number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

namespace {
constexpr double maxTimestampMs = 8.64e15;
} // namespace

std::optional<qint64> VegaLiteField::time(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return std::nullopt;
        // A whole number of four digits is a year (Looker's year dimension), else a timestamp.
        if (d == std::floor(d) && d >= 1000 && d <= 9999)
            return utcMs(QDate(int(d), 1, 1));
        // Vega-Lite's times are JavaScript Dates: at most 8.64e15 ms either side of 1970 (ECMA-262
        // 21.4.1.1). Past that it is no time (and no qint64 either: fuzz_vegalite sent 8.02e34).
        if (std::abs(d) > maxTimestampMs)
            return std::nullopt;
        return qint64(d);
    }
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    static const QRegularExpression year(u"^(\\d{4})$"_s);
    static const QRegularExpression quarter(u"^(\\d{4})[- ]?Q([1-4])$"_s);
    static const QRegularExpression month(u"^(\\d{4})-(\\d{1,2})$"_s);
    static const QRegularExpression zone(u"(Z|[+-]\\d{2}:?\\d{2})$"_s);
    if (const auto m = year.match(text); m.hasMatch())
        return utcMs(QDate(m.captured(1).toInt(), 1, 1));
    if (const auto m = quarter.match(text); m.hasMatch())
        return utcMs(QDate(m.captured(1).toInt(), (m.captured(2).toInt() - 1) * 3 + 1, 1));
    if (const auto m = month.match(text); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        return d.isValid() ? std::optional(utcMs(d)) : std::nullopt;
    }
    QString iso = text;
    if (iso.size() > 10 && iso.at(10) == u' ')
        iso[10] = u'T';
    if (zone.match(iso.mid(10)).hasMatch()) {
        if (const std::optional<qint64> at = IsoTime::utcMsecs(iso))
            return at;
    }
    const QDate date = QDate::fromString(iso.left(10), Qt::ISODate);
    if (date.isValid() && iso.size() == 10)
        return utcMs(date);
    if (date.isValid() && iso.at(10) == u'T') {
        const QTime at = QTime::fromString(iso.mid(11), Qt::ISODateWithMs);
        if (at.isValid())
            return utcMs(date, at);
    }
    if (const auto n = number(value))
        return time(QJsonValue(*n));
    return std::nullopt;
}

std::optional<VegaLiteField::TimeUnit> VegaLiteField::timeUnit(
    const QJsonValue &value, bool *periodic)
{
    QString unit
        = value.isObject() ? value.toObject().value(u"unit"_s).toString() : value.toString();
    if (unit.startsWith(u"utc"))
        unit = unit.mid(3);
    if (unit.isEmpty())
        return std::nullopt;
    using F = TimeUnit::Finest;
    // Longest first, so "dayofyear" is not read as "day".
    static const std::pair<QStringView, F> parts[] = { { u"milliseconds", F::Millis },
        { u"dayofyear", F::Day }, { u"quarter", F::Quarter }, { u"minutes", F::Minutes },
        { u"seconds", F::Seconds }, { u"month", F::Month }, { u"hours", F::Hours },
        { u"year", F::Year }, { u"week", F::Week }, { u"date", F::Day }, { u"day", F::Day } };
    TimeUnit result;
    bool any = false;
    QStringView rest(unit);
    while (!rest.isEmpty()) {
        bool matched = false;
        for (const auto &[name, finest] : parts) {
            if (rest.startsWith(name)) {
                result.finest = any ? std::max(result.finest, finest) : finest;
                rest = rest.mid(name.size());
                matched = any = true;
                break;
            }
        }
        if (!matched)
            return std::nullopt;
    }
    if (periodic)
        *periodic = !unit.startsWith(u"year");
    switch (result.finest) {
    case F::Year:
        result.level = 1;
        break;
    case F::Quarter:
        result.level = 2;
        break;
    case F::Month:
        result.level = 3;
        break;
    case F::Week:
        result.level = 4;
        break;
    default:
        result.level = 5;
    }
    return result;
}

qint64 VegaLiteField::truncate(qint64 ms, const TimeUnit &unit)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QDate d = at.date();
    const QTime t = at.time();
    using F = TimeUnit::Finest;
    switch (unit.finest) {
    case F::Year:
        return utcMs(QDate(d.year(), 1, 1));
    case F::Quarter:
        return utcMs(QDate(d.year(), (d.month() - 1) / 3 * 3 + 1, 1));
    case F::Month:
        return utcMs(QDate(d.year(), d.month(), 1));
    case F::Week:
        return utcMs(d.addDays(-(d.dayOfWeek() % 7))); // Qt: Monday 1 … Sunday 7
    case F::Day:
        return utcMs(d);
    case F::Hours:
        return utcMs(d, QTime(t.hour(), 0));
    case F::Minutes:
        return utcMs(d, QTime(t.hour(), t.minute()));
    case F::Seconds:
        return utcMs(d, QTime(t.hour(), t.minute(), t.second()));
    case F::Millis:
        break;
    }
    return ms;
}

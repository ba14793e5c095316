#include "app/charts/isotime.h"

#include <QDate>
#include <QDateTime>

namespace {

// The number written in text[from, from + count), or -1 if any of them is not an ASCII digit.
int digits(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ` with every field in its usual range;
// nullopt for anything else, which Qt then decides.
std::optional<qint64> plainUtc(QStringView text)
{
    const qsizetype size = text.size();
    if ((size != 20 && size != 24) || text[4] != u'-' || text[7] != u'-' || text[10] != u'T'
        || text[13] != u':' || text[16] != u':' || text[size - 1] != u'Z')
        return std::nullopt;
    if (size == 24 && text[19] != u'.')
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    const int msec = size == 24 ? digits(text, 20, 3) : 0;
    if (year < 1 || msec < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59 || !QDate::isValid(year, month, day))
        return std::nullopt;
    constexpr qint64 julianDayOf1970 = 2440588;
    constexpr qint64 msecsPerDay = 86400000;
    const qint64 days = QDate(year, month, day).toJulianDay() - julianDayOf1970;
    return days * msecsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + msec;
}

} // namespace

std::optional<qint64> IsoTime::utcMsecs(const QString &text)
{
    if (const std::optional<qint64> plain = plainUtc(text))
        return plain;
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    return at.toMSecsSinceEpoch();
}

#include "app/datasets/valueparser.h"

#include <QString>

#include <chrono>

namespace {
bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

// Reads exactly `count` digits at `pos`.
bool digits(QStringView s, qsizetype pos, int count, int *value)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s[pos + i];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c.unicode() - '0');
    }
    *value = v;
    return true;
}
} // namespace

std::optional<double> ValueParser::number(QStringView s)
{
    qsizetype i = 0;
    const qsizetype n = s.size();
    if (n == 0)
        return std::nullopt;
    if (s[0] == u'-' || s[0] == u'+')
        ++i;
    const qsizetype intStart = i;
    while (i < n && isDigit(s[i]))
        ++i;
    const qsizetype intDigits = i - intStart;
    qsizetype fracDigits = 0;
    if (i < n && s[i] == u'.') {
        ++i;
        const qsizetype fracStart = i;
        while (i < n && isDigit(s[i]))
            ++i;
        fracDigits = i - fracStart;
    }
    if (intDigits + fracDigits == 0)
        return std::nullopt;
    if (i < n && (s[i] == u'e' || s[i] == u'E')) {
        ++i;
        if (i < n && (s[i] == u'-' || s[i] == u'+'))
            ++i;
        const qsizetype expStart = i;
        while (i < n && isDigit(s[i]))
            ++i;
        if (i == expStart)
            return std::nullopt;
    } else if (fracDigits == 0 && intDigits > 1 && s[intStart] == u'0') {
        return std::nullopt; // "007": a code
    }
    if (i != n)
        return std::nullopt;
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

// std::chrono's civil calendar rather than QDate: it counts year 0 (1 BC), as ISO 8601 does,
// where QDate has none, and "0000-01-01" is a date the parser accepts.
qint64 ValueParser::daysFromCivil(int year, int month, int day)
{
    using namespace std::chrono;
    const year_month_day date { std::chrono::year(year), std::chrono::month(unsigned(month)),
        std::chrono::day(unsigned(day)) };
    return sys_days(date).time_since_epoch().count();
}

void ValueParser::civilFromDays(qint64 days, int *year, int *month, int *day)
{
    using namespace std::chrono;
    const year_month_day date { sys_days(std::chrono::days(days)) };
    *year = int(date.year());
    *month = int(unsigned(date.month()));
    *day = int(unsigned(date.day()));
}

int ValueParser::daysInMonth(int year, int month)
{
    using namespace std::chrono;
    const year_month_day_last last { std::chrono::year(year),
        month_day_last(std::chrono::month(unsigned(month))) };
    return int(unsigned(last.day()));
}

std::optional<ValueParser::DateTime> ValueParser::dateTime(QStringView s)
{
    int year = 0, month = 0, day = 0;
    if (s.size() < 10 || !digits(s, 0, 4, &year) || s[4] != u'-' || !digits(s, 5, 2, &month)
        || s[7] != u'-' || !digits(s, 8, 2, &day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;
    DateTime result;
    qint64 seconds = daysFromCivil(year, month, day) * 86400;
    if (s.size() == 10) {
        result.seconds = seconds;
        return result;
    }
    if (s[10] != u'T' && s[10] != u't' && s[10] != u' ')
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!digits(s, 11, 2, &hour) || s.size() < 16 || s[13] != u':' || !digits(s, 14, 2, &minute))
        return std::nullopt;
    qsizetype i = 16;
    if (i < s.size() && s[i] == u':') {
        if (!digits(s, i + 1, 2, &second))
            return std::nullopt;
        i += 3;
        if (i < s.size() && s[i] == u'.') {
            ++i;
            const qsizetype start = i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
            if (i == start)
                return std::nullopt;
        }
    }
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    seconds += hour * 3600 + minute * 60 + second;
    if (i < s.size()) {
        if (s[i] == u'Z' || s[i] == u'z') {
            ++i;
        } else if (s[i] == u'+' || s[i] == u'-') {
            const int sign = s[i] == u'+' ? 1 : -1;
            int oh = 0, om = 0;
            if (!digits(s, i + 1, 2, &oh))
                return std::nullopt;
            i += 3;
            if (i < s.size() && s[i] == u':')
                ++i;
            if (!digits(s, i, 2, &om) || oh > 23 || om > 59)
                return std::nullopt;
            i += 2;
            seconds -= sign * (oh * 3600 + om * 60);
        }
        if (i != s.size())
            return std::nullopt;
    }
    result.seconds = seconds;
    result.level = second != 0 ? 8 : minute != 0 ? 7 : hour != 0 ? 6 : 5;
    return result;
}

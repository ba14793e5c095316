#include "app/analyst/periodparser.h"

#include "app/analyst/numberformat.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

int yearOf(const QString &word)
{
    bool ok = false;
    const int year = word.toInt(&ok);
    return ok && word.size() == 4 && year >= 1900 && year <= 2100 ? year : 0;
}

// "15", "15th", "1st" → 15, 1; else 0.
int dayOf(const QString &word)
{
    QString digits = word;
    for (const char16_t *suffix : { u"st", u"nd", u"rd", u"th" }) {
        if (digits.endsWith(QString::fromUtf16(suffix)))
            digits.chop(2);
    }
    bool ok = false;
    const int day = digits.toInt(&ok);
    return ok && digits.size() <= 2 && day >= 1 && day <= 31 ? day : 0;
}

int smallNumber(const QString &word)
{
    static const QHash<QString, int> names = { { u"two"_s, 2 }, { u"three"_s, 3 }, { u"four"_s, 4 },
        { u"five"_s, 5 }, { u"six"_s, 6 }, { u"twelve"_s, 12 } };
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok && n >= 1 && n <= 100 && word.size() <= 3)
        return n;
    return names.value(word, 0);
}

DatePeriod make(const QDate &from, const QDate &to, const QString &label)
{
    return DatePeriod { from, to, label };
}

} // namespace

PeriodParser::PeriodParser(QDate first, QDate last)
    : m_first(first)
    , m_last(last)
{
}

int PeriodParser::levelOf(const QString &word)
{
    static const QHash<QString, int> levels = { { u"year"_s, 1 }, { u"years"_s, 1 },
        { u"quarter"_s, 2 }, { u"quarters"_s, 2 }, { u"month"_s, 3 }, { u"months"_s, 3 },
        { u"week"_s, 4 }, { u"weeks"_s, 4 }, { u"day"_s, 5 }, { u"days"_s, 5 } };
    return levels.value(word, 0);
}

int PeriodParser::levelOf(const DatePeriod &p)
{
    const qint64 days = p.from.daysTo(p.to);
    if (days <= 1)
        return 5;
    if (days % 7 == 0 && p.from.dayOfWeek() == 1 && days < 28)
        return 4;
    if (p.from.day() != 1 || p.to.day() != 1)
        return 5;
    if (p.from.month() == 1 && p.to.month() == 1)
        return 1;
    const int months = (p.to.year() - p.from.year()) * 12 + p.to.month() - p.from.month();
    return months % 3 == 0 && (p.from.month() - 1) % 3 == 0 ? 2 : 3;
}

int PeriodParser::monthOf(const QString &word)
{
    static const QStringList names
        = { u"january"_s, u"february"_s, u"march"_s, u"april"_s, u"may"_s, u"june"_s, u"july"_s,
              u"august"_s, u"september"_s, u"october"_s, u"november"_s, u"december"_s };
    for (int m = 0; m < 12; ++m) {
        if (word == names.at(m) || (word.size() == 3 && names.at(m).startsWith(word))
            || (word == u"sept" && m == 8))
            return m + 1;
    }
    return 0;
}

DatePeriod PeriodParser::containing(const QDate &date, int level)
{
    switch (level) {
    case 1: {
        const QDate from(date.year(), 1, 1);
        return make(from, from.addYears(1), NumberFormat::period(from, 1));
    }
    case 2: {
        const QDate from(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
        return make(from, from.addMonths(3), NumberFormat::period(from, 2));
    }
    case 3: {
        const QDate from(date.year(), date.month(), 1);
        return make(from, from.addMonths(1), NumberFormat::period(from, 3));
    }
    case 4: {
        const QDate from = date.addDays(1 - date.dayOfWeek());
        return make(from, from.addDays(7), NumberFormat::period(from, 4));
    }
    default:
        return make(date, date.addDays(1), NumberFormat::period(date, 5));
    }
}

DatePeriod PeriodParser::previous(const DatePeriod &p, int level)
{
    QDate from;
    switch (level) {
    case 1:
        from = p.from.addYears(p.from.year() - p.to.year());
        break;
    case 2:
    case 3: {
        const int months = (p.to.year() - p.from.year()) * 12 + p.to.month() - p.from.month();
        from = p.from.addMonths(-months);
        break;
    }
    default:
        from = p.from.addDays(p.to.daysTo(p.from));
        break;
    }
    const DatePeriod one = containing(from, level);
    return one.to == p.from
        ? one
        : make(from, p.from, span(one, containing(p.from.addDays(-1), level)).label);
}

DatePeriod PeriodParser::span(const DatePeriod &a, const DatePeriod &b)
{
    const QDate from = std::min(a.from, b.from);
    const QDate to = std::max(a.to, b.to);
    const DatePeriod &first = a.from <= b.from ? a : b;
    const DatePeriod &last = a.to >= b.to ? a : b;
    return make(
        from, to, first.label == last.label ? first.label : first.label + u" – "_s + last.label);
}

DatePeriod PeriodParser::latestComplete(int level) const
{
    const DatePeriod current = containing(m_last, level);
    if (m_last.addDays(1) == current.to)
        return current;
    return containing(current.from.addDays(-1), level);
}

PeriodParser::Result PeriodParser::read(const QStringList &w, QList<bool> &used) const
{
    Result result;
    const auto at = [&w](qsizetype i) { return i >= 0 && i < w.size() ? w.at(i) : QString(); };
    const auto use = [&used](qsizetype from, qsizetype count) {
        for (qsizetype k = from; k < from + count && k < used.size(); ++k)
            used[k] = true;
    };
    const QDate anchor = m_last.isValid() ? m_last : QDate::currentDate();
    for (qsizetype i = 0; i < w.size(); ++i) {
        if (used.at(i))
            continue;
        const QString word = w.at(i);
        // Relative periods.
        if (word == u"last" || word == u"past" || word == u"previous" || word == u"prior") {
            const int n = smallNumber(at(i + 1));
            const int level = levelOf(at(n > 0 ? i + 2 : i + 1));
            if (level > 0 && n > 0) {
                const DatePeriod end = containing(anchor, level);
                DatePeriod p = end;
                for (int k = 1; k < n; ++k)
                    p = span(previous(p, level), p);
                p.to = anchor.addDays(1);
                p.label = u"the last "_s + QString::number(n) + u' ' + at(i + 2) + u" ("_s
                    + NumberFormat::period(p.from, 5) + u" – "_s + NumberFormat::period(anchor, 5)
                    + u')';
                result.periods.append(p);
                result.relative = true;
                use(i, 3);
                continue;
            }
            if (level > 0) {
                DatePeriod p = latestComplete(level);
                p.label = u"last "_s + at(i + 1) + u" ("_s + p.label + u')';
                result.periods.append(p);
                result.relative = true;
                use(i, 2);
                continue;
            }
        }
        const bool toDate = at(i + 1) == u"to" && at(i + 2) == u"date";
        if ((word == u"this" || word == u"current") && levelOf(at(i + 1)) > 0) {
            DatePeriod p = containing(anchor, levelOf(at(i + 1)));
            p.label = u"this "_s + at(i + 1) + u" ("_s + p.label + u')';
            result.periods.append(p);
            result.relative = true;
            use(i, 2);
            continue;
        }
        if ((levelOf(word) > 0 && levelOf(word) <= 3 && toDate) || word == u"ytd" || word == u"mtd"
            || word == u"qtd") {
            const int level = word == u"ytd" ? 1
                : word == u"qtd"             ? 2
                : word == u"mtd"             ? 3
                                             : levelOf(word);
            DatePeriod p = containing(anchor, level);
            p.to = anchor.addDays(1);
            p.label = levelOf(word) > 0 ? word + u" to date ("_s : u"to date ("_s;
            p.label += NumberFormat::period(p.from, 5) + u" – "_s + NumberFormat::period(anchor, 5)
                + u')';
            result.periods.append(p);
            result.relative = true;
            use(i, word.size() <= 3 ? 1 : 3);
            continue;
        }
        // Quarters: "q3 2023", "2023 q3", "q3".
        if (word.size() == 2 && word.at(0) == u'q' && word.at(1) >= u'1' && word.at(1) <= u'4') {
            const int q = word.at(1).digitValue();
            int year = yearOf(at(i + 1));
            qsizetype n = 1;
            if (year)
                n = 2;
            else if (yearOf(at(i - 1)) && !used.value(i - 1)) {
                year = yearOf(at(i - 1));
                use(i - 1, 1);
            } else {
                year = anchor.year() - (QDate(anchor.year(), q * 3 - 2, 1) > anchor ? 1 : 0);
            }
            result.periods.append(containing(QDate(year, q * 3 - 2, 1), 2));
            use(i, n);
            continue;
        }
        // Months with an optional day: "june 2022", "15 march 2024", "march 15 2024", "june".
        if (const int month = monthOf(word)) {
            int day = dayOf(at(i - 1)) && !used.value(i - 1) ? dayOf(at(i - 1)) : 0;
            const qsizetype dayBefore = day ? i - 1 : -1;
            qsizetype next = i + 1;
            if (!day && dayOf(at(next)) && !yearOf(at(next))) {
                day = dayOf(at(next));
                ++next;
            }
            int year = yearOf(at(next));
            if (word == u"may" && !year && !day)
                continue; // "may" the verb
            if (year)
                ++next;
            else
                year = anchor.year() - (QDate(anchor.year(), month, 1) > anchor ? 1 : 0);
            if (day && QDate(year, month, day).isValid())
                result.periods.append(containing(QDate(year, month, day), 5));
            else
                result.periods.append(containing(QDate(year, month, 1), 3));
            if (dayBefore >= 0)
                use(dayBefore, 1);
            use(i, next - i);
            continue;
        }
        // Years, and ISO dates split into words: "2024 03 15", "2024 03".
        if (const int year = yearOf(word)) {
            const QString m = at(i + 1);
            const QString d = at(i + 2);
            bool okm = false;
            const int month = m.size() == 2 ? m.toInt(&okm) : 0;
            if (okm && month >= 1 && month <= 12) {
                bool okd = false;
                const int day = d.size() == 2 ? d.toInt(&okd) : 0;
                if (okd && QDate(year, month, day).isValid()) {
                    result.periods.append(containing(QDate(year, month, day), 5));
                    use(i, 3);
                } else {
                    result.periods.append(containing(QDate(year, month, 1), 3));
                    use(i, 2);
                }
                continue;
            }
            result.periods.append(containing(QDate(year, 1, 1), 1));
            use(i, 1);
        }
    }
    for (const QString &word : w) {
        if (word == u"from" || word == u"between" || word == u"through" || word == u"until"
            || word == u"thru" || word == u"since")
            result.range = true;
    }
    if (m_first.isValid() && result.periods.size() == 1 && w.contains(u"since"_s)) {
        DatePeriod &p = result.periods.first();
        p.label = u"since "_s + p.label;
        p.to = m_last.addDays(1);
    }
    return result;
}

#pragma once

#include "app/analyst/intent.h"

#include <QDate>
#include <QList>
#include <QStringList>

// Reads the periods a question names: a year ("2024"), a quarter ("Q3 2023"), a month
// ("June 2022", "jun 2022"), a day ("15 March 2024", "2024-03-15"), ranges ("from 2023 to 2024",
// "between … and …") and relative periods ("last quarter", "last 3 months", "this year",
// "year to date") anchored at the dataset's latest date. Pure.
class PeriodParser
{
public:
    // first/last: the dataset's first and latest dates (relative periods need `last`).
    PeriodParser(QDate first, QDate last);

    struct Result
    {
        QList<DatePeriod> periods; // in question order
        bool range = false; // "from … to …", "between … and …": one span
        bool relative = false; // a relative period was named
    };
    // Marks the words it reads as used.
    Result read(const QStringList &words, QList<bool> &used) const;

    // The period of `level` (1 year … 5 day) that contains `date`.
    static DatePeriod containing(const QDate &date, int level);
    // The period just before `p` with the same length in `level` units.
    static DatePeriod previous(const DatePeriod &p, int level);
    // The span from a's start to b's end, labelled "a – b".
    static DatePeriod span(const DatePeriod &a, const DatePeriod &b);
    // 1 year … 5 day for a time word ("quarter", "months"), or 0.
    static int levelOf(const QString &word);
    // The level whose periods `p` is made of: 1 year … 5 day.
    static int levelOf(const DatePeriod &p);
    // 1 … 12 for a month name or its three-letter form, or 0.
    static int monthOf(const QString &word);

private:
    DatePeriod latestComplete(int level) const;

    QDate m_first;
    QDate m_last;
};

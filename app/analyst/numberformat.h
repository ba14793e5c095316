#pragma once

#include <QDate>
#include <QString>

// How the analyst writes numbers and periods: thousands separators, "$" only for columns
// flagged as currency, percentages with one decimal, periods named at their datetime level.
class NumberFormat
{
public:
    // 1234567.8 → "1,234,568"; |v| < 100 keeps two decimals ("12.35"); currency → "$1,234,568".
    static QString number(double value, bool currency = false);
    // 0.3456 → "34.6%"
    static QString ratio(double ratio);
    // 12.34 → "+12.3%", -5 → "-5.0%"
    static QString signedPercent(double percent);
    // Period start at a Luzmo level: 1 "2024", 2 "Q1 2024", 3 "March 2024", 4 "week of
    // 4 March 2024", 5 "4 March 2024".
    static QString period(const QDate &start, int level);
};

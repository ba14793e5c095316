#pragma once

#include <QStringView>

#include <optional>

// Parses the text of one CSV cell as a number or a point in time, the way type inference and
// import agree on. Pure and allocation-free; callers trim first.
class ValueParser
{
public:
    struct DateTime
    {
        qint64 seconds = 0; // Unix seconds, UTC
        int level = 5; // 5 day (no time part), 6 hour, 7 minute, 8 second: the finest non-zero part
    };

    // Integers and decimals, with a sign and an exponent: "12", "-3.5", "1e6", ".5".
    // Integers with a leading zero ("007") are codes, not numbers.
    static std::optional<double> number(QStringView text);

    // "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+hh:mm|-hh:mm]", "YYYY-MM-DD HH:MM:SS".
    // Without an offset, the time is taken as UTC.
    static std::optional<DateTime> dateTime(QStringView text);

    // Days since 1970-01-01 of a proleptic Gregorian date with a year 0 (no validation: a day
    // past the month's end counts on into the next).
    static qint64 daysFromCivil(int year, int month, int day);
    // The same date again from a day number.
    static void civilFromDays(qint64 days, int *year, int *month, int *day);
    static int daysInMonth(int year, int month);
};

#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

// The value-level rules of a Vega-Lite field, pure: reading `field` from a data row, date-time
// values and time units. Sources (vega/vega-lite): src/channeldef.ts `FieldDefBase.field` ("dots
// and brackets access nested objects … use \\ to escape dots and brackets"), `TypeMixins.type`
// (temporal values are date-time strings or timestamp numbers), site/docs/transform/timeunit.md
// (the time units; a "utc" prefix; TimeUnitParams {unit, utc}).
class VegaLiteField
{
public:
    // A parsed time unit: only the non-periodic ones ("year…") place points on a time line.
    struct TimeUnit
    {
        enum class Finest { Year, Quarter, Month, Week, Day, Hours, Minutes, Seconds, Millis };
        Finest finest = Finest::Millis;
        int level = 5; // the datetime level drawn: 1 year, 2 quarter, 3 month, 4 week, 5 day
    };

    // The access path of `field`: "a.b" → [a, b], "a\\.b" → [a.b], "a['b']" / "a[0]" → [a, b/0].
    static QStringList path(const QString &field);
    // The field's name as people read it: the escapes removed ("orders\\.month" → "orders.month").
    static QString displayName(const QString &field);
    // The value of `field` in `row`: the flat key first (Looker rows are keyed "view.field"),
    // then the nested path. Undefined when neither is there.
    static QJsonValue lookup(const QJsonObject &row, const QString &field);
    // A number from a number or a numeric string ("1234.5"); nullopt otherwise.
    static std::optional<double> number(const QJsonValue &value);
    // UTC milliseconds from a date-time value: ISO dates and date-times ("2024-01-01",
    // "2024-01-01 10:00", "…T10:00:00Z"), "2024-01" (a month), "2024" or 2024 (a year),
    // "2024-Q1" (a quarter), or a timestamp number. A value without a zone is read as UTC.
    static std::optional<qint64> time(const QJsonValue &value);
    // `timeUnit` as a string ("yearmonth", "utcyearmonth") or {unit, utc}. nullopt for a unit
    // that is not one of Vega-Lite's; `periodic` is set for the periodic ones ("month", "day").
    static std::optional<TimeUnit> timeUnit(const QJsonValue &value, bool *periodic = nullptr);
    // `ms` moved to the start of its period of `unit` (weeks start on Sunday, as in Vega-Lite).
    static qint64 truncate(qint64 ms, const TimeUnit &unit);
};

#pragma once

// Looker chart parts (Vega-Lite specs) for tst_vegalitereader and tst_vegalitespec: epoch
// milliseconds, JSON from text, a chart part with its DataResult rows, and points as text.
//
// Expected epoch milliseconds are worked by hand: 1970-01-01 → 2024-01-01 is 54 years with 13
// leap days (1972 … 2020), 54 × 365 + 13 = 19723 days; × 86 400 000 = 1 704 067 200 000.
// February 2024 is 31 days later (1 706 745 600 000), March 29 more (2024 is a leap year:
// 1 709 251 200 000); 2023-01-01 is 365 days earlier (1 672 531 200 000); Sunday 2023-12-31,
// the start of the week of Wednesday 2024-01-03, is one day before 2024 (1 703 980 800 000).
#include "app/charts/chartdata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace VegaLiteFixture {
inline constexpr qint64 jan2024 = 1704067200000;
inline constexpr qint64 feb2024 = 1706745600000;
inline constexpr qint64 mar2024 = 1709251200000;
inline constexpr qint64 jan2023 = 1672531200000;
inline constexpr qint64 day = 86400000;

QJsonObject object(const char *json);
QJsonArray array(const char *json);
// A Looker chart part with `spec` as its vegaConfig string and, when given, the DataResult rows.
QJsonObject part(const QJsonObject &spec, const QJsonArray &rows, bool withData = true);
// Each point as "series@x=y" (x as a whole number: ms, category index or value).
QStringList points(const ChartData &d);
QString at(const QString &series, qint64 x, const QString &y);

inline constexpr const char *monthly = R"({"mark": "line", "encoding": {
    "x": {"field": "orders.created_month", "type": "temporal", "timeUnit": "yearmonth"},
    "y": {"field": "orders.total", "type": "quantitative"}}})";
inline constexpr const char *monthlyRows
    = R"([{"orders.created_month": "2024-01", "orders.total": 10},
    {"orders.created_month": "2024-02", "orders.total": 20},
    {"orders.created_month": "2024-03", "orders.total": 30}])";
} // namespace VegaLiteFixture

#pragma once

#include "app/charts/charterror.h"
#include "app/protocol/chartquery.h"
#include "models/expected.h"

#include <QJsonArray>
#include <QJsonObject>

// The data an asset shows, as stored with it (Asset::dataJson) so it renders offline:
//   {"version": 1,
//    "columns": [{"slot": "x-axis", "label": "Date", "level": 3},
//                {"slot": "legend", "label": "Region"},
//                {"slot": "measure", "label": "Revenue", "aggregation": "sum"}],
//    "rows": [["2024-01-01T00:00:00.000Z", "EMEA", 1234.5], …],
//    "query": {"queries": [ …the Luzmo `data` query that produced the rows… ]},
//    "rowCount": 36}
// Rows are exactly the `data` answer: the dimension values (x, then legend), then one value per
// measure; a missing value is null. The time it was taken is Asset::dataTakenAt.
struct ChartSnapshot
{
    QJsonArray columns;
    QJsonArray rows;
    QJsonObject query;

    static QByteArray toJson(const ChartQuery &query, const QJsonArray &rows);
    // Accepts the stored form, or a bare `data` answer {"data": [...]}.
    static Expected<ChartSnapshot, ChartError> fromJson(const QByteArray &json);
};

#pragma once

#include "app/datasets/dataquery.h"
#include "models/expected.h"

#include <QJsonObject>

// The JSON form of a data query in Luzmo's `data` resource (`get` with find.queries), both
// ways: the local server reads it, and the chart view sends it.
//   {"queries": [{
//      "dimensions": [{"column_id": "...", "dataset_id": "...", "level": 3}],
//      "measures":   [{"column_id": "...", "dataset_id": "...", "aggregation": {"type": "sum"}},
//                     {"formula": "SUM({ds:a}) - SUM({ds:b})", "dataset_id": "..."}],
//      "where":      [{"expression": "? = ?", "parameters": [{"column_id": "...",
//                                                             "dataset_id": "..."}, "EMEA"]}],
//      "order":      [{"column_id": "...", "dataset_id": "...", "order": "asc"}],
//      "limit":      {"by": 1000, "offset": 0}}]}
// The expressions understood are "? = ?", "? != ?", "? in ?", "? > ?", "? >= ?", "? < ?" and
// "? <= ?". The answer is {"data": [[dimension values..., measure values...], ...]}.
namespace DataRequest {
Expected<DataQuery, QString> fromJson(const QJsonObject &find);
QJsonObject toJson(const DataQuery &query);
} // namespace DataRequest

#include "app/charts/chartsnapshot.h"

#include "app/protocol/datarequest.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

QByteArray ChartSnapshot::toJson(const ChartQuery &query, const QJsonArray &rows)
{
    QJsonArray columns;
    if (!query.xLabel.isEmpty() || !query.query.dimensions.isEmpty()) {
        QJsonObject x { { u"slot"_s, u"x-axis"_s }, { u"label"_s, query.xLabel } };
        if (query.level > 0)
            x.insert(u"level"_s, query.level);
        columns << x;
    }
    if (query.hasLegend)
        columns << QJsonObject { { u"slot"_s, u"legend"_s }, { u"label"_s, query.legendLabel } };
    for (int i = 0; i < query.measureLabels.size(); ++i) {
        columns << QJsonObject { { u"slot"_s, u"measure"_s },
            { u"label"_s, query.measureLabels.at(i) },
            { u"aggregation"_s, aggregationName(query.measureAggregations.value(i)) } };
    }
    const QJsonObject snapshot { { u"version"_s, 1 }, { u"columns"_s, columns },
        { u"rows"_s, rows }, { u"query"_s, DataRequest::toJson(query.query) },
        { u"rowCount"_s, rows.size() } };
    return QJsonDocument(snapshot).toJson(QJsonDocument::Compact);
}

Expected<ChartSnapshot, ChartError> ChartSnapshot::fromJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return ChartError { ChartError::Code::NoSnapshot, u"This chart has no stored data yet."_s };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        return ChartError { ChartError::Code::BadSnapshot,
            u"The chart's stored data is not valid JSON (%1)."_s.arg(parseError.errorString()) };
    }
    const QJsonObject o = document.object();
    ChartSnapshot snapshot;
    const QJsonValue rows = o.contains(u"rows"_s) ? o.value(u"rows"_s) : o.value(u"data"_s);
    if (!rows.isArray()) {
        return ChartError { ChartError::Code::BadSnapshot,
            u"The chart's stored data has no rows."_s };
    }
    snapshot.rows = rows.toArray();
    snapshot.columns = o.value(u"columns"_s).toArray();
    snapshot.query = o.value(u"query"_s).toObject();
    return snapshot;
}

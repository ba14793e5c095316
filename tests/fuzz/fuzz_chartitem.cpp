// A stored chart asset read back to draw it: the input is the item's JSON, a NUL byte, then its
// data snapshot (ChartSnapshot format). ChartData::fromAsset draws it; ItemReader reads the
// item's data query as the chart view does. Properties: the snapshot written for that query and
// the rows reads back with the same rows, and the query's JSON form reads back to the same JSON
// (DataRequest, as the built-in server reads what the chart view sends).
#include "app/charts/chartdata.h"
#include "app/charts/chartsnapshot.h"
#include "app/charts/slotschema.h"
#include "app/protocol/datarequest.h"
#include "app/protocol/itemreader.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input = FuzzInput::view(data, size);
    const qsizetype nul = input.indexOf('\0');
    const QByteArray valueJson = (nul < 0 ? input : input.first(nul)).toByteArray();
    const QByteArray dataJson = nul < 0 ? QByteArray() : input.sliced(nul + 1).toByteArray();

    if (const auto chart = ChartData::fromAsset(QString(), valueJson, dataJson)) {
        for (const ChartSeries &series : chart->series) {
            for (const QPointF &point : series.points)
                chart->xText(point.x());
        }
    }

    const QJsonObject item = QJsonDocument::fromJson(valueJson).object();
    const ChartQuery query = ItemReader::read(item, { SlotSchema::fromItem(item) });
    if (!query.error.isEmpty())
        return 0;
    const auto snapshot = ChartSnapshot::fromJson(dataJson);
    const QJsonArray rows = snapshot ? snapshot->rows : QJsonArray();
    const auto again = ChartSnapshot::fromJson(ChartSnapshot::toJson(query, rows));
    FuzzInput::check(again.has_value(), "a written snapshot does not read back");
    FuzzInput::check(QJsonDocument(again->rows).toJson() == QJsonDocument(rows).toJson(),
        "a written snapshot reads back other rows");
    const QJsonObject sent = DataRequest::toJson(query.query);
    if (const auto read = DataRequest::fromJson(sent)) {
        FuzzInput::check(DataRequest::toJson(*read) == sent, "a data query reads back changed",
            QString::fromUtf8(QJsonDocument(sent).toJson()),
            QString::fromUtf8(QJsonDocument(DataRequest::toJson(*read)).toJson()));
    }
    return 0;
}

// A Looker chart part drawn natively (VegaLiteReader, VegaLiteSpec). The first byte's low bit
// chooses what the rest is: a whole stored chart part as JSON (its vegaConfig, a string or an
// object, and its kept data), or the text of vegaConfig alone (with its inline data.values).
// What is drawn is then read back as people see it (xText of every point).
#include "app/charts/vegalitereader.h"
#include "app/charts/vegalitespec.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView input = FuzzInput::view(data, size);
    const bool wholePart = FuzzInput::takeByte(input) & 1;
    QJsonObject part;
    if (wholePart) {
        part = QJsonDocument::fromJson(input.toByteArray()).object();
    } else {
        part.insert(QStringLiteral("result"),
            QJsonObject { { QStringLiteral("vegaConfig"), QString::fromUtf8(input) } });
    }
    VegaLiteReader::check(part);
    const auto spec = VegaLiteReader::spec(part);
    if (spec) {
        VegaLiteReader::title(*spec);
        VegaLiteReader::chartType(*spec);
        VegaLiteSpec::read(*spec);
    }
    const auto chart = VegaLiteReader::fromChartPart(part);
    if (chart) {
        for (const ChartSeries &series : chart->series) {
            for (const QPointF &point : series.points)
                chart->xText(point.x());
        }
    }
    return 0;
}

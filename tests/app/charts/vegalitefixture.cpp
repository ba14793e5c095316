#include "tests/app/charts/vegalitefixture.h"

#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace VegaLiteFixture {
QJsonObject object(const char *json)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return d.object();
}

QJsonArray array(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

// A Looker chart part with `spec` as its vegaConfig string and, when given, the DataResult rows.
QJsonObject part(const QJsonObject &spec, const QJsonArray &rows, bool withData)
{
    QJsonObject p { { u"query"_s,
                        QJsonObject { { u"instructions"_s, u"a line chart"_s },
                            { u"dataResultName"_s, u"data_result"_s } } },
        { u"result"_s,
            QJsonObject { { u"vegaConfig"_s,
                QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)) } } } };
    if (withData)
        p.insert(u"data"_s,
            QJsonObject { { u"name"_s, u"data_result"_s },
                { u"schema"_s, QJsonObject { { u"fields"_s, QJsonArray {} } } },
                { u"data"_s, rows } });
    return p;
}

// Each point as "series@x=y" (x as a whole number: ms, category index or value).
QStringList points(const ChartData &d)
{
    QStringList out;
    for (const ChartSeries &s : d.series) {
        for (const QPointF &p : s.points)
            out << s.name + u'@' + QString::number(p.x(), 'f', 0) + u'='
                    + (std::isfinite(p.y()) ? QString::number(p.y(), 'g', 10) : u"gap"_s);
    }
    return out;
}

QString at(const QString &series, qint64 x, const QString &y)
{
    return series + u'@' + QString::number(x) + u'=' + y;
}
} // namespace VegaLiteFixture

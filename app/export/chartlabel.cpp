#include "app/export/chartlabel.h"

#include "app/charts/vegalitereader.h"
#include "app/core/assetsummary.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

ChartLabel ChartLabel::fromAsset(const Asset &asset)
{
    ChartLabel label;
    label.m_assetId = asset.id;
    label.m_dataTakenAt = asset.dataTakenAt;
    label.m_hasData = !asset.dataJson.trimmed().isEmpty();
    const QJsonObject value = QJsonDocument::fromJson(asset.valueJson).object();
    if (VegaLiteReader::isVegaLiteAsset(asset.type)) {
        // A Looker chart: its Vega-Lite spec names it; its rows are kept in the value.
        const auto spec = VegaLiteReader::spec(value);
        const QJsonObject vl = spec.value_or(QJsonObject());
        label.m_typeLabel = AssetSummary::spelledOut(VegaLiteReader::chartType(vl));
        label.m_title = VegaLiteReader::title(vl);
        label.m_hasData = value.value(u"data").toObject().value(u"data").isArray()
            || vl.value(u"data").toObject().value(u"values").isArray();
        return label;
    }
    const QString type = value.value(u"type").toString();
    if (!type.trimmed().isEmpty()) {
        label.m_typeLabel = AssetSummary::spelledOut(type);
        label.m_title = AssetSummary::localized(value.value(u"options").toObject().value(u"title"));
    } else {
        label.m_typeLabel = asset.type.isEmpty() || asset.type == u"item"
            ? tr("Chart")
            : AssetSummary::spelledOut(asset.type);
        label.m_title = AssetSummary::localized(value.value(u"name"));
    }
    return label;
}

QString ChartLabel::headline() const
{
    return m_title.isEmpty() ? m_typeLabel : tr("%1: %2").arg(m_typeLabel, m_title);
}

QString ChartLabel::dataAsOf() const
{
    if (!m_dataTakenAt.isValid())
        return {};
    return tr("data as of %1").arg(m_dataTakenAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
}

QString ChartLabel::notRenderedReason(bool hadRenderer) const
{
    if (!m_hasData)
        return tr("Chart not rendered: no stored data");
    if (!hadRenderer)
        return tr("Chart not rendered: chart drawing is not available here");
    return tr("Chart not rendered: this chart could not be drawn");
}

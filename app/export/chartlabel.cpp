#include "chartlabel.h"

#include "vegalitereader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
// A localized label: {"en": "..."}, a plain string, or the first non-empty translation.
QString localized(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().simplified();
    const QJsonObject object = value.toObject();
    if (const QString text = object.value(u"en").toString().simplified(); !text.isEmpty())
        return text;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (const QString text = it->toString().simplified(); !text.isEmpty())
            return text;
    }
    return {};
}

// "line-chart" → "Line chart"; "evolution-number" → "Evolution number".
QString spelledOut(const QString &type)
{
    QString words = type.simplified();
    words.replace(u'-', u' ').replace(u'_', u' ');
    if (words.isEmpty())
        return ChartLabel::tr("Chart");
    words[0] = words[0].toUpper();
    return words;
}
} // namespace

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
        const QJsonObject vl = std::holds_alternative<QJsonObject>(spec)
            ? std::get<QJsonObject>(spec)
            : QJsonObject();
        label.m_typeLabel = spelledOut(VegaLiteReader::chartType(vl));
        label.m_title = VegaLiteReader::title(vl);
        label.m_hasData = value.value(u"data").toObject().value(u"data").isArray()
            || vl.value(u"data").toObject().value(u"values").isArray();
        return label;
    }
    const QString type = value.value(u"type").toString();
    if (!type.trimmed().isEmpty()) {
        label.m_typeLabel = spelledOut(type);
        label.m_title = localized(value.value(u"options").toObject().value(u"title"));
    } else {
        label.m_typeLabel
            = asset.type.isEmpty() || asset.type == u"item" ? tr("Chart") : spelledOut(asset.type);
        label.m_title = localized(value.value(u"name"));
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
    return tr("data as of %1").arg(m_dataTakenAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_qs));
}

QString ChartLabel::notRenderedReason(bool hadRenderer) const
{
    if (!m_hasData)
        return tr("Chart not rendered: no stored data");
    if (!hadRenderer)
        return tr("Chart not rendered: chart drawing is not available here");
    return tr("Chart not rendered: this chart could not be drawn");
}

#include "app/core/assetsummary.h"

#include "app/charts/vegalitereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
struct KnownType
{
    const char16_t *name;
    AssetSummary::Kind kind;
    const char *label;
};

// The common Luzmo item types; others are spelled out from their name.
const KnownType knownTypes[] = {
    { u"line-chart", AssetSummary::Kind::Line, QT_TRANSLATE_NOOP("AssetSummary", "Line chart") },
    { u"area-chart", AssetSummary::Kind::Area, QT_TRANSLATE_NOOP("AssetSummary", "Area chart") },
    { u"bar-chart", AssetSummary::Kind::Bar, QT_TRANSLATE_NOOP("AssetSummary", "Bar chart") },
    { u"column-chart", AssetSummary::Kind::Bar, QT_TRANSLATE_NOOP("AssetSummary", "Column chart") },
    { u"combination-chart", AssetSummary::Kind::Bar,
        QT_TRANSLATE_NOOP("AssetSummary", "Combination chart") },
    { u"pie-chart", AssetSummary::Kind::Pie, QT_TRANSLATE_NOOP("AssetSummary", "Pie chart") },
    { u"donut-chart", AssetSummary::Kind::Pie, QT_TRANSLATE_NOOP("AssetSummary", "Donut chart") },
    { u"scatter-plot", AssetSummary::Kind::Scatter,
        QT_TRANSLATE_NOOP("AssetSummary", "Scatter plot") },
    { u"bubble-chart", AssetSummary::Kind::Scatter,
        QT_TRANSLATE_NOOP("AssetSummary", "Bubble chart") },
    { u"evolution-number", AssetSummary::Kind::Number,
        QT_TRANSLATE_NOOP("AssetSummary", "Number with trend") },
    { u"number", AssetSummary::Kind::Number, QT_TRANSLATE_NOOP("AssetSummary", "Number") },
    { u"regular-table", AssetSummary::Kind::Table, QT_TRANSLATE_NOOP("AssetSummary", "Table") },
    { u"pivot-table", AssetSummary::Kind::Table, QT_TRANSLATE_NOOP("AssetSummary", "Pivot table") },
    { u"table", AssetSummary::Kind::Table, QT_TRANSLATE_NOOP("AssetSummary", "Table") },
    { u"choropleth-map", AssetSummary::Kind::Map, QT_TRANSLATE_NOOP("AssetSummary", "Map") },
    { u"symbol-map", AssetSummary::Kind::Map, QT_TRANSLATE_NOOP("AssetSummary", "Map") },
};

const KnownType *find(const QString &chartType)
{
    for (const KnownType &known : knownTypes) {
        if (chartType == QStringView(known.name))
            return &known;
    }
    return nullptr;
}

} // namespace

QString AssetSummary::typeLabel(const QString &chartType)
{
    if (const KnownType *known = find(chartType))
        return tr(known->label);
    return spelledOut(chartType);
}

QString AssetSummary::spelledOut(const QString &type)
{
    QString words = type.simplified();
    words.replace(u'-', u' ').replace(u'_', u' ');
    if (words.isEmpty())
        return tr("Chart");
    words[0] = words[0].toUpper();
    return words;
}

QString AssetSummary::localized(const QJsonValue &value, const QString &locale)
{
    if (value.isString())
        return value.toString().simplified();
    const QJsonObject object = value.toObject();
    if (const QString text = object.value(locale).toString().simplified(); !text.isEmpty())
        return text;
    if (const QString text = object.value(u"en").toString().simplified(); !text.isEmpty())
        return text;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (const QString text = it->toString().simplified(); !text.isEmpty())
            return text;
    }
    return {};
}

AssetSummary::Kind AssetSummary::kindOf(const QString &chartType)
{
    if (const KnownType *known = find(chartType))
        return known->kind;
    return Kind::Other;
}

AssetSummary AssetSummary::fromAsset(const QVariantMap &asset, const QString &locale)
{
    return fromJson(
        asset.value(u"type"_s).toString(), asset.value(u"valueJson"_s).toByteArray(), locale);
}

AssetSummary AssetSummary::fromJson(
    const QString &assetType, const QByteArray &valueJson, const QString &locale)
{
    AssetSummary summary;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(valueJson, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return summary;
    const QJsonObject value = document.object();
    if (VegaLiteReader::isVegaLiteAsset(assetType)) {
        // A Looker chart: the type and title come from its Vega-Lite spec.
        const auto spec = VegaLiteReader::spec(value);
        if (!spec)
            return summary;
        const QJsonObject vl = *spec;
        summary.m_chartType = VegaLiteReader::chartType(vl);
        summary.m_kind = kindOf(summary.m_chartType);
        summary.m_typeLabel = typeLabel(summary.m_chartType);
        summary.m_title = VegaLiteReader::title(vl);
        return summary;
    }
    if (assetType == u"looker-data") {
        // A Looker query result {query, result{name, schema{fields}, data[]}}: a table.
        const QJsonObject result = value.value(u"result").toObject();
        const QJsonArray rows = result.value(u"data").toArray();
        QStringList fields;
        for (const QJsonValue &f : result.value(u"schema").toObject().value(u"fields").toArray())
            fields << f.toObject().value(u"name").toString();
        summary.m_kind = Kind::Table;
        summary.m_typeLabel = tr("Query result");
        summary.m_title = result.value(u"name").toString();
        summary.m_note = tr("%n row(s)", nullptr, int(rows.size()))
            + (fields.isEmpty() ? QString() : tr(" of %1").arg(fields.join(u", ")))
            + tr(" · in the conversation's JSON export");
        return summary;
    }
    const QJsonValue type = value.value(u"type");
    if (!type.isString() || type.toString().trimmed().isEmpty()) {
        // Not an item (a workflow, a dashboard...): say what it is, if anything.
        if (assetType.isEmpty() || assetType == u"item")
            return summary;
        if (assetType == u"workflow")
            summary.m_note = tr("Its nodes are shown in the workflow panel beside the transcript.");
        summary.m_kind = Kind::Other;
        summary.m_typeLabel = typeLabel(assetType);
        summary.m_title = localized(value.value(u"name"), locale);
        return summary;
    }
    summary.m_chartType = type.toString().trimmed();
    summary.m_kind = kindOf(summary.m_chartType);
    summary.m_typeLabel = typeLabel(summary.m_chartType);
    const QJsonValue title = value.value(u"options").toObject().value(u"title");
    summary.m_title = localized(title, locale);
    return summary;
}

QString AssetSummary::headline() const
{
    if (!isReadable())
        return tr("Unreadable chart definition");
    if (m_title.isEmpty())
        return m_typeLabel;
    return tr("%1 · %2").arg(m_typeLabel, m_title);
}

QString AssetSummary::note() const
{
    if (!isReadable())
        return tr("This answer came with a chart that Chartroom could not read.");
    if (!m_note.isEmpty())
        return m_note;
    return tr("Not drawn here: Chartroom draws line charts; this one is kept as it came.");
}

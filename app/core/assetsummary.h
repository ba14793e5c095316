#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QVariantMap>

// What an asset's card says about it, read from the stored definition: the chart type in words
// and the title (Luzmo item: value.type and value.options.title; Looker chart: the mark and
// title of its Vega-Lite spec, result.vegaConfig). A definition that cannot be read gives an
// "unreadable" summary, never a crash. Pure, tested on its own.
class AssetSummary
{
    Q_DECLARE_TR_FUNCTIONS(AssetSummary)
public:
    enum class Kind { Line, Area, Bar, Pie, Scatter, Number, Table, Map, Other, Unreadable };

    // From a TranscriptModel::AssetsRole entry {id, type, valueJson, dataJson, dataTakenAt}.
    static AssetSummary fromAsset(
        const QVariantMap &asset, const QString &locale = QStringLiteral("en"));
    static AssetSummary fromJson(const QString &assetType, const QByteArray &valueJson,
        const QString &locale = QStringLiteral("en"));
    // "line-chart" → "Line chart"; an unknown type is spelled out from its name.
    static QString typeLabel(const QString &chartType);
    // A type's name in words: "evolution-number" → "Evolution number"; "Chart" when empty.
    static QString spelledOut(const QString &type);
    // A localized label: {"en": "..."}, a plain string, or the first non-empty translation
    // (`locale` first, then English).
    static QString localized(const QJsonValue &value, const QString &locale = QStringLiteral("en"));
    static Kind kindOf(const QString &chartType);

    Kind kind() const { return m_kind; }
    bool isReadable() const { return m_kind != Kind::Unreadable; }
    QString chartType() const { return m_chartType; }
    QString typeLabel() const { return m_typeLabel; }
    QString title() const { return m_title; }
    // The card's first line, e.g. "Line chart · Monthly revenue" or "Unreadable chart definition".
    QString headline() const;
    // The card's second line.
    QString note() const;

private:
    Kind m_kind = Kind::Unreadable;
    QString m_chartType;
    QString m_typeLabel;
    QString m_title;
    QString m_note; // what the card says instead of the default note, when set
};

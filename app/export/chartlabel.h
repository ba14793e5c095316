#pragma once

#include "models/types.h"

#include <QCoreApplication>
#include <QString>

// What an export says about a chart asset, read from its stored definition (a Luzmo item:
// value.type and value.options.title): "Line chart", "Monthly revenue", "data as of …". A
// definition that cannot be read still gives a label ("Chart"), never a failure.
class ChartLabel
{
    Q_DECLARE_TR_FUNCTIONS(ChartLabel)
public:
    static ChartLabel fromAsset(const Asset &asset);

    qint64 assetId() const { return m_assetId; }
    QString typeLabel() const { return m_typeLabel; } // "Line chart"
    QString title() const { return m_title; } // may be empty
    // "Line chart: Monthly revenue", or the type alone.
    QString headline() const;
    // "data as of 2024-05-14 10:03", empty without a snapshot.
    QString dataAsOf() const;
    // Why no image is shown: "Chart not rendered: no stored data", ...
    QString notRenderedReason(bool hadRenderer) const;

private:
    qint64 m_assetId = 0;
    QString m_typeLabel;
    QString m_title;
    QDateTime m_dataTakenAt;
    bool m_hasData = false;
};

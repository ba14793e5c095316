#pragma once

// Sample line charts for the widget suites: the local server's monthly-revenue item (from
// tests/app/analyst/data) with two years of plausible numbers per region.
#include "app/charts/chartdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace ChartSamples {

inline QJsonObject monthlyRevenueItem()
{
    QFile file(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR")
        + QStringLiteral("/tests/app/analyst/data/monthly-revenue-item.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The same item with its date dimension at datetime `level` (1 year … 5 day).
inline QJsonObject monthlyRevenueItemAtLevel(int level)
{
    QJsonObject item = monthlyRevenueItem();
    QJsonArray slots = item[QStringLiteral("slots")].toArray();
    QJsonObject x = slots[0].toObject();
    QJsonArray content = x[QStringLiteral("content")].toArray();
    QJsonObject c = content[0].toObject();
    c[QStringLiteral("level")] = level;
    content[0] = c;
    x[QStringLiteral("content")] = content;
    slots[0] = x;
    item[QStringLiteral("slots")] = slots;
    return item;
}

// [month, region, revenue] for `months` months from January 2023.
inline QJsonArray monthlyRevenueRows(int months = 24)
{
    const QStringList regions { QStringLiteral("EMEA"), QStringLiteral("Americas"),
        QStringLiteral("APAC") };
    QJsonArray rows;
    for (int m = 0; m < months; ++m) {
        const QDateTime at(QDate(2023, 1, 1).addMonths(m), QTime(0, 0), Qt::UTC);
        for (int r = 0; r < regions.size(); ++r) {
            const double base = 180000 + 60000 * r;
            const double value = base * (1 + 0.02 * m) + 25000 * std::sin(m * 0.9 + r);
            rows << QJsonArray { at.toString(Qt::ISODateWithMs), regions.at(r),
                std::round(value * 100) / 100 };
        }
    }
    return rows;
}

inline ChartData monthlyRevenue(int months = 24)
{
    return ChartData::fromItem(monthlyRevenueItem(), monthlyRevenueRows(months)).value();
}

} // namespace ChartSamples

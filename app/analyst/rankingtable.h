#pragma once

#include "app/analyst/intent.h"

#include <QList>
#include <QString>
#include <QStringList>

// Ranked answers, pure: a ranking of categories (or periods) by one measure, and the change of
// each category between two periods. Values come in per row; the derived measure (margin,
// profit, price per unit, share) is computed from the operands here.
class RankingTable
{
public:
    struct Row
    {
        QString name;
        QList<double> measures; // the query's measures, in order
    };
    struct Column
    {
        QString label; // "Revenue"
        bool currency = false;
    };

    RankingTable(
        QString keyLabel, QList<Column> measures, DerivedMeasure derived, QString valueName);

    // The value a row is ranked by.
    double value(const Row &row) const;
    QString format(double value) const;

    // "**Americas** has the highest revenue ($1,234).\n\n| # | Region | Revenue |…", the first
    // `top` rows (all when top ≥ the row count), highest first unless `ascending`.
    QString ranking(QList<Row> rows, int top, bool ascending, const QString &periodLabel) const;
    // Change from `before` to `after` per row name: absolute and percent, ranked by percent.
    QString growth(const QList<Row> &before, const QList<Row> &after, int top, bool ascending,
        const QString &beforeLabel, const QString &afterLabel) const;

private:
    QString filterPhrase() const; // " for EMEA and Laptop", or empty

    QString m_key;
    QList<Column> m_measures;
    DerivedMeasure m_derived;
    QString m_valueName;
    double m_shareTotal = 0;
    QStringList m_filterValues;

public:
    void setShareTotal(double total) { m_shareTotal = total; }
    // The category values the rows are filtered on ("EMEA", "Laptop"), named in the sentence.
    void setFilterValues(const QStringList &values) { m_filterValues = values; }
};

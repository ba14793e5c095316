#include "app/analyst/comparisontable.h"

#include "app/analyst/numberformat.h"

#include <algorithm>

using namespace Qt::StringLiterals;

ComparisonTable::ComparisonTable(ChartQuery query, QList<QJsonArray> rows, DerivedMeasure derived)
    : m_query(std::move(query))
    , m_rows(std::move(rows))
    , m_derived(derived)
{
}

QString ComparisonTable::derivedName() const
{
    if (const QString derived = derivedMeasureName(m_derived); !derived.isEmpty())
        return derived;
    return m_query.measureLabels.value(0);
}

QString ComparisonTable::format(double value, int measure) const
{
    if (measure < 0 && m_derived == DerivedMeasure::Margin)
        return NumberFormat::ratio(value);
    return NumberFormat::number(value, m_query.measureCurrency.value(std::max(measure, 0)));
}

QList<ComparisonTable::Row> ComparisonTable::rows() const
{
    const int dims = int(m_query.query.dimensions.size());
    const int measures = int(m_query.query.measures.size());
    QList<Row> list;
    for (const QJsonArray &r : m_rows) {
        Row row;
        row.name = dims > 0 ? r.at(0).toVariant().toString() : u"All"_s;
        for (int m = 0; m < measures; ++m)
            row.measures.append(r.at(dims + m).toDouble());
        const double a = row.measures.value(0);
        const double b = row.measures.value(1);
        switch (m_derived) {
        case DerivedMeasure::Margin:
            row.value = a != 0 ? (a - b) / a : 0;
            break;
        case DerivedMeasure::Profit:
            row.value = a - b;
            break;
        case DerivedMeasure::PricePerUnit:
            row.value = b != 0 ? a / b : 0;
            break;
        case DerivedMeasure::Share:
        case DerivedMeasure::None:
            row.value = a;
            break;
        }
        list.append(row);
    }
    std::stable_sort(
        list.begin(), list.end(), [](const Row &x, const Row &y) { return x.value > y.value; });
    return list;
}

QString ComparisonTable::markdown() const
{
    const QList<Row> list = rows();
    if (list.isEmpty())
        return u"There is no data for this selection."_s;
    const QString name = derivedName();
    const bool derived = m_derived != DerivedMeasure::None;
    if (!m_query.hasLegend) {
        QString text = u"**"_s + name + u"**: "_s + format(list.first().value, derived ? -1 : 0);
        if (derived) {
            QStringList parts;
            for (int m = 0; m < m_query.measureLabels.size(); ++m)
                parts.append(
                    m_query.measureLabels.at(m) + u' ' + format(list.first().measures.value(m), m));
            text += u" ("_s + parts.join(u", "_s) + u')';
        }
        return text + u'.';
    }
    QString text = u"**"_s + list.first().name + u"** has the highest "_s + name.toLower() + u" ("_s
        + format(list.first().value, derived ? -1 : 0) + u')';
    if (list.size() > 1)
        text += u"; **"_s + list.last().name + u"** the lowest ("_s
            + format(list.last().value, derived ? -1 : 0) + u')';
    text += u".\n\n"_s;

    QStringList header { m_query.legendLabel };
    header.append(m_query.measureLabels);
    if (derived)
        header.append(name);
    text += u"| "_s + header.join(u" | "_s) + u" |\n|"_s;
    for (qsizetype i = 0; i < header.size(); ++i)
        text += i == 0 ? u" --- |"_s : u" ---: |"_s;
    for (const Row &row : list) {
        QStringList cells { row.name };
        for (int m = 0; m < row.measures.size(); ++m)
            cells.append(format(row.measures.at(m), m));
        if (derived)
            cells.append(format(row.value, -1));
        text += u"\n| "_s + cells.join(u" | "_s) + u" |"_s;
    }
    return text;
}

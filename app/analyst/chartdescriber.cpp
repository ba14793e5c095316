#include "app/analyst/chartdescriber.h"

#include "app/analyst/numberformat.h"
#include "app/protocol/luzmonames.h"

#include <QDateTime>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxSeries = 6;

QString lowerFirst(const QString &text)
{
    if (text.size() > 1 && text.at(1).isUpper())
        return text; // an acronym such as "EMEA"
    return text.isEmpty() ? text : text.at(0).toLower() + text.mid(1);
}

QString upperFirst(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

} // namespace

ChartDescriber::ChartDescriber(ChartQuery query, QList<QJsonArray> rows, DerivedMeasure derived)
    : m_query(std::move(query))
    , m_rows(std::move(rows))
    , m_derived(derived)
{
}

QString ChartDescriber::periodName(const QJsonValue &value) const
{
    if (m_query.level > 0 && value.isString()) {
        QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        QDate date = time.isValid() ? time.toUTC().date()
                                    : QDate::fromString(value.toString().left(10), Qt::ISODate);
        if (date.isValid())
            return NumberFormat::period(date, m_query.level);
    }
    return value.isDouble() ? NumberFormat::number(value.toDouble()) : value.toVariant().toString();
}

QList<ChartDescriber::Series> ChartDescriber::series(int measure) const
{
    const int dims = int(m_query.query.dimensions.size());
    const bool hasX = dims > (m_query.hasLegend ? 1 : 0);
    QList<Series> list;
    for (const QJsonArray &row : m_rows) {
        const QString name
            = m_query.hasLegend ? row.at(dims - 1).toVariant().toString() : measureName(measure);
        auto it = std::find_if(
            list.begin(), list.end(), [&](const Series &s) { return s.name == name; });
        if (it == list.end()) {
            list.append(Series { name, {}, 0, 0 });
            it = list.end() - 1;
        }
        SeriesPoint point { hasX ? periodName(row.at(0)) : name, 0 };
        if (m_derived != DerivedMeasure::None) {
            const double a = row.at(dims).toDouble();
            const double b = row.at(dims + 1).toDouble();
            it->numerator += a;
            it->denominator += b;
            if (m_derived == DerivedMeasure::Profit)
                point.value = a - b;
            else if (m_derived == DerivedMeasure::Margin && a != 0)
                point.value = (a - b) / a;
            else if (m_derived == DerivedMeasure::PricePerUnit && b != 0)
                point.value = a / b;
            else
                continue;
        } else {
            const QJsonValue v = row.at(dims + measure);
            if (v.isNull() || v.isUndefined())
                continue;
            point.value = v.toDouble();
        }
        it->points.append(point);
    }
    return list;
}

QString ChartDescriber::measureName(int measure) const
{
    if (const QString derived = derivedMeasureName(m_derived); !derived.isEmpty())
        return derived;
    const QString label = m_query.measureLabels.value(measure);
    switch (m_query.measureAggregations.value(measure)) {
    case Aggregation::Average:
        return u"Average "_s + lowerFirst(label);
    case Aggregation::Min:
        return u"Minimum "_s + lowerFirst(label);
    case Aggregation::Max:
        return u"Maximum "_s + lowerFirst(label);
    case Aggregation::Count:
    case Aggregation::DistinctCount:
        return u"Number of "_s + lowerFirst(label);
    case Aggregation::Sum:
        break;
    }
    return label;
}

QString ChartDescriber::format(int measure, double value) const
{
    if (m_derived == DerivedMeasure::Margin)
        return NumberFormat::ratio(value);
    if (m_derived != DerivedMeasure::None)
        return NumberFormat::number(value, m_query.measureCurrency.value(0));
    return NumberFormat::number(value, m_query.measureCurrency.value(measure));
}

bool ChartDescriber::isAdditive(int measure) const
{
    if (m_derived != DerivedMeasure::None)
        return m_derived == DerivedMeasure::Profit;
    const Aggregation a = m_query.measureAggregations.value(measure);
    return a == Aggregation::Sum || a == Aggregation::Count;
}

double ChartDescriber::overall(int measure, const Series &s) const
{
    if (m_derived == DerivedMeasure::Margin)
        return s.numerator != 0 ? (s.numerator - s.denominator) / s.numerator : 0;
    if (m_derived == DerivedMeasure::PricePerUnit)
        return s.denominator != 0 ? s.numerator / s.denominator : 0;
    const SeriesSummary summary = SeriesStats::summarize(s.points);
    return isAdditive(measure) ? summary.total : summary.average;
}

QString ChartDescriber::sentence(int measure, const Series &s, bool named) const
{
    const SeriesSummary sum = SeriesStats::summarize(s.points);
    const QString subject = named
        ? QString(u"**"_s + s.name + u"**: "_s + lowerFirst(measureName(measure)))
        : QString(u"**"_s + measureName(measure) + u"**"_s);
    if (sum.count == 0)
        return subject + u" has no data for this selection."_s;
    if (sum.count == 1)
        return subject + u" was "_s + format(measure, sum.first.value) + u" in "_s
            + sum.first.period + u'.';
    QString text = subject;
    const double change = sum.last.value - sum.first.value;
    if (std::abs(change) <= 1e-9 * std::max(1.0, std::abs(sum.first.value)))
        text += u" stayed at "_s + format(measure, sum.first.value) + u" from "_s + sum.first.period
            + u" to "_s + sum.last.period;
    else
        text += (change > 0 ? u" rose from "_s : u" fell from "_s)
            + format(measure, sum.first.value) + u" in "_s + sum.first.period + u" to "_s
            + format(measure, sum.last.value) + u" in "_s + sum.last.period;
    if (sum.changePercent && m_derived != DerivedMeasure::Margin)
        text += u" ("_s + NumberFormat::signedPercent(*sum.changePercent) + u')';
    else if (m_derived == DerivedMeasure::Margin)
        text += u" ("_s + NumberFormat::signedPercent(change * 100.0).chopped(1) + u" points)"_s;
    text += u". Highest: "_s + format(measure, sum.max.value) + u" in "_s + sum.max.period
        + u"; lowest: "_s + format(measure, sum.min.value) + u" in "_s + sum.min.period + u'.';
    const QString per
        = m_query.level > 0 ? u" per "_s + LuzmoNames::levelNoun(m_query.level) : QString();
    if (m_derived == DerivedMeasure::Margin || m_derived == DerivedMeasure::PricePerUnit)
        text += u" Overall: "_s + format(measure, overall(measure, s)) + u'.';
    else if (isAdditive(measure))
        text += u" Total: "_s + format(measure, sum.total) + u" (average "_s
            + format(measure, sum.average) + per + u")."_s;
    else
        text += u" Average"_s + per + u": "_s + format(measure, sum.average) + u'.';
    return text;
}

QString ChartDescriber::describe() const
{
    QStringList paragraphs;
    if (!m_query.title.isEmpty())
        paragraphs.append(u"**"_s + m_query.title + u"**"_s);
    const int measures = m_derived != DerivedMeasure::None ? 1 : int(m_query.query.measures.size());
    for (int m = 0; m < measures; ++m) {
        QList<Series> list = series(m);
        if (list.isEmpty()) {
            paragraphs.append(u"There is no data for this selection."_s);
            break;
        }
        if (!m_query.hasLegend) {
            paragraphs.append(sentence(m, list.first(), false));
            continue;
        }
        std::stable_sort(list.begin(), list.end(),
            [&](const Series &a, const Series &b) { return overall(m, a) > overall(m, b); });
        const QString what = lowerFirst(measureName(m));
        const QString kind = isAdditive(m) ? u"total "_s : QString();
        QString ranking = u"Highest "_s + kind + what + u": **"_s + list.first().name + u"** ("_s
            + format(m, overall(m, list.first())) + u")"_s;
        if (list.size() > 1)
            ranking += u"; lowest: **"_s + list.last().name + u"** ("_s
                + format(m, overall(m, list.last())) + u")"_s;
        paragraphs.append(ranking + u'.');
        QStringList lines;
        for (int i = 0; i < list.size() && i < MaxSeries; ++i)
            lines.append(u"- "_s + sentence(m, list.at(i), true));
        if (list.size() > MaxSeries)
            lines.append(u"- …and "_s + QString::number(list.size() - MaxSeries) + u" more."_s);
        paragraphs.append(lines.join(u'\n'));
    }
    return paragraphs.join(u"\n\n"_s);
}

QString ChartDescriber::headline() const
{
    QList<Series> list = series(0);
    if (list.isEmpty() || list.first().points.isEmpty())
        return u"There is no data for this selection."_s;
    const QString name = measureName(0);
    if (m_query.hasLegend && list.size() > 1) {
        std::stable_sort(list.begin(), list.end(),
            [&](const Series &a, const Series &b) { return overall(0, a) > overall(0, b); });
        const SeriesSummary top = SeriesStats::summarize(list.first().points);
        return list.first().name + u" leads "_s + lowerFirst(name) + u" with "_s
            + format(0, overall(0, list.first())) + (isAdditive(0) ? u" in total"_s : QString())
            + u"; its highest point was "_s + format(0, top.max.value) + u" in "_s + top.max.period
            + u'.';
    }
    const SeriesSummary s = SeriesStats::summarize(list.first().points);
    QString text
        = upperFirst(name) + u" peaked in "_s + s.max.period + u" at "_s + format(0, s.max.value);
    if (s.count > 1 && s.changePercent && m_derived != DerivedMeasure::Margin)
        text += u"; from "_s + s.first.period + u" to "_s + s.last.period + u" it changed by "_s
            + NumberFormat::signedPercent(*s.changePercent);
    return text + u'.';
}

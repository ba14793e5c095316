#include "app/analyst/rankingtable.h"

#include "app/analyst/numberformat.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

RankingTable::RankingTable(
    QString keyLabel, QList<Column> measures, DerivedMeasure derived, QString valueName)
    : m_key(std::move(keyLabel))
    , m_measures(std::move(measures))
    , m_derived(derived)
    , m_valueName(std::move(valueName))
{
}

double RankingTable::value(const Row &row) const
{
    const double a = row.measures.value(0);
    const double b = row.measures.value(1);
    switch (m_derived) {
    case DerivedMeasure::Margin:
        return a != 0 ? (a - b) / a : 0;
    case DerivedMeasure::Profit:
        return a - b;
    case DerivedMeasure::PricePerUnit:
        return b != 0 ? a / b : 0;
    case DerivedMeasure::Share:
        return m_shareTotal != 0 ? a / m_shareTotal : 0;
    case DerivedMeasure::None:
        break;
    }
    return a;
}

QString RankingTable::format(double v) const
{
    if (m_derived == DerivedMeasure::Margin || m_derived == DerivedMeasure::Share)
        return NumberFormat::ratio(v);
    const bool currency = m_derived == DerivedMeasure::PricePerUnit ? m_measures.value(0).currency
                                                                    : m_measures.value(0).currency;
    return NumberFormat::number(v, currency);
}

QString RankingTable::filterPhrase() const
{
    return m_filterValues.isEmpty() ? QString() : u" for "_s + m_filterValues.join(u" and "_s);
}

QString RankingTable::ranking(
    QList<Row> rows, int top, bool ascending, const QString &periodLabel) const
{
    if (rows.isEmpty())
        return u"There is no data for this selection."_s;
    std::stable_sort(rows.begin(), rows.end(), [&](const Row &x, const Row &y) {
        return ascending ? value(x) < value(y) : value(x) > value(y);
    });
    const qsizetype shown = std::min<qsizetype>(
        rows.size(), std::max(top, 1) >= 1000 ? rows.size() : std::max(top, 1));
    const QString name = m_valueName.toLower();
    QString text = u"**"_s + rows.first().name
        + (ascending ? u"** has the lowest "_s : u"** has the highest "_s) + name + filterPhrase();
    if (!periodLabel.isEmpty()) {
        const bool relative = periodLabel.startsWith(u"last") || periodLabel.startsWith(u"this")
            || periodLabel.startsWith(u"the last");
        text += (relative ? u" "_s : u" in "_s) + periodLabel;
    }
    text += u" ("_s + format(value(rows.first())) + u")."_s;
    if (top > 1 && top < 1000) {
        text += u" "_s + (ascending ? u"Bottom "_s : u"Top "_s) + QString::number(shown) + u" of "_s
            + QString::number(rows.size()) + u':';
    }
    text += u"\n\n| # | "_s + m_key + u" | "_s + m_valueName + u" |\n| ---: | --- | ---: |"_s;
    const qsizetype tableRows = top <= 1 ? rows.size() : shown;
    for (qsizetype i = 0; i < tableRows; ++i) {
        text += u"\n| "_s + QString::number(i + 1) + u" | "_s + rows.at(i).name + u" | "_s
            + format(value(rows.at(i))) + u" |"_s;
    }
    return text;
}

QString RankingTable::growth(const QList<Row> &before, const QList<Row> &after, int top,
    bool ascending, const QString &beforeLabel, const QString &afterLabel) const
{
    struct Change
    {
        QString name;
        double from = 0;
        double to = 0;
        double percent = 0;
        bool hasPercent = false;
    };
    QHash<QString, double> old;
    for (const Row &r : before)
        old.insert(r.name, value(r));
    QList<Change> changes;
    for (const Row &r : after) {
        Change c { r.name, old.value(r.name), value(r), 0, false };
        if (c.from != 0) {
            c.percent = (c.to - c.from) / std::abs(c.from) * 100;
            c.hasPercent = true;
        }
        changes.append(c);
    }
    if (changes.isEmpty())
        return u"There is no data for "_s + afterLabel + u'.';
    std::stable_sort(changes.begin(), changes.end(), [&](const Change &x, const Change &y) {
        return ascending ? x.percent < y.percent : x.percent > y.percent;
    });
    const QString name = m_valueName.toLower();
    const Change &best = changes.first();
    QString text;
    if (changes.size() == 1 && best.name.isEmpty()) {
        text = m_valueName + filterPhrase() + u" went from "_s + format(best.from) + u" in "_s
            + beforeLabel + u" to "_s + format(best.to) + u" in "_s + afterLabel + u": "_s
            + (best.to >= best.from ? u"+"_s : QString()) + format(best.to - best.from)
            + (best.hasPercent ? u" ("_s + NumberFormat::signedPercent(best.percent) + u")."_s
                               : u"."_s);
        return text;
    }
    text = u"**"_s + best.name + (ascending ? u"** changed least"_s : u"** grew fastest"_s)
        + filterPhrase() + u" from "_s + beforeLabel + u" to "_s + afterLabel + u": "_s + name
        + u' ' + (best.hasPercent ? NumberFormat::signedPercent(best.percent) : u"new"_s) + u" ("_s
        + format(best.from) + u" → "_s + format(best.to) + u")."_s;
    text += u"\n\n| "_s + m_key + u" | "_s + beforeLabel + u" | "_s + afterLabel
        + u" | Change | Change % |\n| --- | ---: | ---: | ---: | ---: |"_s;
    const qsizetype shown
        = top > 1 && top < 1000 ? std::min<qsizetype>(top, changes.size()) : changes.size();
    for (qsizetype i = 0; i < shown; ++i) {
        const Change &c = changes.at(i);
        text += u"\n| "_s + c.name + u" | "_s + format(c.from) + u" | "_s + format(c.to) + u" | "_s
            + (c.to >= c.from ? u"+"_s : QString()) + format(c.to - c.from) + u" | "_s
            + (c.hasPercent ? NumberFormat::signedPercent(c.percent) : u"–"_s) + u" |"_s;
    }
    return text;
}

#include "questionparser.h"

#include "textmatch.h"

#include <QSet>

using namespace Qt::StringLiterals;

struct QuestionParser::Words
{
    QStringList list;
    QList<bool> used;

    qsizetype size() const { return list.size(); }
    QString at(qsizetype i) const { return i >= 0 && i < list.size() ? list.at(i) : QString(); }
    bool has(std::initializer_list<const char16_t *> any) const
    {
        for (const char16_t *word : any) {
            if (list.contains(QString::fromUtf16(word)))
                return true;
        }
        return false;
    }
    bool hasPhrase(const QString &a, const QString &b) const
    {
        for (qsizetype i = 0; i + 1 < list.size(); ++i) {
            if (list.at(i) == a && list.at(i + 1) == b)
                return true;
        }
        return false;
    }
};

QuestionParser::QuestionParser(DatasetSchema schema, QHash<QString, QStringList> categoryValues)
    : m_schema(std::move(schema))
    , m_values(std::move(categoryValues))
{
}

Intent QuestionParser::parse(const QString &question) const
{
    Words w;
    w.list = TextMatch::words(question);
    w.used = QList<bool>(w.list.size(), false);

    Intent intent;
    intent.datasetId = m_schema.id;
    for (const ColumnSchema &c : m_schema.columns) {
        if (c.type == ColumnType::Datetime) {
            intent.dateColumnId = c.id;
            break;
        }
    }
    intent.compare = w.has({ u"compare", u"comparison", u"vs", u"versus" });
    intent.wantsChart = w.has({ u"chart", u"plot", u"graph", u"line", u"trend", u"trends",
                            u"visualize", u"visualise", u"draw", u"timeline" })
        || w.hasPhrase(u"over"_s, u"time"_s);

    parseYears(w, intent);
    parseTime(w, intent);
    const Aggregation aggregation = parseAggregation(w);
    parseDerived(w, intent);
    parseValues(w, intent);
    parseColumns(w, intent, aggregation);

    if (intent.measures.isEmpty() && aggregation == Aggregation::Count)
        intent.measures.append({ QString(), Aggregation::Count, u"Rows"_s });
    if (intent.measures.isEmpty() && intent.missing.isEmpty())
        intent.missing = u"a measure: none of the question's words names a numeric column"_s;
    return intent;
}

void QuestionParser::parseYears(Words &w, Intent &intent) const
{
    for (qsizetype i = 0; i < w.size(); ++i) {
        const QString &word = w.list.at(i);
        bool ok = false;
        const int year = word.toInt(&ok);
        if (word.size() != 4 || !ok || year < 1900 || year > 2100)
            continue;
        w.used[i] = true;
        intent.yearFrom = intent.yearFrom == 0 ? year : std::min(intent.yearFrom, year);
        intent.yearTo = std::max(intent.yearTo, year);
    }
}

void QuestionParser::parseTime(Words &w, Intent &intent) const
{
    static const QHash<QString, int> levels = {
        { u"daily"_s, 5 },
        { u"day"_s, 5 },
        { u"days"_s, 5 },
        { u"weekly"_s, 4 },
        { u"week"_s, 4 },
        { u"weeks"_s, 4 },
        { u"monthly"_s, 3 },
        { u"month"_s, 3 },
        { u"months"_s, 3 },
        { u"quarterly"_s, 2 },
        { u"quarter"_s, 2 },
        { u"quarters"_s, 2 },
        { u"yearly"_s, 1 },
        { u"annual"_s, 1 },
        { u"annually"_s, 1 },
        { u"year"_s, 1 },
        { u"years"_s, 1 },
    };
    for (qsizetype i = 0; i < w.size(); ++i) {
        const auto it = levels.constFind(w.list.at(i));
        if (it == levels.constEnd())
            continue;
        // "in the year 2024" names a filter, not a granularity.
        if (it.value() == 1 && i + 1 < w.size() && w.used.at(i + 1))
            continue;
        w.used[i] = true;
        if (intent.level == 0)
            intent.level = it.value();
    }
    if (intent.level == 0 && intent.wantsChart)
        intent.level = 3;
    if (intent.dateColumnId.isEmpty())
        intent.level = 0;
}

Aggregation QuestionParser::parseAggregation(const Words &w) const
{
    if (w.has({ u"average", u"avg", u"mean" }))
        return Aggregation::Average;
    if (w.has({ u"count" }) || w.hasPhrase(u"number"_s, u"of"_s))
        return Aggregation::Count;
    if (w.has({ u"min", u"minimum", u"lowest", u"smallest" }))
        return Aggregation::Min;
    if (w.has({ u"max", u"maximum", u"highest", u"peak", u"largest", u"biggest" }))
        return Aggregation::Max;
    // "per" before something that is not a time unit, a category or "unit": an average.
    for (qsizetype i = 0; i + 1 < w.size(); ++i) {
        if (w.list.at(i) == u"per" && !w.used.at(i + 1)
            && TextMatch::singular(w.at(i + 1)) != u"unit" && !columnAt(w, i + 1, nullptr))
            return Aggregation::Average;
    }
    return Aggregation::Sum;
}

const ColumnSchema *QuestionParser::numericColumn(const QString &idea) const
{
    for (const ColumnSchema &c : m_schema.columns) {
        if (c.type != ColumnType::Numeric)
            continue;
        const QStringList name = TextMatch::words(c.name);
        if (name.size() == 1 && TextMatch::canonical(name.first()) == idea)
            return &c;
    }
    return nullptr;
}

void QuestionParser::parseDerived(Words &w, Intent &intent) const
{
    const auto hasColumnNamed = [this](const QString &word) {
        for (const ColumnSchema &c : m_schema.columns) {
            if (TextMatch::words(c.name).contains(word))
                return true;
        }
        return false;
    };
    DerivedMeasure derived = DerivedMeasure::None;
    QSet<QString> consumed;
    if (w.has({ u"margin", u"margins" }) && !hasColumnNamed(u"margin"_s)) {
        derived = DerivedMeasure::Margin;
        consumed = { u"margin"_s, u"margins"_s };
    } else if (w.has({ u"profit", u"profits", u"earnings" }) && !hasColumnNamed(u"profit"_s)) {
        derived = DerivedMeasure::Profit;
        consumed = { u"profit"_s, u"profits"_s, u"earnings"_s };
    } else if ((w.hasPhrase(u"per"_s, u"unit"_s) || w.hasPhrase(u"unit"_s, u"price"_s)
                   || w.has({ u"price", u"prices" }))
        && !hasColumnNamed(u"price"_s)) {
        derived = DerivedMeasure::PricePerUnit;
        consumed = { u"price"_s, u"prices"_s, u"per"_s, u"unit"_s };
    }
    if (derived == DerivedMeasure::None)
        return;
    const ColumnSchema *revenue = numericColumn(u"revenue"_s);
    const ColumnSchema *other
        = numericColumn(derived == DerivedMeasure::PricePerUnit ? u"unit"_s : u"cost"_s);
    if (!revenue || !other) {
        intent.missing = derived == DerivedMeasure::PricePerUnit
            ? u"a price per unit needs a revenue column and a units column"_s
            : u"a margin or profit needs a revenue column and a cost column"_s;
        return;
    }
    intent.derived = derived;
    intent.measures = { { revenue->id, Aggregation::Sum, revenue->name },
        { other->id, Aggregation::Sum, other->name } };
    for (qsizetype i = 0; i < w.size(); ++i) {
        const QString canon = TextMatch::canonical(w.list.at(i));
        const QString operand = derived == DerivedMeasure::PricePerUnit ? u"unit"_s : u"cost"_s;
        if (consumed.contains(w.list.at(i)) || canon == u"revenue" || canon == operand)
            w.used[i] = true;
    }
}

void QuestionParser::parseValues(Words &w, Intent &intent) const
{
    for (const ColumnSchema &c : m_schema.columns) {
        if (c.type != ColumnType::Hierarchy)
            continue;
        for (const QString &value : m_values.value(c.id)) {
            const QStringList parts = TextMatch::words(value);
            if (parts.isEmpty())
                continue;
            for (qsizetype i = 0; i + parts.size() <= w.size(); ++i) {
                bool all = true;
                for (qsizetype k = 0; k < parts.size() && all; ++k) {
                    const QString &word = w.list.at(i + k);
                    all = !w.used.at(i + k)
                        && (word == parts.at(k) || TextMatch::singular(word) == parts.at(k)
                            || (parts.at(k).size() >= 5 && !TextMatch::isKeyword(word)
                                && word.at(0) == parts.at(k).at(0)
                                && TextMatch::distance(word, parts.at(k)) <= 1));
                }
                if (!all)
                    continue;
                for (qsizetype k = 0; k < parts.size(); ++k)
                    w.used[i + k] = true;
                const CategoryFilter filter { c.id, value };
                if (!intent.filters.contains(filter))
                    intent.filters.append(filter);
            }
        }
    }
}

std::optional<int> QuestionParser::columnAt(const Words &w, qsizetype i, qsizetype *length) const
{
    std::optional<int> best;
    qsizetype bestLength = 0;
    for (int c = 0; c < m_schema.columns.size(); ++c) {
        const QStringList name = TextMatch::words(m_schema.columns.at(c).name);
        if (name.isEmpty() || name.size() <= bestLength || i + name.size() > w.size())
            continue;
        bool all = true;
        for (qsizetype k = 0; k < name.size() && all; ++k)
            all = !w.used.at(i + k) && TextMatch::matches(w.list.at(i + k), name.at(k));
        if (all) {
            best = c;
            bestLength = name.size();
        }
    }
    if (length)
        *length = bestLength;
    return best;
}

void QuestionParser::parseColumns(Words &w, Intent &intent, Aggregation aggregation) const
{
    for (qsizetype i = 0; i < w.size(); ++i) {
        qsizetype length = 0;
        const std::optional<int> index = columnAt(w, i, &length);
        if (!index)
            continue;
        const ColumnSchema &c = m_schema.columns.at(*index);
        for (qsizetype k = 0; k < length; ++k)
            w.used[i + k] = true;
        if (c.type == ColumnType::Numeric && intent.derived == DerivedMeasure::None) {
            const MeasureSpec measure { c.id, aggregation, c.name };
            if (!intent.measures.contains(measure))
                intent.measures.append(measure);
        } else if (c.type == ColumnType::Hierarchy && intent.splitColumnId.isEmpty()) {
            bool filtered = false;
            for (const CategoryFilter &f : std::as_const(intent.filters))
                filtered = filtered || f.columnId == c.id;
            if (!filtered)
                intent.splitColumnId = c.id;
        } else if (c.type == ColumnType::Datetime && intent.level == 0) {
            intent.level = 5;
        }
        i += length - 1;
    }
}

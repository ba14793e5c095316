// QuestionParser's sub-parsers, each reading one kind of term from the question's words: periods,
// time levels, the aggregation, a ranking or growth, a derived measure (margin, profit, price per
// unit, share), category values and column names (declared in questionparser.h; kept apart so
// questionparser.cpp stays about putting an Intent together).
#include "app/analyst/periodparser.h"
#include "app/analyst/questionparser.h"
#include "app/analyst/questionwords.h"
#include "app/analyst/textmatch.h"

#include <QSet>

using namespace Qt::StringLiterals;

void QuestionParser::parsePeriods(Words &w, Intent &intent) const
{
    const PeriodParser::Result read
        = PeriodParser(m_facts.first, m_facts.last).read(w.list, w.used);
    if (read.periods.isEmpty())
        return;
    if (intent.compare && read.periods.size() == 2 && !read.range) {
        intent.comparePeriod = read.periods.at(0);
        intent.period = read.periods.at(1);
        return;
    }
    DatePeriod all = read.periods.first();
    for (const DatePeriod &p : read.periods)
        all = PeriodParser::span(all, p);
    intent.period = all;
}

void QuestionParser::parseTime(Words &w, Intent &intent, bool averaging) const
{
    static const QHash<QString, int> adjectives
        = { { u"daily"_s, 5 }, { u"weekly"_s, 4 }, { u"monthly"_s, 3 }, { u"quarterly"_s, 2 },
              { u"yearly"_s, 1 }, { u"annual"_s, 1 }, { u"annually"_s, 1 } };
    for (qsizetype i = 0; i < w.size(); ++i) {
        if (w.used.at(i))
            continue;
        int level = adjectives.value(w.list.at(i), 0);
        if (level == 0)
            level = PeriodParser::levelOf(w.list.at(i));
        if (level == 0)
            continue;
        // "in the year 2024" names a filter, not a granularity.
        if (level == 1 && i + 1 < w.size() && w.used.at(i + 1)
            && !adjectives.contains(w.list.at(i)))
            continue;
        w.used[i] = true;
        const bool per = w.at(i - 1) == u"per" || w.at(i - 1) == u"a" || w.at(i - 1) == u"each";
        if (per)
            w.used[i - 1] = true;
        if (averaging && per && !intent.dateColumnId.isEmpty()) {
            intent.perLevel = level;
            continue;
        }
        if (intent.level == 0)
            intent.level = level;
    }
    if (intent.level == 0 && intent.wantsChart && intent.perLevel == 0)
        intent.level = 3;
    if (intent.dateColumnId.isEmpty()) {
        intent.level = 0;
        intent.perLevel = 0;
    }
}

Aggregation QuestionParser::parseAggregation(Words &w) const
{
    Aggregation found = Aggregation::Sum;
    if (w.has({ u"average", u"avg", u"mean" }))
        found = Aggregation::Average;
    else if (w.has({ u"distinct", u"unique" }))
        found = Aggregation::DistinctCount;
    else if (w.has({ u"count" }) || w.hasPhrase(u"number"_s, u"of"_s)
        || w.hasPhrase(u"how"_s, u"many"_s))
        found = Aggregation::Count;
    else if (w.has({ u"min", u"minimum", u"lowest", u"smallest" }))
        found = Aggregation::Min;
    else if (w.has({ u"max", u"maximum", u"highest", u"peak", u"largest", u"biggest" }))
        found = Aggregation::Max;
    w.use({ u"average", u"avg", u"mean", u"distinct", u"unique", u"count", u"min", u"minimum",
        u"lowest", u"smallest", u"max", u"maximum", u"highest", u"peak", u"largest", u"biggest",
        u"total", u"sum" });
    if (found == Aggregation::Count && w.hasPhrase(u"number"_s, u"of"_s))
        w.use({ u"number" });
    if (found != Aggregation::Sum)
        return found;
    // "per" before something that is not a time unit, a category or "unit": an average.
    for (qsizetype i = 0; i + 1 < w.size(); ++i) {
        if (w.list.at(i) == u"per" && !w.used.at(i + 1)
            && TextMatch::singular(w.at(i + 1)) != u"unit" && !columnAt(w, i + 1, nullptr)
            && PeriodParser::levelOf(w.at(i + 1)) == 0)
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

void QuestionParser::parseRanking(Words &w, Intent &intent) const
{
    static const QSet<QString> most = { u"most"_s, u"highest"_s, u"largest"_s, u"biggest"_s,
        u"best"_s, u"greatest"_s, u"top"_s, u"leading"_s, u"strongest"_s };
    static const QSet<QString> least = { u"fewest"_s, u"least"_s, u"lowest"_s, u"smallest"_s,
        u"worst"_s, u"bottom"_s, u"weakest"_s };
    static const QSet<QString> growth = { u"grew"_s, u"grow"_s, u"growth"_s, u"growing"_s,
        u"grown"_s, u"increase"_s, u"increased"_s, u"rose"_s, u"fastest"_s, u"change"_s,
        u"changed"_s, u"declined"_s, u"decline"_s, u"fell"_s };
    const bool asking = w.has({ u"which", u"what", u"who", u"rank", u"ranking", u"ranked" });
    for (qsizetype i = 0; i < w.size(); ++i) {
        const QString &word = w.list.at(i);
        if (growth.contains(word)) {
            intent.growth = true;
            w.used[i] = true;
            if (word == u"fastest" || word == u"most")
                intent.top = 1;
            if (word == u"declined" || word == u"decline" || word == u"fell")
                intent.ascending = true;
            continue;
        }
        const bool up = most.contains(word);
        if (!up && !least.contains(word))
            continue;
        bool ok = false;
        const int n = w.at(i + 1).toInt(&ok);
        if (ok && n > 0 && n <= 1000) {
            intent.top = n;
            w.used[i + 1] = true;
        } else if (word == u"top" || word == u"bottom") {
            intent.top = 10;
        } else if (asking || word == u"most" || word == u"fewest" || word == u"least") {
            intent.top = intent.top == 0 ? 1 : intent.top;
        } else {
            continue; // "lowest cost in APAC": an aggregation
        }
        intent.ascending = !up;
        w.used[i] = true;
    }
    if (w.has({ u"rank", u"ranking", u"ranked" }) && intent.top == 0)
        intent.top = 1000;
    w.use({ u"rank", u"ranking", u"ranked", u"fastest", u"slowest" });
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
        consumed = { u"margin"_s, u"margins"_s, u"gross"_s };
    } else if (w.has({ u"profit", u"profits", u"earnings", u"profitability" })
        && !hasColumnNamed(u"profit"_s)) {
        derived = DerivedMeasure::Profit;
        consumed = { u"profit"_s, u"profits"_s, u"earnings"_s, u"profitability"_s };
    } else if ((w.hasPhrase(u"per"_s, u"unit"_s) || w.hasPhrase(u"unit"_s, u"price"_s)
                   || w.has({ u"price", u"prices" }))
        && !hasColumnNamed(u"price"_s)) {
        derived = DerivedMeasure::PricePerUnit;
        consumed = { u"price"_s, u"prices"_s, u"per"_s, u"unit"_s };
    } else if (w.has({ u"share", u"percent", u"percentage", u"proportion" })) {
        intent.derived = DerivedMeasure::Share;
        w.use({ u"share", u"percent", u"percentage", u"proportion" });
        return;
    }
    if (derived == DerivedMeasure::None)
        return;
    const ColumnSchema *revenue = numericColumn(u"revenue"_s);
    const ColumnSchema *other
        = numericColumn(derived == DerivedMeasure::PricePerUnit ? u"unit"_s : u"cost"_s);
    // "cost per unit": the named measure over units.
    if (derived == DerivedMeasure::PricePerUnit && w.hasPhrase(u"per"_s, u"unit"_s)) {
        for (qsizetype i = 0; i + 1 < w.size(); ++i) {
            if (w.at(i + 1) == u"per" && w.at(i + 2) == u"unit")
                if (const std::optional<int> c = columnAt(w, i, nullptr);
                    c && m_schema.columns.at(*c).type == ColumnType::Numeric)
                    revenue = &m_schema.columns.at(*c);
        }
    }
    if (!revenue || !other) {
        intent.missing = derived == DerivedMeasure::PricePerUnit
            ? u"a price per unit needs a revenue column and a units column"_s
            : u"a margin or profit needs a revenue column and a cost column"_s;
        return;
    }
    intent.derived = derived;
    intent.measures = { { revenue->id, Aggregation::Sum, revenue->name },
        { other->id, Aggregation::Sum, other->name } };
    const QStringList revenueName = TextMatch::words(revenue->name);
    for (qsizetype i = 0; i < w.size(); ++i) {
        const QString canon = TextMatch::canonical(w.list.at(i));
        const QString operand = derived == DerivedMeasure::PricePerUnit ? u"unit"_s : u"cost"_s;
        if (consumed.contains(w.list.at(i)) || canon == u"revenue" || canon == operand
            || (revenueName.size() == 1 && TextMatch::matches(w.list.at(i), revenueName.first())))
            w.used[i] = true;
    }
}

void QuestionParser::parseValues(Words &w, Intent &intent) const
{
    for (const ColumnSchema &c : m_schema.columns) {
        if (c.type != ColumnType::Hierarchy)
            continue;
        for (const QString &value : m_facts.values.value(c.id)) {
            const QStringList parts = TextMatch::words(value);
            if (parts.isEmpty())
                continue;
            for (qsizetype i = 0; i + parts.size() <= w.size(); ++i) {
                bool all = true;
                for (qsizetype k = 0; k < parts.size() && all; ++k) {
                    const QString &word = w.list.at(i + k);
                    all = !w.used.at(i + k)
                        && (word == parts.at(k) || TextMatch::singular(word) == parts.at(k)
                            || TextMatch::singular(word) == TextMatch::singular(parts.at(k))
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
        if (w.used.at(i))
            continue;
        qsizetype length = 0;
        const std::optional<int> index = columnAt(w, i, &length);
        const QString before = w.at(i - 1);
        const bool grouping = before == u"by" || before == u"per" || before == u"each"
            || before == u"every" || (before == u"across" && !w.used.value(i - 1));
        const bool rankedBy = before == u"by" && intent.top > 0 && index
            && m_schema.columns.at(*index).type == ColumnType::Numeric; // "top 3 … by revenue"
        if (grouping && !rankedBy
            && (!index || m_schema.columns.at(*index).type == ColumnType::Numeric)) {
            // "by supplier": a grouping that names no category column.
            QStringList phrase;
            for (qsizetype k = i; k < w.size() && !w.used.at(k) && !TextMatch::isFiller(w.at(k));
                 ++k) {
                phrase.append(w.original.value(k));
                w.used[k] = true;
            }
            if (!phrase.isEmpty())
                w.unknownColumns.append(phrase.join(u' '));
            continue;
        }
        if (!index)
            continue;
        const ColumnSchema &c = m_schema.columns.at(*index);
        for (qsizetype k = 0; k < length; ++k)
            w.used[i + k] = true;
        if (c.type == ColumnType::Numeric
            && (intent.derived == DerivedMeasure::None
                || intent.derived == DerivedMeasure::Share)) {
            const bool counting
                = aggregation == Aggregation::Count || aggregation == Aggregation::DistinctCount;
            const MeasureSpec measure { c.id, counting ? Aggregation::Sum : aggregation, c.name };
            if (!intent.measures.contains(measure))
                intent.measures.append(measure);
        } else if (c.type == ColumnType::Hierarchy && intent.splitColumnId.isEmpty()) {
            bool filtered = false;
            for (const CategoryFilter &f : std::as_const(intent.filters))
                filtered = filtered || f.columnId == c.id;
            const bool distinct = aggregation == Aggregation::DistinctCount
                || (aggregation == Aggregation::Count && intent.measures.isEmpty() && !grouping);
            if (distinct && intent.measures.isEmpty())
                intent.measures.append({ c.id, Aggregation::DistinctCount, c.name });
            else if (!filtered || grouping)
                intent.splitColumnId = c.id;
        } else if (c.type == ColumnType::Datetime && intent.level == 0) {
            intent.level = 5;
        }
        i += length - 1;
    }
}

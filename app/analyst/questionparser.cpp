#include "app/analyst/questionparser.h"

#include "app/analyst/numberformat.h"
#include "app/analyst/periodparser.h"
#include "app/analyst/questionwords.h"
#include "app/analyst/textmatch.h"

#include <QSet>

using namespace Qt::StringLiterals;

QuestionParser::QuestionParser(DatasetSchema schema, DataFacts facts)
    : m_schema(std::move(schema))
    , m_facts(std::move(facts))
{
}

QuestionParser::QuestionParser(DatasetSchema schema, QHash<QString, QStringList> categoryValues)
    : QuestionParser(std::move(schema), DataFacts { std::move(categoryValues), {}, {} })
{
}

bool QuestionParser::isFollowUp(const QString &question)
{
    const QStringList w = TextMatch::words(question);
    const QString first = w.value(0);
    return first == u"and" || first == u"now" || first == u"only" || first == u"just"
        || first == u"same" || first == u"also" || first == u"then" || first == u"instead"
        || ((first == u"what" || first == u"how") && w.value(1) == u"about");
}

Intent QuestionParser::parse(const QString &question) const
{
    Words w;
    w.list = TextMatch::words(question);
    w.original = TextMatch::words(question, false);
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
    w.use({ u"chart", u"plot", u"graph", u"line", u"trend", u"trends", u"visualize", u"visualise",
        u"draw", u"timeline", u"compare", u"comparison", u"vs", u"versus" });

    parsePeriods(w, intent);
    parseRanking(w, intent);
    const Aggregation aggregation = parseAggregation(w);
    parseTime(w, intent, aggregation == Aggregation::Average);
    parseDerived(w, intent);
    parseValues(w, intent);
    parseColumns(w, intent, intent.perLevel > 0 ? Aggregation::Sum : aggregation);
    const bool ranking = intent.top > 0 && (!intent.splitColumnId.isEmpty() || intent.level > 0);
    if (ranking && !intent.growth) {
        for (MeasureSpec &m : intent.measures) {
            if (m.aggregation == Aggregation::Max || m.aggregation == Aggregation::Min)
                m.aggregation = Aggregation::Sum;
        }
    } else if (!intent.growth) {
        intent.top = 0;
    }

    if (intent.measures.isEmpty() && aggregation == Aggregation::Count)
        intent.measures.append({ QString(), Aggregation::Count, u"Rows"_s });
    if (intent.dateColumnId.isEmpty() && (intent.period.isValid() || intent.level > 0)
        && intent.missing.isEmpty())
        intent.missing = u"a date column: the dataset has none, so periods cannot be read"_s;
    if (intent.measures.isEmpty() && (intent.growth || intent.top > 0)) {
        // "which products grew fastest": the main measure, shown in the interpretation.
        const ColumnSchema *main = numericColumn(u"revenue"_s);
        for (const ColumnSchema &c : m_schema.columns) {
            if (!main && c.type == ColumnType::Numeric && c.currency)
                main = &c;
        }
        for (const ColumnSchema &c : m_schema.columns) {
            if (!main && c.type == ColumnType::Numeric)
                main = &c;
        }
        if (main)
            intent.measures.append({ main->id, Aggregation::Sum, main->name });
    }
    reportUnread(w, intent);
    if (intent.measures.isEmpty() && intent.missing.isEmpty())
        intent.missing = u"a measure: none of the question's words names a numeric column"_s;
    if (intent.growth && !intent.period.isValid() && m_facts.last.isValid()) {
        intent.period = PeriodParser::containing(m_facts.last, 1);
        if (m_facts.last.addDays(1) != intent.period.to)
            intent.period = PeriodParser::containing(intent.period.from.addDays(-1), 1);
    }
    if (intent.growth && intent.period.isValid() && !intent.comparePeriod.isValid())
        intent.comparePeriod
            = PeriodParser::previous(intent.period, PeriodParser::levelOf(intent.period));
    if (intent.missing.isEmpty() && intent.period.isValid() && m_facts.first.isValid()
        && (intent.period.to <= m_facts.first || intent.period.from > m_facts.last)) {
        intent.missing = u"data for "_s + intent.period.label + u": the data covers "_s + coverage()
            + u" only"_s;
    }
    return intent;
}

Intent QuestionParser::parse(const QString &question, const Intent &previous) const
{
    Intent next = parse(question);
    if (!previous.isValid() || previous.datasetId != m_schema.id)
        return next;
    const bool followUp = isFollowUp(question) || next.measures.isEmpty();
    if (!followUp)
        return next;
    if (!next.missing.isEmpty() && !next.missing.startsWith(u"a measure"))
        return next; // an unknown word: say so rather than reuse the old question
    Intent merged = previous;
    merged.missing.clear();
    if (!next.measures.isEmpty()) {
        merged.measures = next.measures;
        merged.derived = next.derived;
    }
    for (const CategoryFilter &f : std::as_const(next.filters)) {
        merged.filters.removeIf(
            [&f](const CategoryFilter &old) { return old.columnId == f.columnId; });
        if (merged.splitColumnId == f.columnId)
            merged.splitColumnId.clear();
    }
    for (const CategoryFilter &f : std::as_const(next.filters))
        merged.filters.append(f);
    if (!next.splitColumnId.isEmpty()) {
        merged.splitColumnId = next.splitColumnId;
        merged.filters.removeIf(
            [&next](const CategoryFilter &old) { return old.columnId == next.splitColumnId; });
    }
    if (next.period.isValid()) {
        merged.period = next.period;
        merged.comparePeriod = next.comparePeriod;
    }
    if (next.level > 0)
        merged.level = next.level;
    if (next.top > 0) {
        merged.top = next.top;
        merged.ascending = next.ascending;
    }
    merged.growth = merged.growth || next.growth;
    merged.wantsChart = merged.wantsChart || next.wantsChart;
    return merged;
}

QString QuestionParser::coverage() const
{
    return NumberFormat::period(m_facts.first, 5) + u" to "_s
        + NumberFormat::period(m_facts.last, 5);
}

QString QuestionParser::valueList() const
{
    QStringList parts;
    for (const ColumnSchema &c : m_schema.columns) {
        if (c.type != ColumnType::Hierarchy)
            continue;
        QStringList values = m_facts.values.value(c.id);
        const qsizetype all = values.size();
        values = values.mid(0, 12);
        QString text = c.name + u": "_s + values.join(u", "_s);
        if (all > values.size())
            text += u" and "_s + QString::number(all - values.size()) + u" more"_s;
        parts.append(text);
    }
    return parts.join(u"; "_s);
}

void QuestionParser::reportUnread(const Words &w, Intent &intent) const
{
    QStringList reasons;
    if (!intent.missing.isEmpty())
        reasons.append(intent.missing);
    QStringList columns;
    for (const ColumnSchema &c : m_schema.columns)
        columns.append(c.name);
    for (const QString &name : w.unknownColumns) {
        reasons.append(u"a column named \""_s + name + u"\": the "_s + m_schema.name
            + u" dataset has "_s + columns.join(u", "_s));
    }
    QStringList values;
    QStringList others;
    static const QSet<QString> valueCues
        = { u"for"_s, u"in"_s, u"only"_s, u"at"_s, u"of"_s, u"excluding"_s, u"without"_s };
    for (qsizetype i = 0; i < w.size(); ++i) {
        const QString &word = w.list.at(i);
        if (w.used.at(i) || TextMatch::isFiller(word))
            continue;
        const QString typed = w.original.value(i);
        const bool capital = i > 0 && !typed.isEmpty() && typed.at(0).isUpper();
        if (capital || valueCues.contains(w.at(i - 1))
            || (i > 0 && !values.isEmpty() && values.last().endsWith(w.original.value(i - 1))))
            values.append(typed);
        else
            others.append(typed);
    }
    if (!values.isEmpty()) {
        QString text = u"a value \""_s + values.join(u' ') + u"\" in the data"_s;
        const QString list = valueList();
        if (!list.isEmpty())
            text += u" (the values are "_s + list + u')';
        reasons.append(text);
    }
    if (!others.isEmpty()) {
        QStringList quoted;
        for (const QString &o : std::as_const(others))
            quoted.append(u'"' + o + u'"');
        reasons.append(u"what "_s + quoted.join(u", "_s) + u" means in the "_s + m_schema.name
            + u" dataset"_s);
    }
    intent.missing = reasons.join(u"; "_s);
}

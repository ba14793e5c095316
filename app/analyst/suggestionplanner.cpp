#include "app/analyst/suggestionplanner.h"

#include "app/analyst/textmatch.h"

namespace {

constexpr int MaxSuggestions = 5;

bool sameChart(const Intent &a, const Intent &b)
{
    return a.measures == b.measures && a.level == b.level && a.splitColumnId == b.splitColumnId
        && a.derived == b.derived && a.filters == b.filters && a.period == b.period;
}

} // namespace

QList<Intent> SuggestionPlanner::plan(const DatasetSchema &schema, const Intent &first)
{
    QList<const ColumnSchema *> numeric;
    QList<const ColumnSchema *> categories;
    const ColumnSchema *date = nullptr;
    const ColumnSchema *revenue = nullptr;
    const ColumnSchema *cost = nullptr;
    for (const ColumnSchema &c : schema.columns) {
        if (c.type == ColumnType::Numeric) {
            c.currency ? numeric.prepend(&c) : numeric.append(&c);
            const QString canon = TextMatch::canonical(TextMatch::words(c.name).value(0));
            if (canon == u"revenue" && !revenue)
                revenue = &c;
            if (canon == u"cost" && !cost)
                cost = &c;
        } else if (c.type == ColumnType::Hierarchy) {
            categories.append(&c);
        } else if (!date) {
            date = &c;
        }
    }
    QList<Intent> out;
    if (!date || numeric.isEmpty())
        return out;
    const auto add = [&](QList<const ColumnSchema *> measures, int level, const ColumnSchema *split,
                         DerivedMeasure derived = DerivedMeasure::None) {
        Intent intent;
        intent.datasetId = schema.id;
        intent.dateColumnId = date->id;
        intent.level = level;
        intent.wantsChart = true;
        intent.derived = derived;
        for (const ColumnSchema *m : measures)
            intent.measures.append({ m->id, Aggregation::Sum, m->name });
        if (split)
            intent.splitColumnId = split->id;
        for (const Intent &existing : std::as_const(out)) {
            if (sameChart(existing, intent))
                return;
        }
        if (out.size() < MaxSuggestions)
            out.append(intent);
    };
    if (first.isValid() && first.datasetId == schema.id && !first.dateColumnId.isEmpty()) {
        Intent own = first;
        own.level = own.level == 0 ? 3 : own.level;
        out.append(own);
    }
    const ColumnSchema *main = revenue ? revenue : numeric.first();
    const ColumnSchema *second = numeric.value(numeric.size() - 1);
    const ColumnSchema *third = numeric.value(1, numeric.first());
    add({ main }, 3, nullptr);
    add({ second }, 3, categories.value(0));
    if (revenue && cost)
        add({ revenue, cost }, 3, nullptr, DerivedMeasure::Margin);
    add({ third }, 2, nullptr);
    add({ main }, 4, categories.value(1, categories.value(0)));
    add({ main }, 1, categories.value(0));
    return out;
}

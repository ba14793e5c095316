#include "analystagent.h"

#include "chartbuilder.h"
#include "chartdescriber.h"
#include "comparisontable.h"
#include "helpanswer.h"
#include "itemreader.h"
#include "luzmonames.h"
#include "questionparser.h"
#include "suggestionplanner.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxCategoryValues = 1000;

QString derivedNote(DerivedMeasure derived)
{
    switch (derived) {
    case DerivedMeasure::Margin:
        return u"Margin is (revenue − cost) / revenue; a chart cannot hold a ratio as a plain "
               u"column, so the chart plots revenue and cost."_s;
    case DerivedMeasure::Profit:
        return u"Profit is revenue − cost; the chart plots revenue and cost."_s;
    case DerivedMeasure::PricePerUnit:
        return u"Price per unit is revenue / units; the chart plots revenue and units."_s;
    case DerivedMeasure::None:
        break;
    }
    return {};
}

QString queryProgress(const ChartQuery &cq)
{
    QString text = u"Querying "_s + cq.measureLabels.join(u" and "_s).toLower();
    if (cq.level > 0)
        text += u" by "_s + LuzmoNames::levelNoun(cq.level);
    if (cq.hasLegend)
        text += (cq.level > 0 ? u" and "_s : u" by "_s) + cq.legendLabel.toLower();
    return text;
}

} // namespace

AnalystAgent::AnalystAgent(QList<DatasetSchema> datasets, QueryRunner runner)
    : m_datasets(std::move(datasets))
    , m_runner(std::move(runner))
{
}

QHash<QString, QStringList> AnalystAgent::categoryValues(const DatasetSchema &schema)
{
    const auto cached = m_values.constFind(schema.id);
    if (cached != m_values.constEnd())
        return cached.value();
    QHash<QString, QStringList> values;
    for (const ColumnSchema &c : schema.columns) {
        if (c.type != ColumnType::Hierarchy || !m_runner)
            continue;
        DataQuery query;
        query.datasetId = schema.id;
        query.dimensions = { { c.id, 0 } };
        query.measures = { { QString(), Aggregation::Count } };
        query.limit = MaxCategoryValues;
        const auto result = m_runner(query);
        if (const auto *rows = std::get_if<QList<QJsonArray>>(&result)) {
            for (const QJsonArray &row : *rows) {
                const QString value = row.at(0).toVariant().toString();
                if (!value.isEmpty())
                    values[c.id].append(value);
            }
        }
    }
    m_values.insert(schema.id, values);
    return values;
}

const DatasetSchema *AnalystAgent::choose(
    const QString &question, const QString &datasetId, Intent *intent, AgentReply &reply)
{
    if (m_datasets.isEmpty()) {
        reply.error = u"No dataset is available. Import a CSV file first."_s;
        reply.text = *reply.error;
        return nullptr;
    }
    if (!datasetId.isEmpty()) {
        for (const DatasetSchema &d : std::as_const(m_datasets)) {
            if (d.id == datasetId) {
                reply.progress.append(u"Reading dataset "_s + d.name);
                *intent = QuestionParser(d, categoryValues(d)).parse(question);
                return &d;
            }
        }
        reply.error = u"The dataset "_s + datasetId + u" does not exist."_s;
        reply.text = *reply.error;
        return nullptr;
    }
    for (const DatasetSchema &d : std::as_const(m_datasets)) {
        const Intent candidate = QuestionParser(d, categoryValues(d)).parse(question);
        if (candidate.isValid()) {
            reply.progress.append(u"Reading dataset "_s + d.name);
            *intent = candidate;
            return &d;
        }
    }
    const DatasetSchema &first = m_datasets.first();
    reply.progress.append(u"Reading dataset "_s + first.name);
    *intent = QuestionParser(first, categoryValues(first)).parse(question);
    return &first;
}

std::optional<QList<QJsonArray>> AnalystAgent::run(const ChartQuery &query, AgentReply &reply)
{
    reply.progress.append(queryProgress(query));
    if (!m_runner) {
        reply.error = u"No data engine is available."_s;
        return std::nullopt;
    }
    auto result = m_runner(query.query);
    if (auto *error = std::get_if<QString>(&result)) {
        reply.error = u"The data query failed: "_s + *error;
        reply.text = *reply.error;
        return std::nullopt;
    }
    return std::get<QList<QJsonArray>>(std::move(result));
}

AgentReply AnalystAgent::generate(const QString &question, Agent agent, const QString &datasetId)
{
    AgentReply reply;
    Intent intent;
    const DatasetSchema *schema = choose(question, datasetId, &intent, reply);
    if (!schema)
        return reply;
    if (!intent.isValid()) {
        reply.text = HelpAnswer::text(*schema, intent.missing);
        return reply;
    }
    const bool timeSeries = intent.level > 0 || agent == Agent::Item;
    if (timeSeries && !intent.dateColumnId.isEmpty())
        return chartAnswer(*schema, intent, agent, std::move(reply));
    if (agent == Agent::Item) {
        reply.text = HelpAnswer::text(*schema, u"a date column for a line chart over time"_s);
        return reply;
    }
    return tableAnswer(*schema, intent, std::move(reply));
}

AgentReply AnalystAgent::chartAnswer(
    const DatasetSchema &schema, const Intent &intent, Agent agent, AgentReply reply)
{
    const QJsonObject item = ChartBuilder(schema).build(intent);
    const ChartQuery cq = ItemReader::read(item, m_datasets);
    const std::optional<QList<QJsonArray>> rows = run(cq, reply);
    if (!rows)
        return reply;
    reply.progress.append(u"Building the line chart"_s);
    const ChartDescriber describer(cq, *rows, intent.derived);
    QStringList parts;
    parts.append(agent == Agent::Item ? describer.headline() : describer.describe());
    if (intent.derived != DerivedMeasure::None)
        parts.append(derivedNote(intent.derived));
    reply.text = parts.join(agent == Agent::Item ? u" "_s : u"\n\n"_s);
    reply.item = item;
    return reply;
}

AgentReply AnalystAgent::tableAnswer(
    const DatasetSchema &schema, const Intent &intent, AgentReply reply)
{
    ChartQuery cq = ItemReader::read(ChartBuilder(schema).build(intent), m_datasets);
    if (!intent.dateColumnId.isEmpty() && !cq.query.dimensions.isEmpty()
        && cq.query.dimensions.first().columnId == intent.dateColumnId) {
        cq.query.dimensions.removeFirst();
        cq.level = 0;
    }
    const std::optional<QList<QJsonArray>> rows = run(cq, reply);
    if (!rows)
        return reply;
    reply.text = ComparisonTable(cq, *rows, intent.derived).markdown();
    return reply;
}

AgentReply AnalystAgent::suggest(const QString &question, const QString &datasetId)
{
    AgentReply reply;
    Intent intent;
    const DatasetSchema *schema = choose(question, datasetId, &intent, reply);
    if (!schema)
        return reply;
    const QList<Intent> plans = SuggestionPlanner::plan(*schema, intent);
    if (plans.isEmpty()) {
        reply.text = u"The **"_s + schema->name
            + u"** dataset needs a date column and a numeric column for line charts."_s;
        return reply;
    }
    reply.progress.append(u"Building "_s + QString::number(plans.size()) + u" suggestions"_s);
    const ChartBuilder builder(*schema);
    QString text = u"Charts for the **"_s + schema->name + u"** dataset:"_s;
    for (const Intent &plan : plans) {
        reply.suggestions.append(builder.build(plan));
        text += u"\n- "_s + builder.title(plan);
    }
    reply.text = text;
    return reply;
}

AgentReply AnalystAgent::describe(const QJsonObject &item)
{
    AgentReply reply;
    reply.progress.append(u"Reading the chart"_s);
    const ChartQuery cq = ItemReader::read(item, m_datasets);
    if (!cq.error.isEmpty()) {
        reply.error = cq.error;
        reply.text = cq.error;
        return reply;
    }
    const std::optional<QList<QJsonArray>> rows = run(cq, reply);
    if (!rows)
        return reply;
    reply.progress.append(u"Describing the result"_s);
    reply.text = ChartDescriber(cq, *rows).describe();
    return reply;
}

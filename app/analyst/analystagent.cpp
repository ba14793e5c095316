#include "app/analyst/analystagent.h"

#include "app/analyst/chartbuilder.h"
#include "app/analyst/chartdescriber.h"
#include "app/analyst/comparisontable.h"
#include "app/analyst/helpanswer.h"
#include "app/analyst/interpretation.h"
#include "app/analyst/rankingtable.h"
#include "app/analyst/suggestionplanner.h"
#include "app/protocol/itemreader.h"
#include "app/protocol/luzmonames.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxCategoryValues = 1000;

QString derivedNote(DerivedMeasure derived)
{
    switch (derived) {
    case DerivedMeasure::Margin:
        return u"Margin is (revenue − cost) / revenue, from each period's totals."_s;
    case DerivedMeasure::Profit:
        return u"Profit is revenue − cost."_s;
    case DerivedMeasure::PricePerUnit:
        return u"Price per unit is revenue / units, from each period's totals."_s;
    case DerivedMeasure::Share:
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

DataFacts AnalystAgent::facts(const DatasetSchema &schema)
{
    const auto cached = m_facts.constFind(schema.id);
    if (cached != m_facts.constEnd())
        return cached.value();
    DataFacts facts;
    for (const ColumnSchema &c : schema.columns) {
        if (!m_runner)
            break;
        DataQuery query;
        query.datasetId = schema.id;
        if (c.type == ColumnType::Datetime && !facts.last.isValid()) {
            query.measures = { { c.id, Aggregation::Min }, { c.id, Aggregation::Max } };
            const auto result = m_runner(query);
            if (result && !result->isEmpty()) {
                const auto day = [](const QJsonValue &v) {
                    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC().date();
                };
                facts.first = day(result->first().at(0));
                facts.last = day(result->first().at(1));
            }
            continue;
        }
        if (c.type != ColumnType::Hierarchy)
            continue;
        query.dimensions = { { c.id, 0 } };
        query.measures = { { QString(), Aggregation::Count } };
        query.limit = MaxCategoryValues;
        const auto result = m_runner(query);
        if (result) {
            for (const QJsonArray &row : *result) {
                const QString value = row.at(0).toVariant().toString();
                if (!value.isEmpty())
                    facts.values[c.id].append(value);
            }
        }
    }
    m_facts.insert(schema.id, facts);
    return facts;
}

Intent AnalystAgent::read(
    const DatasetSchema &schema, const QString &question, const std::optional<Intent> &previous)
{
    const QuestionParser parser(schema, facts(schema));
    return previous ? parser.parse(question, *previous) : parser.parse(question);
}

const DatasetSchema *AnalystAgent::choose(const QString &question, const QString &datasetId,
    Intent *intent, AgentReply &reply, const std::optional<Intent> &previous)
{
    if (m_datasets.isEmpty()) {
        reply.error = u"No dataset is available. Import a CSV file first."_s;
        reply.text = *reply.error;
        return nullptr;
    }
    const QString wanted = !datasetId.isEmpty() ? datasetId
        : previous                              ? previous->datasetId
                                                : QString();
    const DatasetSchema *current = nullptr;
    for (const DatasetSchema &d : std::as_const(m_datasets)) {
        if (d.id == wanted)
            current = &d;
    }
    if (!datasetId.isEmpty() && !current) {
        reply.error = u"The dataset "_s + datasetId + u" does not exist."_s;
        reply.text = *reply.error;
        return nullptr;
    }
    if (current) {
        *intent = read(*current, question, previous);
        if (intent->isValid() || !datasetId.isEmpty()) {
            reply.progress.append(u"Reading dataset "_s + current->name);
            return current;
        }
    }
    for (const DatasetSchema &d : std::as_const(m_datasets)) {
        const Intent candidate = read(d, question, {});
        if (candidate.isValid()) {
            reply.progress.append(u"Reading dataset "_s + d.name);
            if (current)
                reply.progress.append(u"The question names columns of "_s + d.name + u", not of "_s
                    + current->name + u": answering from "_s + d.name);
            *intent = candidate;
            return &d;
        }
    }
    // None maps: the dataset where the question names a measure, to say what else is missing.
    const DatasetSchema *best = current ? current : &m_datasets.first();
    *intent = read(*best, question, previous);
    for (const DatasetSchema &d : std::as_const(m_datasets)) {
        if (!intent->measures.isEmpty() || current)
            break;
        if (Intent candidate = read(d, question, {}); !candidate.measures.isEmpty()) {
            best = &d;
            *intent = candidate;
        }
    }
    reply.progress.append(u"Reading dataset "_s + best->name);
    return best;
}

std::optional<QList<QJsonArray>> AnalystAgent::run(const ChartQuery &query, AgentReply &reply)
{
    reply.progress.append(queryProgress(query));
    if (!m_runner) {
        reply.error = u"No data engine is available."_s;
        return std::nullopt;
    }
    auto result = m_runner(query.query);
    if (!result) {
        reply.error = u"The data query failed: "_s + result.error();
        reply.text = *reply.error;
        return std::nullopt;
    }
    return std::move(*result);
}

AgentReply AnalystAgent::generate(const QString &question, Agent agent, const QString &datasetId,
    const std::optional<Intent> &previous)
{
    AgentReply reply;
    Intent intent;
    const DatasetSchema *schema = choose(question, datasetId, &intent, reply, previous);
    if (!schema)
        return reply;
    if (!intent.isValid()) {
        reply.text = HelpAnswer::text(*schema, intent.missing, facts(*schema));
        return reply;
    }
    const bool chart = (intent.level > 0 || agent == Agent::Item) && !intent.dateColumnId.isEmpty();
    if (agent == Agent::Item && chart)
        reply = chartAnswer(*schema, intent, agent, std::move(reply));
    else if (agent == Agent::Item)
        reply.text = HelpAnswer::text(
            *schema, u"a date column for a line chart over time"_s, facts(*schema));
    else if (intent.growth || intent.comparePeriod.isValid() || intent.top > 0
        || intent.derived == DerivedMeasure::Share)
        reply = rankingAnswer(*schema, intent, std::move(reply));
    else if (intent.perLevel > 0)
        reply = perPeriodAnswer(*schema, intent, std::move(reply));
    else if (chart)
        reply = chartAnswer(*schema, intent, agent, std::move(reply));
    else
        reply = tableAnswer(*schema, intent, std::move(reply));
    if (!reply.error) {
        reply.interpretation = Interpretation::toJson(intent, *schema);
        reply.text += u"\n\n*Read as: "_s + Interpretation::line(intent, *schema) + u"*"_s;
    }
    return reply;
}

AgentReply AnalystAgent::chartAnswer(
    const DatasetSchema &schema, const Intent &intent, Agent agent, AgentReply reply)
{
    const QJsonObject item = ChartBuilder(schema).build(intent);
    // The text needs a derived measure's operands (its overall value is a ratio of totals).
    const ChartQuery cq = ItemReader::read(ChartBuilder(schema).buildOperands(intent), m_datasets);
    const std::optional<QList<QJsonArray>> rows = run(cq, reply);
    if (!rows)
        return reply;
    reply.progress.append(u"Building the line chart"_s);
    const ChartDescriber describer(
        cq, *rows, intent.derived == DerivedMeasure::Share ? DerivedMeasure::None : intent.derived);
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
    ChartQuery cq = ItemReader::read(ChartBuilder(schema).buildOperands(intent), m_datasets);
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

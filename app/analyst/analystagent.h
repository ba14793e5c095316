#pragma once

#include "app/analyst/agentreply.h"
#include "app/analyst/intent.h"
#include "app/analyst/queryrunner.h"
#include "app/analyst/questionparser.h"
#include "app/datasets/datasetschema.h"
#include "app/protocol/chartquery.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The local, deterministic analyst behind the embedded server's `aiprompt` resource: no LLM and
// no network, only the dataset schemas and a query runner. Methods mirror Luzmo's agent/task
// pairs: item/generate, item/suggest, item/describe and analyst/generate.
class AnalystAgent
{
public:
    AnalystAgent(QList<DatasetSchema> datasets, QueryRunner runner);

    // item: a line chart and a short text; analyst: a text answer with numbers (a table when
    // comparing categories) and a chart when the question is about time.
    // `previous`: the interpretation of the conversation's last answer, for follow-ups ("and only
    // for laptops?"); the conversation stays on its dataset unless the question names another's.
    AgentReply generate(const QString &question, Agent agent, const QString &datasetId = {},
        const std::optional<Intent> &previous = {});
    // 3–5 distinct line charts for the dataset (the question's own chart first when it maps).
    AgentReply suggest(const QString &question, const QString &datasetId = {});
    // Runs the item's query and describes the result in words with real numbers.
    AgentReply describe(const QJsonObject &item);

private:
    // The dataset to use (datasetId, else the first one the question maps to, else the first),
    // with the question's intent; nullptr (and reply.error set) when there is none.
    const DatasetSchema *choose(const QString &question, const QString &datasetId, Intent *intent,
        AgentReply &reply, const std::optional<Intent> &previous = {});
    Intent read(const DatasetSchema &schema, const QString &question,
        const std::optional<Intent> &previous);
    DataFacts facts(const DatasetSchema &schema);
    std::optional<QList<QJsonArray>> run(const ChartQuery &query, AgentReply &reply);
    AgentReply chartAnswer(
        const DatasetSchema &schema, const Intent &intent, Agent agent, AgentReply reply);
    AgentReply tableAnswer(const DatasetSchema &schema, const Intent &intent, AgentReply reply);
    AgentReply rankingAnswer(const DatasetSchema &schema, const Intent &intent, AgentReply reply);
    AgentReply perPeriodAnswer(const DatasetSchema &schema, const Intent &intent, AgentReply reply);
    // The rows of one group (a category or a date bucket) per row, over `period`.
    std::optional<QList<QJsonArray>> grouped(const DatasetSchema &schema, const Intent &intent,
        const DatePeriod &period, int level, AgentReply &reply);

    QList<DatasetSchema> m_datasets;
    QueryRunner m_runner;
    QHash<QString, DataFacts> m_facts; // dataset id → its values and date range
};

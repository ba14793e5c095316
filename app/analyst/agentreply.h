#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Luzmo's AIPrompt agents: `item` (generate | suggest | describe a chart) and `analyst`
// (generate: a text answer with numbers, with a chart when one helps).
enum class Agent { Item, Analyst };

struct AgentReply
{
    QString text; // markdown
    std::optional<QJsonObject> item; // a line-chart item
    QList<QJsonObject> suggestions; // suggest: several line-chart items
    QStringList progress; // e.g. "Reading dataset Sales", "Querying revenue by month"
    std::optional<QString> error; // set when the question could not be answered at all
    // How the question was read (Interpretation::toJson), for the message's interpretation asset.
    std::optional<QJsonObject> interpretation;
};

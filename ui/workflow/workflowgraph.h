#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// One node of a workflow definition, as the graph shows it: its id and type, its display title
// (`titleOverride`, else `description`), the `branch` it hangs on (`then`/`else` under an `if`,
// `resumed`/`timed_out` under a `wait`), its key properties (the `payload` fields, the
// connector, then any other field) as short text, and the ids it points to: `children` (run
// after it) and `loopBody` (run per item of a `for-each`).
struct WorkflowGraphNode
{
    QString id;
    QString type;
    QString title;
    QString branch;
    QList<QPair<QString, QString>> properties; // key, value as compact text
    QStringList children;
    QStringList loopBody;
};

// A B3OS workflow definition read for drawing: `{"nodes": {id: {type, payload, children, …}}}`
// (the B3OS shape) or `{"nodes": [{id, type, …}, …]}` (older streams). The `root` node comes
// first, the others in the order of the definition (an object's keys sorted, as QJsonObject
// keeps them). Nothing is checked here; WorkflowGraphLayout reports what does not fit.
struct WorkflowGraph
{
    QJsonObject definition;
    QList<WorkflowGraphNode> nodes;

    static WorkflowGraph fromDefinition(const QJsonObject &definition);
    // A property's value as one short line: strings as they are, objects and arrays as compact
    // JSON.
    static QString valueText(const QJsonValue &value);
};

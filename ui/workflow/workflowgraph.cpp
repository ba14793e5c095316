#include "ui/workflow/workflowgraph.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
QStringList ids(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

WorkflowGraphNode readNode(const QString &id, const QJsonObject &node)
{
    WorkflowGraphNode out;
    out.id = id;
    out.type = node.value(u"type").toString();
    out.title = node.value(u"titleOverride").toString();
    if (out.title.isEmpty())
        out.title = node.value(u"description").toString();
    out.branch = node.value(u"branch").toString();
    out.children = ids(node.value(u"children"));
    out.loopBody = ids(node.value(u"loopBody"));
    const QJsonObject payload = node.value(u"payload").toObject();
    for (auto it = payload.begin(); it != payload.end(); ++it)
        out.properties.append({ it.key(), WorkflowGraph::valueText(it.value()) });
    const QJsonValue connector = node.value(u"connector");
    if (connector.isObject())
        out.properties.append({ u"connector"_s, connector.toObject().value(u"type").toString() });
    static const QStringList known { u"id"_s, u"type"_s, u"titleOverride"_s, u"description"_s,
        u"branch"_s, u"children"_s, u"loopBody"_s, u"payload"_s, u"connector"_s };
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!known.contains(it.key()))
            out.properties.append({ it.key(), WorkflowGraph::valueText(it.value()) });
    }
    return out;
}
} // namespace

QString WorkflowGraph::valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

WorkflowGraph WorkflowGraph::fromDefinition(const QJsonObject &definition)
{
    WorkflowGraph graph;
    graph.definition = definition;
    const QJsonValue nodes = definition.value(u"nodes");
    if (nodes.isObject()) {
        const QJsonObject byId = nodes.toObject();
        for (auto it = byId.begin(); it != byId.end(); ++it)
            graph.nodes.append(readNode(it.key(), it.value().toObject()));
    } else {
        for (const QJsonValue &n : nodes.toArray()) {
            const QJsonObject node = n.toObject();
            graph.nodes.append(readNode(node.value(u"id").toString(), node));
        }
    }
    const auto root = std::find_if(graph.nodes.begin(), graph.nodes.end(),
        [](const WorkflowGraphNode &n) { return n.id == u"root"; });
    if (root != graph.nodes.end() && root != graph.nodes.begin())
        std::rotate(graph.nodes.begin(), root, root + 1);
    return graph;
}

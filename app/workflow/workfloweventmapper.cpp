#include "workfloweventmapper.h"

#include <QCoreApplication>
#include <QJsonDocument>

using Type = StreamEvent::Type;

WorkflowEventMapper::WorkflowEventMapper(QString conversationId)
    : m_conversationId(std::move(conversationId))
{
}

void WorkflowEventMapper::restore(const QString &text, const QJsonArray &nodes)
{
    m_text = text;
    m_nodes.clear();
    for (const QJsonValue &node : nodes)
        keepNode(node.toObject());
}

StreamEvent WorkflowEventMapper::make(Type type, const QString &name) const
{
    StreamEvent event;
    event.type = type;
    event.typeName = name;
    event.conversationId = m_conversationId;
    return event;
}

QList<StreamEvent> WorkflowEventMapper::begin()
{
    StreamEvent start = make(Type::Start, u"start"_qs);
    start.raw
        = QJsonObject { { u"type"_qs, u"start"_qs }, { u"conversationId"_qs, m_conversationId } };
    QList<StreamEvent> out { start };
    if (!m_text.isEmpty()) {
        StreamEvent textStart = make(Type::TextStart, u"text_start"_qs);
        textStart.index = 0;
        StreamEvent delta = make(Type::TextDelta, u"text_delta"_qs);
        delta.index = 0;
        delta.text = m_text;
        out << textStart << delta;
        m_textStarted = true;
    }
    return out;
}

void WorkflowEventMapper::keepNode(const QJsonObject &node)
{
    const QString id = node.value(u"id").toString();
    if (!id.isEmpty()) {
        for (QJsonObject &kept : m_nodes) {
            if (kept.value(u"id").toString() == id) {
                kept = node;
                return;
            }
        }
    }
    m_nodes.append(node);
}

QJsonArray WorkflowEventMapper::nodesArray() const
{
    QJsonArray array;
    for (const QJsonObject &node : m_nodes)
        array.append(node);
    return array;
}

QString WorkflowEventMapper::describeNode(const QJsonObject &node)
{
    const QString id = node.value(u"id").toString(u"?"_qs);
    const QString type = node.value(u"type").toString();
    return type.isEmpty()
        ? QCoreApplication::translate("WorkflowEventMapper", "Added node %1").arg(id)
        : QCoreApplication::translate("WorkflowEventMapper", "Added node %1 (%2)").arg(id, type);
}

void WorkflowEventMapper::endText(QList<StreamEvent> &out)
{
    if (!m_textStarted || m_textEnded)
        return;
    m_textEnded = true;
    StreamEvent end = make(Type::TextEnd, u"text_end"_qs);
    end.index = 0;
    out << end;
}

QList<StreamEvent> WorkflowEventMapper::map(const WorkflowFrame &frame)
{
    QList<StreamEvent> out;
    if (m_finished)
        return out;
    switch (frame.kind) {
    case WorkflowFrame::Kind::Chunk: {
        if (frame.text.isEmpty())
            break;
        if (!m_textStarted) {
            m_textStarted = true;
            StreamEvent start = make(Type::TextStart, u"text_start"_qs);
            start.index = 0;
            out << start;
        }
        m_text += frame.text;
        StreamEvent delta = make(Type::TextDelta, u"text_delta"_qs);
        delta.index = 0;
        delta.text = frame.text;
        delta.raw = frame.raw;
        out << delta;
        break;
    }
    case WorkflowFrame::Kind::Node: {
        keepNode(frame.node);
        StreamEvent progress = make(Type::Progress, u"progress"_qs);
        progress.progressMessage = describeNode(frame.node);
        progress.raw = frame.raw;
        out << progress;
        break;
    }
    case WorkflowFrame::Kind::Done: {
        endText(out);
        if (!frame.definition.isEmpty()) {
            StreamEvent start = make(Type::AssetStart, u"asset_start"_qs);
            start.index = 0;
            start.assetType = u"workflow"_qs;
            StreamEvent delta = make(Type::AssetDelta, u"asset_delta"_qs);
            delta.index = 0;
            delta.assetType = u"workflow"_qs;
            delta.text
                = QString::fromUtf8(QJsonDocument(frame.definition).toJson(QJsonDocument::Compact));
            StreamEvent end = make(Type::AssetEnd, u"asset_end"_qs);
            end.index = 0;
            end.assetType = u"workflow"_qs;
            out << start << delta << end;
        }
        StreamEvent finish = make(Type::Finish, u"finish"_qs);
        finish.raw = frame.raw;
        out << finish << make(Type::Done, u"done"_qs);
        m_finished = true;
        break;
    }
    case WorkflowFrame::Kind::Error: {
        endText(out);
        StreamEvent error = make(Type::Error, u"error"_qs);
        error.errorMessage = frame.errorMessage;
        error.raw = frame.raw;
        out << error << make(Type::Done, u"done"_qs);
        m_finished = true;
        break;
    }
    case WorkflowFrame::Kind::Unknown:
        break;
    }
    return out;
}

#include "app/workflow/workfloweventmapper.h"

#include "app/workflow/workflowlog.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

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
    StreamEvent start = make(Type::Start, u"start"_s);
    start.raw
        = QJsonObject { { u"type"_s, u"start"_s }, { u"conversationId"_s, m_conversationId } };
    QList<StreamEvent> out { start };
    if (!m_text.isEmpty()) {
        StreamEvent textStart = make(Type::TextStart, u"text_start"_s);
        textStart.index = 0;
        StreamEvent delta = make(Type::TextDelta, u"text_delta"_s);
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
    const QString id = node.value(u"id").toString(u"?"_s);
    const QString type = node.value(u"type").toString();
    return type.isEmpty()
        ? QCoreApplication::translate("WorkflowEventMapper", "Added node %1").arg(id)
        : QCoreApplication::translate("WorkflowEventMapper", "Added node %1 (%2)").arg(id, type);
}

QString WorkflowEventMapper::describeStep(const WorkflowFrame &frame)
{
    const auto tr
        = [](const char *text) { return QCoreApplication::translate("WorkflowEventMapper", text); };
    switch (frame.kind) {
    case WorkflowFrame::Kind::Thinking:
        return frame.text.isEmpty() ? tr("Thinking…") : tr("Thinking: %1").arg(frame.text);
    case WorkflowFrame::Kind::ToolStart:
        return frame.toolName.isEmpty() ? tr("Using a tool…")
                                        : tr("Using tool %1").arg(frame.toolName);
    case WorkflowFrame::Kind::ToolResult:
        return frame.toolName.isEmpty() ? tr("A tool finished")
                                        : tr("Tool %1 finished").arg(frame.toolName);
    case WorkflowFrame::Kind::ModeSwitch:
        return frame.mode.isEmpty() ? tr("Switched mode")
                                    : tr("Switched to %1 mode").arg(frame.mode);
    default:
        return {};
    }
}

QString WorkflowEventMapper::notesMarkdown(const QStringList &incompleteFields,
    const QList<WorkflowFrame::ValidationError> &validationErrors)
{
    const auto tr
        = [](const char *text) { return QCoreApplication::translate("WorkflowEventMapper", text); };
    // Inline code keeps field paths and node ids as they are (no markdown inside them).
    const auto code = [](QString s) -> QString { return u"`"_s + s.replace(u'`', u'\'') + u'`'; };
    QStringList lines;
    if (!incompleteFields.isEmpty()) {
        lines << tr("**Incomplete fields** — the workflow needs your input for:") << QString();
        for (const QString &field : incompleteFields)
            lines << u"- "_s + code(field);
    }
    if (!validationErrors.isEmpty()) {
        if (!lines.isEmpty())
            lines << QString();
        lines << tr("**Validation errors** — fix these before running it:") << QString();
        for (const WorkflowFrame::ValidationError &e : validationErrors)
            lines << u"- "_s + (e.nodeId.isEmpty() ? QString() : QString(code(e.nodeId) + u": "))
                    + e.message;
    }
    return lines.join(u'\n');
}

void WorkflowEventMapper::startText(QList<StreamEvent> &out)
{
    if (m_textStarted)
        return;
    m_textStarted = true;
    StreamEvent start = make(Type::TextStart, u"text_start"_s);
    start.index = 0;
    out << start;
}

void WorkflowEventMapper::endText(QList<StreamEvent> &out)
{
    if (!m_textStarted || m_textEnded)
        return;
    m_textEnded = true;
    StreamEvent end = make(Type::TextEnd, u"text_end"_s);
    end.index = 0;
    out << end;
}

void WorkflowEventMapper::logIgnored(const WorkflowFrame &frame)
{
    if (m_ignoredTypes.contains(frame.typeName))
        return;
    m_ignoredTypes.insert(frame.typeName);
    if (frame.kind == WorkflowFrame::Kind::SheetData)
        qCDebug(lcWorkflow) << "Not shown: workflow event" << frame.typeName;
    else
        qCInfo(lcWorkflow).noquote()
            << u"Ignored workflow event of unknown type \"%1\""_s.arg(frame.typeName);
}

void WorkflowEventMapper::mapDone(const WorkflowFrame &frame, QList<StreamEvent> &out)
{
    if (m_text.isEmpty() && !frame.text.isEmpty()) {
        // A "message" answer (or any done with data.message) that came with no chunk.
        startText(out);
        m_text = frame.text;
        StreamEvent delta = make(Type::TextDelta, u"text_delta"_s);
        delta.index = 0;
        delta.text = frame.text;
        out << delta;
    }
    endText(out);
    const QString notes = notesMarkdown(frame.incompleteFields, frame.validationErrors);
    if (!notes.isEmpty()) {
        // A text block of its own: the answer shows it under the text, after a blank line.
        for (const Type type : { Type::TextStart, Type::TextDelta, Type::TextEnd }) {
            StreamEvent e = make(type, StreamEvent::typeToString(type));
            e.index = 1;
            if (type == Type::TextDelta)
                e.text = notes;
            out << e;
        }
    }
    if (!frame.definition.isEmpty()) {
        StreamEvent start = make(Type::AssetStart, u"asset_start"_s);
        start.index = 0;
        start.assetType = u"workflow"_s;
        StreamEvent delta = make(Type::AssetDelta, u"asset_delta"_s);
        delta.index = 0;
        delta.assetType = u"workflow"_s;
        delta.text
            = QString::fromUtf8(QJsonDocument(frame.definition).toJson(QJsonDocument::Compact));
        StreamEvent end = make(Type::AssetEnd, u"asset_end"_s);
        end.index = 0;
        end.assetType = u"workflow"_s;
        out << start << delta << end;
    }
    StreamEvent finish = make(Type::Finish, u"finish"_s);
    finish.raw = frame.raw;
    out << finish << make(Type::Done, u"done"_s);
    m_finished = true;
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
        startText(out);
        m_text += frame.text;
        StreamEvent delta = make(Type::TextDelta, u"text_delta"_s);
        delta.index = 0;
        delta.text = frame.text;
        delta.raw = frame.raw;
        out << delta;
        break;
    }
    case WorkflowFrame::Kind::Node: {
        keepNode(frame.node);
        StreamEvent progress = make(Type::Progress, u"progress"_s);
        progress.progressMessage = describeNode(frame.node);
        progress.raw = frame.raw;
        out << progress;
        break;
    }
    case WorkflowFrame::Kind::Thinking:
    case WorkflowFrame::Kind::ToolStart:
    case WorkflowFrame::Kind::ToolResult:
    case WorkflowFrame::Kind::ModeSwitch: {
        StreamEvent progress = make(Type::Progress, u"progress"_s);
        progress.progressMessage = describeStep(frame);
        progress.raw = frame.raw;
        out << progress;
        break;
    }
    case WorkflowFrame::Kind::Done:
        mapDone(frame, out);
        break;
    case WorkflowFrame::Kind::Error: {
        endText(out);
        StreamEvent error = make(Type::Error, u"error"_s);
        error.errorMessage = frame.errorMessage;
        error.raw = frame.raw;
        out << error << make(Type::Done, u"done"_s);
        m_finished = true;
        break;
    }
    case WorkflowFrame::Kind::SheetData:
    case WorkflowFrame::Kind::Unknown:
        logIgnored(frame);
        break;
    }
    return out;
}

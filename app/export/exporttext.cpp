#include "app/export/exporttext.h"

using namespace Qt::StringLiterals;

QString ExportText::title(const Conversation &conversation)
{
    const QString t = conversation.title.simplified();
    return t.isEmpty() ? tr("Untitled conversation") : t;
}

QString ExportText::time(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString ExportText::speaker(const Message &message)
{
    QString who;
    switch (message.role) {
    case MessageRole::User:
        who = tr("You");
        break;
    case MessageRole::Assistant:
        who = tr("Assistant");
        break;
    case MessageRole::System:
        who = tr("System");
        break;
    }
    return message.supersededAt.isValid() ? tr("%1 · earlier version").arg(who) : who;
}

QString ExportText::metadata(const ExportedConversation &exported)
{
    const Conversation &c = exported.conversation;
    QStringList parts;
    parts << tr("Backend: %1").arg(c.backend);
    if (c.createdAt.isValid())
        parts << tr("Created %1").arg(time(c.createdAt));
    parts << tr("Exported %1").arg(time(exported.exportedAt));
    parts << (exported.messages.size() == 1 ? tr("1 message")
                                            : tr("%1 messages").arg(exported.messages.size()));
    return parts.join(u" · "_s);
}

QString ExportText::statusNote(const Message &message)
{
    const QString detail = message.errorDetail.simplified();
    switch (message.status) {
    case MessageStatus::Complete:
        return {};
    case MessageStatus::Interrupted:
        return tr("Interrupted: %1")
            .arg(detail.isEmpty() ? tr("the answer was stopped before it finished.") : detail);
    case MessageStatus::Error:
        return tr("Error: %1").arg(detail.isEmpty() ? tr("the answer failed.") : detail);
    case MessageStatus::Pending:
    case MessageStatus::Streaming:
        return tr("Incomplete: the answer was still being written when this was exported.");
    }
    return {};
}

QString ExportText::footer()
{
    return tr("Exported from Chartroom %1").arg(QStringLiteral(CHARTROOM_VERSION));
}

#include "models/messageaccessibletext.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString MessageAccessibleText::text(const Message &message, int maxChars)
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
    if (message.createdAt.isValid())
        who = tr("%1, %2").arg(who, message.createdAt.toLocalTime().toString(u"HH:mm"_s));
    QString body = plainText(message.text);
    if (body.size() > maxChars)
        body = body.left(maxChars).trimmed() + u'…';
    return body.isEmpty() ? who : tr("%1: %2").arg(who, body);
}

QString MessageAccessibleText::description(const Message &message)
{
    QStringList parts;
    switch (message.status) {
    case MessageStatus::Pending:
        parts << tr("Waiting");
        break;
    case MessageStatus::Streaming:
        parts << tr("Streaming");
        break;
    case MessageStatus::Complete:
        break;
    case MessageStatus::Interrupted:
        parts << (message.errorDetail.isEmpty() ? tr("Stopped")
                                                : tr("Stopped: %1").arg(message.errorDetail));
        break;
    case MessageStatus::Error:
        parts << (message.errorDetail.isEmpty() ? tr("Error")
                                                : tr("Error: %1").arg(message.errorDetail));
        break;
    }
    if (!message.assets.isEmpty())
        parts << (message.assets.size() == 1
                ? tr("1 chart")
                : tr("%1 charts").arg(QLocale().toString(message.assets.size())));
    if (message.supersededAt.isValid())
        parts << tr("earlier version");
    return parts.join(tr(", "));
}

QString MessageAccessibleText::plainText(const QString &markdown)
{
    static const QRegularExpression link(u"!?\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression lineMarks(
        u"^[ \\t]*(?:#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+(?:\\[[ xX]\\][ \\t]+)?|```\\S*)"_s,
        QRegularExpression::MultilineOption);
    static const QRegularExpression inlineMarks(u"\\*\\*|__|[*`~]|(?<!\\w)_|_(?!\\w)"_s);
    static const QRegularExpression tablePipes(u"[ \\t]*\\|[ \\t]*"_s);
    static const QRegularExpression tableRule(
        u"^[ \\t]*\\|?[-: |]+\\|?[ \\t]*$"_s, QRegularExpression::MultilineOption);
    QString text = markdown;
    text.replace(link, u"\\1"_s);
    text.remove(tableRule);
    text.remove(lineMarks);
    text.remove(inlineMarks);
    text.replace(tablePipes, u" "_s);
    return text.simplified();
}

#include "chatsession.h"

#include "repository.h"

ChatSession::ChatSession(Repository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
}

QString ChatSession::titleFor(const QString &prompt)
{
    const QString line = prompt.simplified();
    constexpr int maxLength = 60;
    if (line.size() <= maxLength)
        return line;
    QString cut = line.left(maxLength);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space > maxLength / 2)
        cut.truncate(space);
    return cut + u'…';
}

StoreResult<qint64> ChatSession::send(qint64 conversationId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return StoreError { StoreError::Code::QueryFailed, tr("Type a question first."), {} };
    if (conversationId == 0) {
        auto created = m_repository.createConversation(titleFor(text));
        if (!created)
            return created.error();
        conversationId = created->id;
    }
    Message user;
    user.conversationId = conversationId;
    user.role = MessageRole::User;
    user.text = text;
    user.status = MessageStatus::Complete;
    auto storedUser = m_repository.addMessage(user);
    if (!storedUser)
        return storedUser.error();

    Message answer;
    answer.conversationId = conversationId;
    answer.role = MessageRole::Assistant;
    answer.status = MessageStatus::Error;
    answer.errorDetail = tr("No backend configured: add one in Settings to get answers. Your "
                            "question was saved.");
    auto storedAnswer = m_repository.addMessage(answer);
    if (!storedAnswer)
        return storedAnswer.error();
    return conversationId;
}

void ChatSession::stop()
{
    // Nothing streams until a backend exists; kept so the UI wires Stop now.
    if (m_activeAnswerId == 0)
        return;
    m_activeAnswerId = 0;
    Q_EMIT busyChanged(false);
}

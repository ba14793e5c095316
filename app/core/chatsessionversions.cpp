// ChatSession: editing the last question and sending it again, and regenerating the last answer
// (issue 16.4). What they replace stays in the history as an earlier version
// (Repository::supersede); if the new version cannot be stored or asked, the earlier one is
// current again.
#include "app/core/chatsession.h"
#include "app/core/chatsessionactive.h"
#include "models/repository.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// The newest messages of a conversation looked at to find its last turn: a question and the
// answers after it (a regenerated answer's earlier versions among them).
constexpr int lastTurnPage = 50;
} // namespace

StoreStatus ChatSession::refuseWhileBusy() const
{
    if (m_active) {
        return StoreError { StoreError::Code::Busy,
            tr("An answer is still arriving: wait for it or press Stop."), {} };
    }
    if (m_savingQuestion)
        return StoreError { StoreError::Code::Busy, tr("The last question is still being saved."),
            {} };
    return std::nullopt;
}

StoreResult<Conversation> ChatSession::conversationToAskIn(qint64 conversationId) const
{
    auto conversation = m_repository.conversation(conversationId);
    if (conversation && accountRemoved(*conversation))
        return StoreError { StoreError::Code::NotFound, removedAccountMessage(), {} };
    return conversation;
}

StoreResult<ChatSession::LastTurn> ChatSession::lastTurn(qint64 conversationId) const
{
    auto newest = m_repository.messages(conversationId, 0, lastTurnPage);
    if (!newest)
        return newest.error();
    LastTurn turn;
    for (auto it = newest->crbegin(); it != newest->crend(); ++it) {
        if (it->supersededAt.isValid())
            continue;
        if (it->role == MessageRole::User) {
            turn.question = *it;
            return turn;
        }
        if (it->role == MessageRole::Assistant && turn.answer.id == 0)
            turn.answer = *it;
    }
    return StoreError { StoreError::Code::NotFound,
        tr("This conversation has no question to ask again."), {} };
}

StoreResult<qint64> ChatSession::regenerate(qint64 answerId)
{
    if (StoreStatus busy = refuseWhileBusy())
        return *busy;
    auto answer = m_repository.message(answerId);
    if (!answer)
        return answer.error();
    auto conversation = conversationToAskIn(answer->conversationId);
    if (!conversation)
        return conversation.error();
    auto turn = lastTurn(conversation->id);
    if (!turn)
        return turn.error();
    if (answer->role != MessageRole::Assistant || turn->answer.id != answerId) {
        return StoreError { StoreError::Code::Invalid,
            tr("Only the last answer of a conversation can be regenerated."), {} };
    }
    auto replaced = m_repository.supersede(conversation->id, answer->seq);
    if (!replaced)
        return replaced.error();
    auto started = startAnswer(*conversation, turn->question, backendFor(*conversation));
    if (!started)
        m_repository.restoreVersions(conversation->id, *replaced);
    return started;
}

StoreResult<qint64> ChatSession::resend(qint64 questionId, const QuestionText &text)
{
    if (text.isBlank())
        return StoreError { StoreError::Code::Invalid, tr("Type a question first."), {} };
    if (StoreStatus busy = refuseWhileBusy())
        return *busy;
    auto question = m_repository.message(questionId);
    if (!question)
        return question.error();
    auto turn = lastTurn(question->conversationId);
    if (!turn)
        return turn.error();
    if (turn->question.id != questionId) {
        return StoreError { StoreError::Code::Invalid,
            tr("Only the last question of a conversation can be edited and sent again."), {} };
    }
    auto replaced = m_repository.supersede(question->conversationId, question->seq);
    if (!replaced)
        return replaced.error();
    m_replacedVersions = { question->conversationId, *replaced };
    auto sent = send(question->conversationId, text);
    if (!sent)
        restoreReplacedVersions();
    else if (!m_savingQuestion)
        m_replacedVersions = {}; // stored: the new version stands
    return sent;
}

void ChatSession::restoreReplacedVersions()
{
    const auto [conversationId, ids] = std::exchange(m_replacedVersions, {});
    if (!ids.isEmpty())
        m_repository.restoreVersions(conversationId, ids);
}

#include "app/core/chatsession.h"

#include "app/chat/answerstream.h"
#include "app/chat/backend.h"
#include "app/core/chatsessionactive.h"
#include "models/repository.h"

#include <QPointer>

using namespace Qt::StringLiterals;

ChatSession::ChatSession(Repository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
    m_persistTimer.setSingleShot(true);
    m_persistTimer.setInterval(persistIntervalMs);
    connect(&m_persistTimer, &QTimer::timeout, this, [this] {
        if (m_active && m_active->textDirty)
            persist(int(Repository::MessageField::Text));
    });
    m_announceTimer.setSingleShot(true);
    m_announceTimer.setInterval(0);
    connect(&m_announceTimer, &QTimer::timeout, this, &ChatSession::announceText);
}

ChatSession::~ChatSession()
{
    if (m_active) {
        // Quitting mid-answer: keep what arrived, marked interrupted.
        m_active->stopped = true;
        finishAnswer(MessageStatus::Interrupted,
            tr("Chartroom was closed while the answer "
               "was arriving."));
    }
}

void ChatSession::setBackend(Backend *backend)
{
    m_backend = backend;
}

void ChatSession::setBackendResolver(BackendResolver resolver)
{
    m_resolver = std::move(resolver);
}

void ChatSession::setOffline(Connectivity *connectivity, Outbox *outbox)
{
    m_connectivity = connectivity;
    m_outbox = outbox;
}

void ChatSession::setAgent(const QString &agent, const QString &task)
{
    m_agent = agent;
    m_task = task;
}

qint64 ChatSession::activeAnswerId() const
{
    return m_active ? m_active->answer.id : 0;
}

QString ChatSession::progressText() const
{
    return m_active ? m_active->assembler.progressMessage() : QString();
}

StoreResult<Message> ChatSession::storeAnswerError(qint64 conversationId, const QString &detail)
{
    Message answer;
    answer.conversationId = conversationId;
    answer.role = MessageRole::Assistant;
    answer.status = MessageStatus::Error;
    answer.errorDetail = detail;
    return m_repository.addMessage(answer);
}

StoreResult<qint64> ChatSession::send(qint64 conversationId, const QuestionText &text)
{
    if (text.isBlank())
        return StoreError { StoreError::Code::Invalid, tr("Type a question first."), {} };
    if (StoreStatus busy = refuseWhileBusy())
        return *busy;
    StoreResult<Conversation> conversation = conversationId == 0
        ? m_repository.createConversation(
            Conversation::titleFor(text.start(Conversation::titleLookAt)),
            m_backend ? m_backend->id() : u"local"_s)
        : m_repository.conversation(conversationId);
    if (!conversation)
        return conversation.error();
    if (accountRemoved(*conversation))
        return StoreError { StoreError::Code::NotFound, removedAccountMessage(), {} };

    Message question;
    question.conversationId = conversation->id;
    question.role = MessageRole::User;
    question.agent = m_agent;
    question.task = m_task;
    question.localeId = u"en"_s;
    const bool queue = shouldQueue(*conversation);
    if (queue)
        question.status = MessageStatus::Pending;
    const bool isNew = conversationId == 0;
    if (!m_repository.savesInBackground(text)) {
        question.text = text.joined();
        return questionSaved(*conversation, m_repository.addMessage(question), queue, isNew);
    }
    // A long question is joined and written by the store's background thread; the answer is
    // asked for once it is stored (questionNotSaved() if it could not be).
    m_savingQuestion = true;
    m_repository.addQuestionInBackground(question, text,
        [self = QPointer(this), c = *conversation, queue, isNew, text](
            const StoreResult<Message> &stored) {
            if (!self)
                return;
            self->m_savingQuestion = false;
            const StoreResult<qint64> asked = self->questionSaved(c, stored, queue, isNew);
            if (stored)
                self->m_replacedVersions = {}; // a resend()'s new version stands
            else
                self->restoreReplacedVersions();
            if (!asked)
                Q_EMIT self->questionNotSaved(c.id, text, asked.error());
        });
    return conversation->id;
}

StoreResult<qint64> ChatSession::questionSaved(const Conversation &conversation,
    const StoreResult<Message> &stored, bool queue, bool newConversation)
{
    if (!stored) {
        // A conversation made for this question alone (e.g. the disk is full) is not left
        // behind empty: it is deleted (hidden from the lists) and the question stays unsent.
        if (newConversation)
            m_repository.deleteConversation(conversation.id);
        return stored.error();
    }
    if (queue)
        return enqueue(conversation, *stored);
    return startAnswer(conversation, *stored, backendFor(conversation));
}

StoreResult<qint64> ChatSession::retry(qint64 assistantMessageId)
{
    if (StoreStatus busy = refuseWhileBusy())
        return *busy;
    auto failedAnswer = m_repository.message(assistantMessageId);
    if (!failedAnswer)
        return failedAnswer.error();
    auto conversation = conversationToAskIn(failedAnswer->conversationId);
    if (!conversation)
        return conversation.error();
    auto earlier = m_repository.messages(conversation->id, failedAnswer->seq, 20);
    if (!earlier)
        return earlier.error();
    for (auto it = earlier->crbegin(); it != earlier->crend(); ++it) {
        if (it->role == MessageRole::User)
            return startAnswer(*conversation, *it, backendFor(*conversation));
    }
    return StoreError { StoreError::Code::NotFound, tr("There is no question to ask again."), {} };
}

Backend *ChatSession::backendFor(const Conversation &conversation) const
{
    // A conversation that has started remotely continues on its own backend; one that has not
    // goes to its own account when that exists (e.g. moved there), else to the current one
    // (and takes its id when the first answer starts).
    if (!m_resolver)
        return m_backend;
    if (!conversation.remoteId.isEmpty())
        return m_resolver(conversation.backend);
    Backend *own = m_resolver(conversation.backend);
    return own ? own : m_backend;
}

bool ChatSession::accountRemoved(const Conversation &conversation) const
{
    return m_resolver && !conversation.remoteId.isEmpty() && !m_resolver(conversation.backend);
}

QString ChatSession::removedAccountMessage()
{
    return tr("The account this conversation used was removed. Move it to another account to "
              "continue it.");
}

StoreResult<qint64> ChatSession::startAnswer(const Conversation &conversation,
    const Message &question, Backend *backend, qint64 reuseAnswerId)
{
    if (!backend) {
        const bool known = !m_resolver || conversation.remoteId.isEmpty();
        // (known: nothing was configured; else the conversation's own backend went away)
        auto e = storeAnswerError(conversation.id,
            known ? tr("No backend configured: add one in Settings to get "
                       "answers. Your question was saved.")
                  : removedAccountMessage());
        if (!e)
            return e.error();
        return conversation.id;
    }
    PromptRequest request;
    request.text = question.text;
    request.remoteConversationId = conversation.remoteId;
    request.agent = m_agent;
    request.task = m_task;
    request.stream = m_stream;
    if (const QString invalid = backend->validate(request); !invalid.isEmpty()) {
        auto e = storeAnswerError(conversation.id, invalid);
        if (!e)
            return e.error();
        return conversation.id;
    }

    Message answer;
    answer.conversationId = conversation.id;
    answer.role = MessageRole::Assistant;
    answer.agent = m_agent;
    answer.task = m_task;
    answer.localeId = question.localeId;
    answer.status = MessageStatus::Pending;
    if (reuseAnswerId != 0) {
        // A queued prompt tried before: its failed answer row is asked again, not duplicated.
        answer.id = reuseAnswerId;
        if (StoreStatus e = m_repository.updateMessage(
                answer, Repository::MessageField::Text | Repository::MessageField::Status))
            return *e;
    }
    auto stored = reuseAnswerId != 0 ? m_repository.message(reuseAnswerId)
                                     : m_repository.addMessage(answer);
    if (!stored)
        return stored.error();

    attach(backend->ask(request, this), conversation, backend->id(), question, *stored);
    return conversation.id;
}

void ChatSession::attach(AnswerStream *stream, const Conversation &conversation,
    const QString &backendId, const Message &question, const Message &answer)
{
    m_active = std::make_unique<Active>();
    m_active->conversation = conversation;
    m_active->backendId = backendId;
    m_active->question = question;
    m_active->answer = answer;
    m_active->stream = stream;
    connect(stream, &AnswerStream::eventReceived, this, &ChatSession::onEvent);
    connect(stream, &AnswerStream::invalidFrame, this, &ChatSession::onInvalidFrame);
    connect(stream, &AnswerStream::frameReceived, this, &ChatSession::onFrame);
    connect(stream, &AnswerStream::ended, this, &ChatSession::onEnded);
    Q_EMIT busyChanged(true);
    Q_EMIT streamStarted(answer.id, stream);
}

StoreResult<qint64> ChatSession::resumeInterrupted()
{
    if (m_active)
        return qint64(0);
    auto found = m_repository.resumableAnswer();
    if (!found)
        return found.error();
    if (!found->has_value())
        return qint64(0);
    Message answer = **found;
    auto conversation = m_repository.conversation(answer.conversationId);
    if (!conversation)
        return conversation.error();
    Backend *backend = m_resolver
        ? m_resolver(conversation->backend)
        : (m_backend && m_backend->id() == conversation->backend ? m_backend : nullptr);
    AnswerStream *stream = backend ? backend->resume(answer.resumeState, this) : nullptr;
    if (!stream)
        return qint64(0);
    Message question;
    if (auto earlier = m_repository.messages(conversation->id, answer.seq, 20)) {
        for (auto it = earlier->crbegin(); it != earlier->crend(); ++it) {
            if (it->role == MessageRole::User) {
                question = *it;
                break;
            }
        }
    }
    answer.status = MessageStatus::Streaming;
    answer.errorDetail.clear();
    attach(stream, *conversation, backend->id(), question, answer);
    persist(int(Repository::MessageField::Status));
    return answer.id;
}

void ChatSession::stop()
{
    if (!m_active)
        return;
    m_active->stopped = true;
    if (m_active->stream)
        m_active->stream->abort(); // ended(Cancelled) follows
    else
        finishAnswer(MessageStatus::Interrupted, tr("Stopped."));
}

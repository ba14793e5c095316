#include "app/core/chatsession.h"

#include "app/chat/answerstream.h"
#include "app/chat/backend.h"
#include "app/core/connectivity.h"
#include "app/stream/answerassembler.h"
#include "models/outbox.h"
#include "models/repository.h"

#include <QJsonDocument>
#include <QPointer>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

struct ChatSession::Active
{
    QPointer<AnswerStream> stream;
    AnswerAssembler assembler;
    Conversation conversation;
    Message question;
    Message answer;
    QString backendId; // the backend answering
    QSet<QString> storedAssets; // remote id, or the item JSON when it has none
    bool textDirty = false;
    bool stopped = false;
    bool unreachable = false; // ended with a Network or Timeout error
};

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

StoreResult<qint64> ChatSession::send(qint64 conversationId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return StoreError { StoreError::Code::Invalid, tr("Type a question first."), {} };
    if (m_active) {
        return StoreError { StoreError::Code::Busy,
            tr("An answer is still arriving: wait for it or press Stop."), {} };
    }
    StoreResult<Conversation> conversation = conversationId == 0
        ? m_repository.createConversation(
            Conversation::titleFor(text), m_backend ? m_backend->id() : u"local"_s)
        : m_repository.conversation(conversationId);
    if (!conversation)
        return conversation.error();

    Message question;
    question.conversationId = conversation->id;
    question.role = MessageRole::User;
    question.agent = m_agent;
    question.task = m_task;
    question.localeId = u"en"_s;
    question.text = text;
    const bool queue = shouldQueue(*conversation);
    if (queue)
        question.status = MessageStatus::Pending;
    auto stored = m_repository.addMessage(question);
    if (!stored)
        return stored.error();
    if (queue)
        return enqueue(*conversation, *stored);
    return startAnswer(*conversation, *stored, backendFor(*conversation));
}

StoreResult<qint64> ChatSession::retry(qint64 assistantMessageId)
{
    if (m_active) {
        return StoreError { StoreError::Code::Busy,
            tr("An answer is still arriving: wait for it or press Stop."), {} };
    }
    auto failedAnswer = m_repository.message(assistantMessageId);
    if (!failedAnswer)
        return failedAnswer.error();
    auto conversation = m_repository.conversation(failedAnswer->conversationId);
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
    // goes to the current one (and takes its id when the first answer starts).
    if (m_resolver && !conversation.remoteId.isEmpty())
        return m_resolver(conversation.backend);
    return m_backend;
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
                  : tr("This conversation belongs to the backend \"%1\", which is no longer "
                       "configured. Your question was saved.")
                        .arg(conversation.backend));
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

void ChatSession::onEvent(const StreamEvent &event)
{
    if (!m_active)
        return;
    Q_EMIT eventReceived(event);
    if (m_active)
        applyChanges(int(m_active->assembler.apply(event)));
}

void ChatSession::onInvalidFrame(const DecodeError &error)
{
    if (!m_active)
        return;
    applyChanges(int(m_active->assembler.applyInvalidFrame(error)));
}

void ChatSession::applyChanges(int changesValue)
{
    // Every step re-checks m_active: a slot of a signal emitted here may stop the answer.
    const AnswerAssembler::Changes changes = AnswerAssembler::Changes::fromInt(changesValue);
    if (changes & AnswerAssembler::Change::IdsChanged)
        mapIds();
    if (m_active && m_active->answer.status == MessageStatus::Pending
        && !m_active->assembler.isFinished()) {
        m_active->answer.status = MessageStatus::Streaming;
        persist(int(Repository::MessageField::Status));
    }
    if (m_active && (changes & AnswerAssembler::Change::ProgressChanged))
        Q_EMIT progressChanged(m_active->answer.id, m_active->assembler.progressMessage());
    if (m_active && (changes & AnswerAssembler::Change::TextChanged)) {
        m_active->answer.text = m_active->assembler.text();
        m_active->textDirty = true;
        if (!m_persistTimer.isActive())
            m_persistTimer.start();
        Q_EMIT answerTextChanged(m_active->answer.id, m_active->answer.text);
    }
    if (m_active && (changes & AnswerAssembler::Change::TextEnded) && m_active->textDirty)
        persist(int(Repository::MessageField::Text));
    if (m_active
        && (changes
            & (AnswerAssembler::Change::AssetCompleted | AnswerAssembler::Change::AssetsReplaced)))
        storeNewAssets();
}

void ChatSession::mapIds()
{
    Active &a = *m_active;
    const QString remoteConversation = a.assembler.conversationId();
    if (!remoteConversation.isEmpty() && a.conversation.remoteId != remoteConversation)
        adoptRemoteConversation(remoteConversation);
    const QString remoteQuestion = a.assembler.userMessageId();
    if (!remoteQuestion.isEmpty() && a.question.remoteId != remoteQuestion)
        adoptRemoteMessage(a.question, remoteQuestion);
    const QString remoteAnswer = a.assembler.assistantMessageId();
    if (!remoteAnswer.isEmpty() && a.answer.remoteId != remoteAnswer)
        adoptRemoteMessage(a.answer, remoteAnswer);
}

void ChatSession::adoptRemoteConversation(const QString &remoteId)
{
    // The backend may name a conversation that is already stored here (synced earlier, a
    // server that reuses ids, a replayed answer): it is one conversation, so this one joins it.
    Active &a = *m_active;
    auto existing = m_repository.conversationByRemoteId(a.backendId, remoteId);
    if (!existing) {
        Q_EMIT failed(existing.error().message);
        return;
    }
    if (!existing->has_value() || (*existing)->id == a.conversation.id) {
        if (StoreStatus e
            = m_repository.setConversationRemoteId(a.conversation.id, remoteId, a.backendId))
            Q_EMIT failed(e->message);
        a.conversation.remoteId = remoteId;
        a.conversation.backend = a.backendId;
        return;
    }
    const qint64 from = a.conversation.id;
    const qint64 into = (*existing)->id;
    if (StoreStatus e = m_repository.mergeConversation(from, into)) {
        Q_EMIT failed(e->message);
        return;
    }
    a.conversation = **existing;
    a.conversation.deleted = false;
    // The question and the answer moved: their conversation and order are the stored ones now.
    for (Message *m : { &a.question, &a.answer }) {
        if (auto moved = m_repository.message(m->id)) {
            m->conversationId = moved->conversationId;
            m->seq = moved->seq;
        }
    }
    Q_EMIT conversationMoved(from, into);
}

void ChatSession::adoptRemoteMessage(Message &message, const QString &remoteId)
{
    // A remote id already stored in this conversation is the same message: that row is
    // updated with what arrives now, and the row written for this turn goes.
    auto existing = m_repository.messageByRemoteId(message.conversationId, remoteId, message.id);
    if (!existing) {
        Q_EMIT failed(existing.error().message);
        return;
    }
    if (existing->has_value() && (*existing)->role == message.role) {
        Message kept = **existing;
        if (StoreStatus e = m_repository.removeMessage(message.id)) {
            Q_EMIT failed(e->message);
            return;
        }
        const qint64 previousId = message.id;
        kept.text = message.text;
        kept.status = message.status;
        kept.errorDetail = message.errorDetail;
        kept.agent = message.agent;
        kept.task = message.task;
        message = kept;
        if (StoreStatus e = m_repository.updateMessage(
                message, Repository::MessageField::Text | Repository::MessageField::Status))
            Q_EMIT failed(e->message);
        if (&message == &m_active->answer)
            Q_EMIT answerMoved(previousId, message.id);
        return;
    }
    message.remoteId = remoteId;
    if (StoreStatus e = m_repository.updateMessage(message, Repository::MessageField::RemoteId))
        Q_EMIT failed(e->message);
}

void ChatSession::storeNewAssets()
{
    Active &a = *m_active;
    for (const AnswerAsset &asset : a.assembler.assets()) {
        if (asset.status != AnswerAsset::Status::Complete)
            continue;
        const QByteArray json = QJsonDocument(asset.value).toJson(QJsonDocument::Compact);
        const QString key = asset.id.isEmpty() ? QString::fromUtf8(json) : asset.id;
        if (a.storedAssets.contains(key) || a.storedAssets.contains(QString::fromUtf8(json)))
            continue;
        const QString type = asset.type.isEmpty() ? u"item"_s : asset.type;
        // An asset the answer already has (the same remote id: a replay, or an answer matched
        // to its stored copy) gets the new definition instead of a twin.
        const auto same = std::find_if(
            a.answer.assets.begin(), a.answer.assets.end(), [&](const Asset &stored) {
                return !asset.id.isEmpty() && stored.remoteId == asset.id;
            });
        if (same != a.answer.assets.end()) {
            if (StoreStatus e = m_repository.updateAssetValue(same->id, type, json)) {
                Q_EMIT failed(e->message);
                continue;
            }
            same->type = type;
            same->valueJson = json;
            a.storedAssets << key << QString::fromUtf8(json);
            continue;
        }
        Asset stored;
        stored.remoteId = asset.id;
        stored.type = type;
        stored.valueJson = json;
        auto added = m_repository.addAsset(a.answer.id, stored);
        if (!added) {
            Q_EMIT failed(added.error().message);
            continue;
        }
        a.answer.assets << *added;
        a.storedAssets << key << QString::fromUtf8(json);
    }
}

void ChatSession::persist(int fieldsValue)
{
    Active &a = *m_active;
    auto fields = Repository::MessageFields::fromInt(fieldsValue);
    if (fields & Repository::MessageField::Text) {
        a.textDirty = false;
        m_persistTimer.stop();
        // Where the answer stands goes with its text, so a restart resumes from there.
        if (a.stream && !a.stream->savedState().isEmpty()) {
            a.answer.resumeState = a.stream->savedState();
            fields |= Repository::MessageField::ResumeState;
        }
    }
    if (StoreStatus e = m_repository.updateMessage(a.answer, fields)) {
        // The store refused (e.g. disk full): stop receiving rather than lose track silently.
        Q_EMIT failed(tr("The answer could not be saved: %1").arg(e->message));
        if (a.stream)
            a.stream->abort();
    }
}

void ChatSession::onEnded(const std::optional<ApiError> &error)
{
    if (!m_active)
        return;
    Active &a = *m_active;
    if (a.stopped) {
        a.assembler.end();
        finishAnswer(MessageStatus::Interrupted, tr("Stopped."));
        return;
    }
    a.unreachable = error
        && (error->code == ApiError::Code::Network || error->code == ApiError::Code::Timeout);
    if (m_connectivity && a.unreachable)
        m_connectivity->reportFailure(a.backendId, *error);
    else if (m_connectivity && (!error || error->code != ApiError::Code::Cancelled))
        m_connectivity->reportSuccess(a.backendId); // it answered, even if with an error
    if (error && a.assembler.state() != AnswerAssembler::State::Complete) {
        finishAnswer(
            a.assembler.text().isEmpty() ? MessageStatus::Error : MessageStatus::Interrupted,
            error->toString());
        return;
    }
    applyChanges(int(a.assembler.end()));
    if (!m_active)
        return;
    switch (a.assembler.state()) {
    case AnswerAssembler::State::Complete:
        finishAnswer(MessageStatus::Complete, {});
        break;
    case AnswerAssembler::State::Failed: {
        const QStringList errors = a.assembler.errorMessages();
        finishAnswer(
            MessageStatus::Error, errors.isEmpty() ? a.assembler.reason() : errors.join(u'\n'));
        break;
    }
    case AnswerAssembler::State::Incomplete:
    case AnswerAssembler::State::Streaming:
        finishAnswer(MessageStatus::Interrupted, a.assembler.reason());
        break;
    }
}

void ChatSession::finishAnswer(MessageStatus status, const QString &detail)
{
    std::unique_ptr<Active> active = std::move(m_active);
    m_persistTimer.stop();
    active->answer.text = active->assembler.text();
    active->answer.status = status;
    active->answer.errorDetail = detail;
    // A lost connection can be resumed later (when the backend can); a finished, failed or
    // stopped answer cannot.
    const bool resumable = status == MessageStatus::Interrupted && !active->stopped;
    active->answer.resumeState
        = resumable && active->stream ? active->stream->savedState() : QByteArray();
    if (StoreStatus e = m_repository.updateMessage(active->answer,
            Repository::MessageField::Text | Repository::MessageField::Status
                | Repository::MessageField::ResumeState))
        Q_EMIT failed(tr("The answer could not be saved: %1").arg(e->message));
    if (const qint64 outboxId = std::exchange(m_sendingQueued, 0)) {
        // Still unreachable (nothing arrived): back in the queue, in the same place.
        const bool again
            = active->unreachable && active->assembler.text().isEmpty() && !active->stopped;
        finishQueued(outboxId, active->question, status, detail, again);
    }
    if (active->stream) {
        active->stream->disconnect(this);
        active->stream->deleteLater();
    }
    const qint64 id = active->answer.id;
    Q_EMIT progressChanged(id, QString());
    Q_EMIT answerFinished(id);
    Q_EMIT busyChanged(false);
}

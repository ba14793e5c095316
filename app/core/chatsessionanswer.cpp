// ChatSession's receiving half: applying the answer's events as they arrive, mapping the backend's
// ids onto the stored rows, storing completed assets, persisting the text and finishing the
// answer (declared in chatsession.h; kept apart so chatsession.cpp stays about asking).
#include "app/chat/answerstream.h"
#include "app/core/chatsession.h"
#include "app/core/chatsessionactive.h"
#include "app/core/connectivity.h"
#include "app/net/apierror.h"
#include "app/protocol/aipromptdecoder.h"
#include "app/stream/answerassembler.h"
#include "models/repository.h"

#include <QJsonDocument>
#include <QMetaMethod>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

void ChatSession::onEvent(const StreamEvent &event)
{
    if (!m_active)
        return;
    Q_EMIT eventReceived(event);
    if (m_active)
        applyChanges(int(m_active->assembler.apply(event)));
}

void ChatSession::onFrame(QByteArrayView utf8Json)
{
    if (!m_active)
        return;
    // Only a listener of eventReceived (the CLI's --json, tests) pays for the decoded event.
    static const QMetaMethod eventSignal = QMetaMethod::fromSignal(&ChatSession::eventReceived);
    if (isSignalConnected(eventSignal)) {
        if (auto event = AiPromptDecoder::decode(utf8Json))
            Q_EMIT eventReceived(*event);
        if (!m_active)
            return;
    }
    applyChanges(int(m_active->assembler.applyFrame(utf8Json)));
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
        // Assembling the text costs its length: done once per turn, not per delta (a 1 MB
        // answer in 30-byte deltas would copy some 35 GB).
        m_active->textDirty = true;
        m_active->textUnannounced = true;
        m_active->textStale = true;
        if (!m_persistTimer.isActive())
            m_persistTimer.start();
        if (!m_announceTimer.isActive())
            m_announceTimer.start();
    }
    if (m_active && (changes & AnswerAssembler::Change::TextEnded) && m_active->textDirty)
        persist(int(Repository::MessageField::Text));
    if (m_active
        && (changes
            & (AnswerAssembler::Change::AssetCompleted | AnswerAssembler::Change::AssetsReplaced)))
        storeNewAssets();
}

void ChatSession::syncAnswerText()
{
    Active &a = *m_active;
    if (a.textStale)
        a.answer.text = a.assembler.text();
    a.textStale = false;
}

void ChatSession::announceText()
{
    if (!m_active || !m_active->textUnannounced)
        return;
    syncAnswerText();
    m_active->textUnannounced = false;
    Q_EMIT answerTextChanged(m_active->answer.id, m_active->answer.text);
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
        if (&message == &m_active->answer)
            syncAnswerText();
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
        syncAnswerText();
        a.textDirty = false;
        m_persistTimer.stop();
        // Where the answer stands goes with its text, so a restart resumes from there.
        if (a.stream && !a.stream->savedState().isEmpty()) {
            a.answer.resumeState = a.stream->savedState();
            fields |= Repository::MessageField::ResumeState;
        }
    }
    // A long text is written by the store's background thread, reported here when done.
    m_repository.updateMessageInBackground(
        a.answer, fields, this, [this, id = a.answer.id](const StoreStatus &e) {
            if (e)
                answerNotSaved(id, *e);
        });
}

void ChatSession::answerNotSaved(qint64 answerId, const StoreError &error)
{
    // The row went meanwhile (the backend named it as a stored message, which kept the other):
    // the next save is the new row's.
    if (m_active && m_active->answer.id != answerId && error.code == StoreError::Code::NotFound)
        return;
    // The store refused (e.g. disk full): stop receiving rather than lose track silently.
    Q_EMIT failed(tr("The answer could not be saved: %1").arg(error.message));
    if (m_active && m_active->answer.id == answerId && m_active->stream)
        m_active->stream->abort();
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
    m_announceTimer.stop();
    active->answer.text = active->assembler.text();
    active->answer.status = status;
    active->answer.errorDetail = detail;
    // A lost connection can be resumed later (when the backend can); a finished, failed or
    // stopped answer cannot.
    const bool resumable = status == MessageStatus::Interrupted && !active->stopped;
    active->answer.resumeState
        = resumable && active->stream ? active->stream->savedState() : QByteArray();
    // A long text is written by the store's background thread (1 MB would hold the window for
    // ~13 ms), after the saves of it queued before.
    m_repository.updateMessageInBackground(active->answer,
        Repository::MessageField::Text | Repository::MessageField::Status
            | Repository::MessageField::ResumeState,
        this, [this, answer = active->answer](const StoreStatus &e) {
            if (!e)
                return;
            Q_EMIT failed(tr("The answer could not be saved: %1").arg(e->message));
            // The status alone fits where the row is (a full disk): the text saved last stays,
            // marked with how the answer ended, rather than "streaming" until the next start.
            m_repository.updateMessage(answer, Repository::MessageField::Status);
        });
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
    if (active->textUnannounced) // the last deltas, or the text the end reconciled
        Q_EMIT answerTextChanged(id, active->answer.text);
    Q_EMIT progressChanged(id, QString());
    Q_EMIT answerFinished(id);
    Q_EMIT busyChanged(false);
}

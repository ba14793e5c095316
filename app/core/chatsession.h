#pragma once

#include "app/chat/answerstream.h"
#include "app/protocol/streamevent.h"
#include "models/storeerror.h"
#include "models/types.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class Backend;
class Connectivity;
class Outbox;
class Repository;
struct ApiError;
struct DecodeError;

// Turns a prompt into stored messages. The user's message is written before anything is sent;
// the assistant's answer is a message of its own that appears at once (pending), grows as text
// arrives (persisted at least every 500 ms and at the end of each text block, so a crash keeps
// the partial text), gets its assets as they complete, and ends complete, interrupted (stopped
// or cut off; partial text kept) or in error (with the error in words). The backend's ids are
// mapped onto the local rows, so a follow-up continues the same remote conversation.
// Without a backend the answer is an error that says so: never a made-up reply.
// Offline (setOffline): when the conversation's backend is known to be unreachable, or the
// conversation already has prompts waiting, the question is stored `pending` and queued in the
// outbox instead of sent; sendQueued() later asks for its answer.
class ChatSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int persistIntervalMs = 500;

    explicit ChatSession(Repository &repository, QObject *parent = nullptr);
    ~ChatSession() override;

    // The backend new conversations go to (not owned); nullptr: none configured.
    void setBackend(Backend *backend);
    // Finds the backend a conversation belongs to by its stored backend id (not owned; nullptr
    // when that backend is no longer configured). Without a resolver every conversation uses
    // setBackend()'s backend.
    using BackendResolver = std::function<Backend *(const QString &backendId)>;
    void setBackendResolver(BackendResolver resolver);
    Backend *backend() const { return m_backend; }
    // Whether `conversation` started remotely on an account that is no longer configured: it
    // can be read, but asking in it is refused (removedAccountMessage()) until it is moved to
    // another account (its backend set and its remote id cleared).
    bool accountRemoved(const Conversation &conversation) const;
    static QString removedAccountMessage();
    // Luzmo agent ("item" | "analyst") and task ("generate" | "suggest" | "describe").
    void setAgent(const QString &agent, const QString &task = QStringLiteral("generate"));
    void setStreaming(bool stream) { m_stream = stream; }
    // Where prompts wait while their backend is offline, and who knows (neither owned; both
    // nullptr: never queue). Request failures are reported to `connectivity`.
    void setOffline(Connectivity *connectivity, Outbox *outbox);

    // Sends `text` in conversation `conversationId` (0: starts a new conversation titled after
    // the prompt). Returns the conversation id, or the store's error (nothing is stored when
    // the conversation's account was removed). A long question the store writes in the
    // background (Repository::savesInBackground) is asked once stored; if it cannot be stored
    // or asked, questionNotSaved() says so later.
    StoreResult<qint64> send(qint64 conversationId, const QuestionText &text);
    // Asks again for the answer `assistantMessageId` (in error or interrupted): a new answer to
    // the same question, in the same conversation.
    StoreResult<qint64> retry(qint64 assistantMessageId);
    // Asks for a new answer to the last question of the conversation that `answerId`, its last
    // answer, belongs to; the earlier answer stays as an earlier version. Returns the
    // conversation id, or why not (busy, not the last answer, the store's error).
    StoreResult<qint64> regenerate(qint64 answerId);
    // Sends `text` in place of the last question `questionId` (edited): the question and its
    // answers stay as earlier versions, the new question and its answer follow them. As send()
    // for the rest; if the new question cannot be stored, the earlier version is current again.
    StoreResult<qint64> resend(qint64 questionId, const QuestionText &text);
    // Asks for the answer to the queued prompt `outboxId` (its question is already stored). The
    // row becomes `sent` when the answer completes; after a Network or Timeout failure it is
    // queued again (the question back to pending), after any other it is `failed`.
    StoreResult<qint64> sendQueued(qint64 outboxId);
    // At start-up: continues the newest answer that was cut off (not stopped) on a backend that
    // can resume it (the workflow stream). Returns its message id, or 0 when there is none.
    StoreResult<qint64> resumeInterrupted();
    // Stops the answer being streamed, keeping its partial text (marked interrupted).
    void stop();
    bool isBusy() const { return m_active != nullptr; }
    // A long question is being written in the background (send() refuses another meanwhile).
    bool isSavingQuestion() const { return m_savingQuestion; }
    qint64 activeAnswerId() const;
    // The latest progress line of the active answer ("Reading dataset Sales").
    QString progressText() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    void progressChanged(qint64 messageId, const QString &text);
    // Every event of the active answer as decoded, before it is applied (for --json output).
    void eventReceived(const StreamEvent &event);
    // An answer started (or resumed) on `stream`; views that follow a backend's own signals (the
    // workflow panel's nodes) connect here. The stream lives until answerFinished().
    void streamStarted(qint64 messageId, AnswerStream *stream);
    // The assembled text of the active answer when it changed: once per event-loop turn at
    // most (all the deltas one read of the socket brings are announced together; the text is
    // assembled once, not per delta), and a last time before answerFinished() when the end
    // changed it. The store is written less often (persistIntervalMs, each text_end).
    void answerTextChanged(qint64 messageId, const QString &text);
    // The answer ended, whatever its outcome (read the message's status from the store).
    void answerFinished(qint64 messageId);
    // send() stored `messageId` as pending and queued it as outbox row `outboxId`.
    void queued(qint64 outboxId, qint64 messageId);
    // The long question `text` that send() accepted for conversation `conversationId` could not
    // be stored or asked (`error`, in words); a conversation made for it is deleted.
    void questionNotSaved(qint64 conversationId, const QuestionText &text, const StoreError &error);
    // A store error while streaming (e.g. the disk is full), in words.
    void failed(const QString &message);
    // The backend named a conversation already stored as `into`: conversation `from` (the one
    // just asked in) joined it and is gone. Views showing `from` show `into`.
    void conversationMoved(qint64 from, qint64 into);
    // The backend named the answer's message as one already stored: the answer continues in
    // that row (`into`), and row `from` is gone.
    void answerMoved(qint64 from, qint64 into);

private:
    struct Active;
    struct LastTurn
    {
        Message question;
        Message answer; // id 0: none yet
    };
    // The last current question of a conversation and its newest current answer.
    StoreResult<LastTurn> lastTurn(qint64 conversationId) const;
    StoreStatus refuseWhileBusy() const;
    // The conversation, or why no question can be asked in it (its account was removed).
    StoreResult<Conversation> conversationToAskIn(qint64 conversationId) const;
    void restoreReplacedVersions();
    StoreResult<qint64> startAnswer(const Conversation &conversation, const Message &question,
        Backend *backend, qint64 reuseAnswerId = 0);
    // The rest of send() once the question is stored (or not): queues it or asks for the answer.
    StoreResult<qint64> questionSaved(const Conversation &conversation,
        const StoreResult<Message> &stored, bool queue, bool newConversation);
    bool shouldQueue(const Conversation &conversation) const;
    StoreResult<qint64> enqueue(const Conversation &conversation, const Message &question);
    void finishQueued(qint64 outboxId, const Message &question, MessageStatus status,
        const QString &detail, bool queueAgain);
    void attach(AnswerStream *stream, const Conversation &conversation, const QString &backendId,
        const Message &question, const Message &answer);
    void onEvent(const StreamEvent &event);
    void onInvalidFrame(const DecodeError &error);
    void onFrame(QByteArrayView utf8Json);
    void onEnded(const std::optional<ApiError> &error);
    void applyChanges(int changes);
    void announceText();
    void syncAnswerText();
    void mapIds();
    void adoptRemoteConversation(const QString &remoteId);
    void adoptRemoteMessage(Message &message, const QString &remoteId);
    void storeNewAssets();
    void persist(int fields);
    // A save of answer `answerId` failed (perhaps on the store's background thread).
    void answerNotSaved(qint64 answerId, const StoreError &error);
    void finishAnswer(MessageStatus status, const QString &detail);
    Backend *backendFor(const Conversation &conversation) const;
    StoreResult<Message> storeAnswerError(qint64 conversationId, const QString &detail);

    Repository &m_repository;
    Backend *m_backend = nullptr;
    BackendResolver m_resolver;
    Connectivity *m_connectivity = nullptr;
    Outbox *m_outbox = nullptr;
    qint64 m_sendingQueued = 0; // the outbox row whose answer is active, or 0
    QString m_agent = QStringLiteral("analyst");
    QString m_task = QStringLiteral("generate");
    bool m_stream = true;
    bool m_savingQuestion = false;
    // What resend() replaced, until its new question is stored (restored if it is not).
    struct
    {
        qint64 conversationId = 0;
        QList<qint64> ids;
    } m_replacedVersions;
    std::unique_ptr<Active> m_active;
    QTimer m_persistTimer;
    QTimer m_announceTimer; // 0 ms: the next event-loop turn
};

#pragma once

#include "models/searchfilter.h"
#include "models/storeerror.h"
#include "models/types.h"

#include <QObject>
#include <QVariantList>

#include <functional>
#include <memory>

class Database;
class SearchIndexThread;
class WalCheckpointHook;
struct SyncChanges;

// All reads and writes of conversations, messages and assets. Every query is prepared with
// bound values; multi-statement writes run in one transaction. After each successful write it
// emits a domain signal that the item models follow.
class Repository : public QObject
{
    Q_OBJECT
public:
    enum class MessageField {
        Text = 0x1,
        Status = 0x2, // status and error detail
        RemoteId = 0x4,
        Assets = 0x8,
        ResumeState = 0x10,
        Superseded = 0x20, // supersededAt (messageChanged only: supersede(), restoreVersions())
    };
    Q_DECLARE_FLAGS(MessageFields, MessageField)
    Q_FLAG(MessageFields)

    explicit Repository(Database &database, QObject *parent = nullptr);
    ~Repository() override;

    // Search indexing (models/deferredindex.h): a streaming answer is indexed once it is final.
    // By default every message is indexed in the write that makes it final. The app calls this:
    // a message longer than `inlineBytes` (and what a crash left unindexed) is then indexed on a
    // thread of its own, so the window never waits for FTS5 over a long text. A store without a
    // file (":memory:") keeps indexing inline. That thread also runs the WAL checkpoints this
    // connection would otherwise run in its own commits (WalCheckpointHook).
    static constexpr qint64 backgroundIndexBytes = 64 * 1024;
    static constexpr int walCheckpointPages = 1000; // SQLite's own default
    void indexLongMessagesInBackground(qint64 inlineBytes = backgroundIndexBytes);

    // Conversations (soft-deleted ones are hidden from lists and search).
    StoreResult<Conversation> createConversation(const QString &title,
        const QString &backend = QStringLiteral("local"), const QString &remoteId = {});
    StoreResult<Conversation> conversation(qint64 id) const;
    // Newest first (by last update), `limit` rows after skipping `offset`.
    StoreResult<QList<Conversation>> conversations(int limit, int offset = 0) const;
    StoreResult<int> conversationCount() const;
    // The conversations (not deleted) stored on backend `backend`.
    StoreResult<int> conversationCountOn(const QString &backend) const;
    StoreStatus renameConversation(qint64 id, const QString &title);
    StoreStatus deleteConversation(qint64 id);
    // The backend's id for the conversation, and (when given) which backend it lives on.
    StoreStatus setConversationRemoteId(
        qint64 id, const QString &remoteId, const QString &backend = {});
    // The conversation of `backend` whose remote id is `remoteId` (deleted ones too), if any.
    StoreResult<std::optional<Conversation>> conversationByRemoteId(
        const QString &backend, const QString &remoteId) const;
    // `from` and `into` are one remote conversation: moves every message (and queued prompt)
    // of `from` after those of `into`, in order, removes `from` and un-deletes `into`, in one
    // transaction. Emits conversationRemoved(from) and conversationChanged(into).
    StoreStatus mergeConversation(qint64 from, qint64 into);

    // Messages. addMessage assigns id, order and timestamps and stores the message's assets in
    // the same transaction; it also bumps the conversation's update time.
    StoreResult<Message> addMessage(Message message);
    // Whether addQuestionInBackground() writes a question of `text` on the background thread:
    // a text over the inline indexing size, with the background thread running.
    bool savesInBackground(const QuestionText &text) const;
    // addMessage() for a question the window must not wait for (a 4 MB paste: ~15 ms of SQLite
    // writing it, and the join of typed text and paste a copy of it): `question`'s text is
    // `text` joined, by the background thread, which writes it with its own connection; then
    // here `done` is called and the signals emitted, as addMessage() does. A short question is
    // written now and `done` called before this returns.
    void addQuestionInBackground(Message question, const QuestionText &text,
        std::function<void(const StoreResult<Message> &)> done);
    StoreResult<Message> message(qint64 id) const;
    // Up to `limit` messages with seq < beforeSeq (0: the newest), returned in ascending order.
    StoreResult<QList<Message>> messages(
        qint64 conversationId, qint64 beforeSeq = 0, int limit = 1000) const;
    // A message of a transcript page: its text whole, or (textCut) only its first bytes.
    struct MessagePreview
    {
        Message message;
        qint64 textBytes = 0; // the whole text's UTF-8 size
        bool textCut = false;
    };
    // messages(), but a text over `previewBytes` (UTF-8) is only its first `previewBytes` or
    // fewer (cut at a character boundary), and the rest is never read: a transcript opens on a
    // 4 MB message in the time of its first 64 KiB. messageText() reads the whole text.
    StoreResult<QList<MessagePreview>> messagePreviews(
        qint64 conversationId, qint64 beforeSeq, int limit, qint64 previewBytes) const;
    // The whole text of message `id`.
    StoreResult<QString> messageText(qint64 id) const;
    StoreResult<int> messageCount(qint64 conversationId) const;
    // The message of the conversation whose remote id is `remoteId`, other than `exceptId`.
    StoreResult<std::optional<Message>> messageByRemoteId(
        qint64 conversationId, const QString &remoteId, qint64 exceptId = 0) const;
    // Removes a message and its assets for good (a duplicate of another); emits messageRemoved.
    StoreStatus removeMessage(qint64 id);
    // Writes the given fields of `message` (looked up by id).
    StoreStatus updateMessage(const Message &message, MessageFields fields);
    // Whether updateMessageInBackground() writes `fields` of `message` on the background thread:
    // its text is among them and over the inline indexing size (or a write is still queued
    // there), with the background thread running (and no assets: updateMessage() writes those).
    bool savesTextInBackground(const Message &message, MessageFields fields) const;
    // updateMessage() for a long answer's text, which the window must not wait for (1 MB: ~13 ms
    // of SQLite converting and writing it): the background thread writes it with its own
    // connection, in call order with its other writes, and indexes it once it is final; then
    // here messageChanged is emitted and `done` called, unless `context` is gone by then.
    // Otherwise it is written now and `done` called before this returns.
    void updateMessageInBackground(const Message &message, MessageFields fields, QObject *context,
        std::function<void(const StoreStatus &)> done);
    // Marks conversation `conversationId`'s current messages from `fromSeq` on as earlier
    // versions (an edited question sent again, a regenerated answer); they stay in the history.
    // Their ids, oldest first; NotFound when there are none. Emits messageChanged (Superseded).
    StoreResult<QList<qint64>> supersede(qint64 conversationId, qint64 fromSeq);
    // Undoes supersede() for `ids` (what replaced them could not be stored or asked).
    StoreStatus restoreVersions(qint64 conversationId, const QList<qint64> &ids);
    StoreResult<Asset> addAsset(qint64 messageId, Asset asset);
    StoreResult<Asset> asset(qint64 id) const;
    // A new definition for an asset (the backend sent it again): its type and value; a data
    // snapshot taken for another definition is dropped.
    StoreStatus updateAssetValue(qint64 assetId, const QString &type, const QByteArray &valueJson);
    StoreStatus setAssetSnapshot(qint64 assetId, const QByteArray &dataJson, const QDateTime &at);
    // Up to `limit` line-chart items (oldest first) of `backend`'s conversations that are not
    // deleted and have no data snapshot yet (e.g. just synced), to fetch their data.
    StoreResult<QList<Asset>> assetsWithoutSnapshot(const QString &backend, int limit) const;
    // The newest interrupted answer that its backend can resume (it has a resume state).
    StoreResult<std::optional<Message>> resumableAnswer() const;
    // Start-up repair: answers left `streaming` by a crash become `interrupted` (a `pending`
    // user message is a question waiting in the outbox, and stays).
    StoreResult<int> markStreamingInterrupted();
    // Start-up repair: a local conversation a crash left without any message (killed between
    // creating it and storing its question) is deleted; one the backend knows (a remote id)
    // stays. Returns how many were removed. Only the newest `newestChecked` conversations are
    // looked at: such a conversation is the last one made before the crash, and every start
    // runs this, so an older one was removed at an earlier start. (All 10,000 of a 1M-message
    // history took 77 ms of the cold start, reading the messages index.)
    static constexpr int newestChecked = 50;
    StoreResult<int> removeConversationsLeftEmpty();

    // Full-text search over titles and message text; see SearchQuery for the syntax. Titles
    // first, then messages by relevance (bm25) among the newest `rankingWindow` matches.
    // `filter` narrows both (see SearchFilter); the window counts only matches that pass it.
    // Relevance weighs each query phrase by how rare it is (bm25's IDF) among the newest
    // `idfSample` messages; in a smaller history among all of them, which is exactly FTS5's
    // bm25() (it counts each phrase over the whole history: ~10 ms per common word at 1M).
    static constexpr int rankingWindow = 1000;
    static constexpr int idfSample = 20000;
    // Tests: a smaller sample.
    void setIdfSample(int messages) { m_idfSample = qMax(1, messages); }
    StoreResult<QList<SearchHit>> search(
        const QString &query, int limit = 50, const SearchFilter &filter = {}) const;
    // The backends of the conversations that are not deleted, sorted (for search filters).
    StoreResult<QStringList> searchableBackends() const;
    // The first and the last day (local time) of the history that is not deleted: the earliest
    // conversation or message time and the latest update; two invalid dates when it is empty.
    struct DateRange
    {
        QDate first;
        QDate last;
    };
    StoreResult<DateRange> historyDates() const;

    Database &database() const { return m_database; }
    // Tells the views what a sync wrote through SyncWriter: emits the signals below for the
    // added, changed and removed rows.
    void notifySynced(const SyncChanges &changes);

Q_SIGNALS:
    void conversationAdded(const Conversation &conversation);
    void conversationChanged(const Conversation &conversation);
    void conversationRemoved(qint64 id);
    void messageAdded(const Message &message);
    void messageChanged(const Message &message, Repository::MessageFields fields);
    void messageRemoved(qint64 id, qint64 conversationId);
    // The background thread copied `copied` of the write-ahead log's `frames` pages into the
    // history file (a checkpoint this connection left to it, see WalCheckpointHook).
    void walCheckpointed(int frames, int copied);
    // The background indexer (indexLongMessagesInBackground) indexed `count` messages.
    void searchIndexed(int count);

private:
    StoreResult<QList<Asset>> assetsFor(const QList<qint64> &messageIds) const;
    // messages() and messagePreviews(): `previewBytes` < 0 reads each text whole.
    StoreResult<QList<MessagePreview>> page(
        qint64 conversationId, qint64 beforeSeq, int limit, qint64 previewBytes) const;
    // After a write that may have made a deferred message final: indexes it now, or (a long text,
    // with the background indexer) marks it for the indexer; `*queued` tells which.
    StoreStatus indexIfFinal(qint64 messageId, bool *queued);
    // After a message was stored: queues its indexing (`indexLater`), emits messageAdded and
    // conversationChanged.
    void messageStored(const Message &message, bool indexLater);
    void announceVersions(qint64 conversationId, const QList<qint64> &ids,
        const QDateTime &supersededAt, qint64 atMs);
    bool deferLongText(qint64 bytes) const { return m_indexThread && bytes > m_inlineIndexBytes; }
    // chartroom_bm25's counts (searchrank.h): the sample's size and each phrase's hits among the
    // newest m_idfSample message ids; none when there are no more ids than that.
    StoreResult<QVariantList> phraseWeights(const QString &query) const;

    Database &m_database;
    int m_idfSample = idfSample;
    std::unique_ptr<SearchIndexThread> m_indexThread;
    std::unique_ptr<WalCheckpointHook> m_walHook; // destroyed first: it calls m_indexThread
    qint64 m_inlineIndexBytes = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Repository::MessageFields)

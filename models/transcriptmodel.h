#pragma once

#include "models/repository.h"
#include "models/types.h"

#include <QAbstractListModel>

// The messages of one conversation in order, paged from the newest end: it first loads the
// newest `pageSize` messages, and fetchMore() prepends older pages, so a 10,000-message
// conversation opens as fast as a short one. It follows the repository: new messages are
// appended (and removed when the store drops a duplicate), and a streaming answer changes through
// dataChanged() with exactly the roles that changed (never a reset).
class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64, the local message id
        RoleRole, // MessageRole (toString(): "user", "assistant" or "system")
        TextRole, // QString, markdown, whole (also Qt::DisplayRole; read from the store if cut)
        StatusRole, // MessageStatus (toString(): "pending", "streaming", "complete", ...)
        ErrorRole, // QString, the error in words (empty unless status is error/interrupted)
        CreatedAtRole, // QDateTime (UTC)
        UpdatedAtRole, // QDateTime (UTC)
        SeqRole, // qint64, order within the conversation
        RemoteIdRole, // QString, the backend's message id
        AgentRole, // QString, e.g. "item" or "analyst"
        AssetCountRole, // int, number of assets (charts) attached
        AssetIdsRole, // QVariantList of qint64 asset ids
        AssetsRole, // QVariantList of QVariantMap {id, type, valueJson, dataJson, dataTakenAt}
        SupersededRole, // bool, an earlier version (an edit or a regeneration replaced it)
        // QString, the text as far as the model holds it: whole, or the first previewBytes of a
        // text opened from the store (TextCutRole). What a view lays out until asked for all.
        PreviewTextRole,
        TextCutRole, // bool, PreviewTextRole is only the text's beginning
        TextBytesRole, // qint64, the whole text's UTF-8 size
    };
    Q_ENUM(Role)

    // How much of a long text a page holds (UTF-8 bytes, at least 21,845 characters): a 4 MB
    // message opens in the time of its first 64 KiB, and TextRole reads the rest when asked.
    static constexpr qint64 previewBytes = 64 * 1024;

    explicit TranscriptModel(Repository &repository, int pageSize = 50, QObject *parent = nullptr);

    // Shows conversation `id` (0: none), loading its newest messages (setFirstPageSize()).
    void setConversation(qint64 id);
    // How many of the newest messages a conversation opens with (default: pageSize); fetchMore()
    // goes on by pageSize. A view that opens at the newest end asks for about a screen's worth,
    // so its first paint lays out only those (TranscriptView fetches more at once if they do not
    // fill it).
    void setFirstPageSize(int rows) { m_firstPageSize = qMax(1, rows); }
    qint64 conversationId() const { return m_conversationId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The text of an answer still arriving, ahead of the store (which is written at most every
    // 500 ms): shown at once, replaced by the stored text at the next store update.
    void setLiveText(qint64 messageId, const QString &text);

    int rowOf(qint64 messageId) const;
    // Row `row`'s message, with its whole text (read from the store if the row holds a preview).
    const Message *messageAt(int row) const;
    // The conversation's last question and its newest answer, earlier versions left out: what
    // ChatSession::resend() and regenerate() replace (0: none).
    qint64 lastQuestionId() const;
    qint64 lastAnswerId() const;

    // The roles that change when the given fields of a message change.
    static QList<int> rolesFor(Repository::MessageFields fields);

Q_SIGNALS:
    // After setConversation()'s reset is over, when fetchMore() may page on: a view that the
    // first page does not fill reads the next pages here, before its first paint.
    void conversationOpened(qint64 id);

private:
    void onAdded(const Message &message);
    void onChanged(const Message &message, Repository::MessageFields fields);
    void onRemoved(qint64 id, qint64 conversationId);

    struct Row
    {
        Message message;
        qint64 textBytes = -1; // the whole text's UTF-8 size; -1: not measured yet
        bool textCut = false; // message.text is only the first previewBytes of the text
    };
    static QList<Row> rowsOf(const QList<Repository::MessagePreview> &page);
    // Row `row`, its text whole: a cut text is read from the store now (and kept).
    const Row &wholeRow(int row) const;
    qint64 textBytes(int row) const;

    Repository &m_repository;
    // Mutable: what data() reads on demand (a cut row's whole text, a text's size) is kept.
    mutable QList<Row> m_rows;
    qint64 m_conversationId = 0;
    int m_pageSize;
    int m_firstPageSize;
    bool m_exhausted = true;
    bool m_busy = false; // a reset or a page insert is being announced
};

#pragma once

#include "app/protocol/decodeerror.h"
#include "app/protocol/finishresult.h"
#include "app/protocol/streamevent.h"
#include "app/stream/answerasset.h"

#include <QFlags>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

struct FinishFrame;
struct FlatFrame;

// Applies the events of one AIPrompt answer stream, in order, and holds the answer being built:
// its text (text blocks in index order, a blank line between blocks), its assets, the latest
// progress message, the context ids, the errors, and whether it is complete. Pure: no QObject,
// no I/O. Each apply() says what changed so that its owner can persist text at a bounded rate
// and at each text_end, store an asset when it completes, and so on.
//
// finish.result is authoritative: its assistant message text and assets replace what was
// assembled, and the message ids come from it.
//
// applyFrame(QByteArrayView) is the fast path of a stream: the frequent frames (start, progress,
// text_*) are read with simdjson into a FlatFrame and applied from its UTF-8 views with no
// StreamEvent, finish is read into a FinishFrame (no QJsonObject of its whole result); the others
// are decoded into a StreamEvent. The joined text is kept up to date as
// deltas arrive, so text() after every delta costs no rebuild.
class AnswerAssembler
{
public:
    enum class State {
        Streaming,
        Complete, // finish (with a result) and/or [DONE] seen
        Failed, // an error event, or finish with a null result
        Incomplete, // the stream ended without finish/[DONE], or a frame could not be read
    };

    enum class Change {
        None = 0,
        TextChanged = 0x1, // text() differs
        TextEnded = 0x2, // a text block ended: a good moment to persist text()
        AssetStarted = 0x4,
        AssetCompleted = 0x8, // an asset's item was read (see assets())
        AssetsReplaced = 0x10, // finish.result replaced the assets
        ProgressChanged = 0x20,
        IdsChanged = 0x40,
        ErrorReceived = 0x80,
        ProblemRecorded = 0x100, // a protocol problem was noted (see problems())
        Finished = 0x200, // state() left Streaming
    };
    Q_DECLARE_FLAGS(Changes, Change)

    Changes apply(const StreamEvent &event);
    // A frame that could not be decoded: the answer can no longer be trusted to be whole, unless
    // finish.result later replaces it.
    Changes applyInvalidFrame(const DecodeError &error);
    // Decodes the data of one SSE frame and applies it (or applyInvalidFrame()).
    Changes applyFrame(QByteArrayView utf8Data);
    Changes applyFrame(const QString &data);
    // The byte stream ended. Settles the state: still streaming means Incomplete.
    Changes end();

    State state() const { return m_state; }
    bool isFinished() const { return m_state != State::Streaming; }
    // Why the answer failed or is incomplete, in words for people; empty when complete.
    QString reason() const { return m_reason; }

    QString text() const;
    const QList<AnswerAsset> &assets() const { return m_assets; }
    QString progressMessage() const { return m_progressMessage; }
    QString conversationId() const { return m_conversationId.text; }
    QString userMessageId() const { return m_userMessageId.text; }
    QString assistantMessageId() const { return m_assistantMessageId.text; }
    QStringList errorMessages() const { return m_errors; }
    // Protocol problems that were tolerated (a delta for a block never started, an asset whose
    // JSON is invalid, an unreadable frame...), for logs and diagnostics.
    QStringList problems() const { return m_problems; }

    bool sawFinish() const { return m_sawFinish; }
    bool sawDone() const { return m_sawDone; }
    bool isReconciled() const { return m_reconciled; }

private:
    // A block's text is a range of m_text while the deltas arrive in block order (the usual
    // case: each delta is decoded once, straight into the joined text); the first delta for an
    // earlier block gives every block its own copy (m_blocksOwnText), and text() then joins them.
    struct TextBlock
    {
        QString text; // when m_blocksOwnText
        qsizetype start = 0; // the range in m_text, until then
        qsizetype size = 0;
        bool started = false;
        bool ended = false;
        bool isEmpty() const { return size == 0 && text.isEmpty(); }
    };
    // A context id, with its UTF-8 bytes so that a FlatFrame's id compares with no conversion.
    struct Id
    {
        QString text;
        QByteArray utf8;
        bool set(const QString &value);
        bool set(QByteArrayView value);
    };

    Changes applyFlat(const FlatFrame &frame);
    bool isLate(StreamEvent::Type type) const
    {
        return m_sawDone || (m_sawFinish && type != StreamEvent::Type::Done);
    }
    Changes lateEvent(const QString &typeName);
    template<typename Text>
    Changes applyContext(
        const Text &conversationId, const Text &userMessageId, const Text &assistantMessageId);
    Changes applyProgress(const QString &message);
    template<typename Text>
    Changes applyText(StreamEvent::Type type, int eventIndex, const Text &text);
    template<typename Text> void appendToBlock(int index, TextBlock &block, const Text &text);
    void giveBlocksTheirText();
    void textAppended(int index, const QString &blockText, qsizetype from);
    Changes applyAsset(const StreamEvent &event);
    Changes applyError(const StreamEvent &event);
    Changes applyFinishFrame(const FinishFrame &frame);
    Changes applyFinish(const std::optional<FinishResult> &result, bool resultIsNull);
    Changes applyDone();
    Changes reconcile(const FinishResult &result);
    Changes settle(State state, const QString &reason);
    Changes problem(const QString &what);
    int blockIndexFor(StreamEvent::Type type, int eventIndex) const;
    AnswerAsset *assetFor(const StreamEvent &event);
    bool hasFragments(int index) const; // asset `index` is streaming and has JSON fragments
    static void readAssetJson(AnswerAsset &asset, const QJsonObject &rawEvent);

    State m_state = State::Streaming;
    QString m_reason;
    std::map<int, TextBlock> m_blocks;
    int m_currentBlock = -1;
    // The non-empty blocks joined, kept as deltas arrive; rebuilt by text() only when a delta
    // went to a block before the last one with text (m_textStale).
    mutable QString m_text;
    mutable int m_lastTextBlock = -1; // the highest index of a block with text in m_text
    mutable bool m_textStale = false;
    bool m_blocksOwnText = false;
    std::optional<QString> m_reconciledText;
    QList<AnswerAsset> m_assets;
    QString m_progressMessage;
    Id m_conversationId;
    Id m_userMessageId;
    Id m_assistantMessageId;
    QStringList m_errors;
    QStringList m_problems;
    int m_lostFrames = 0;
    bool m_sawFinish = false;
    bool m_sawDone = false;
    bool m_reconciled = false; // a finish.result replaced the text and assets
};

Q_DECLARE_OPERATORS_FOR_FLAGS(AnswerAssembler::Changes)

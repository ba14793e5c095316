#include "app/stream/answerassembler.h"

#include "app/protocol/aipromptdecoder.h"
#include "app/protocol/finishframe.h"
#include "app/protocol/flatframe.h"
#include "app/stream/streamlog.h"

#include <QStringDecoder>

#include <cstring>

namespace {

using Type = StreamEvent::Type;
using Change = AnswerAssembler::Change;
using Changes = AnswerAssembler::Changes;

QString stoppedEarly()
{
    return QStringLiteral("The answer stopped before it was finished.");
}

QString partsUnreadable()
{
    return QStringLiteral("A part of the answer could not be read, so it may be incomplete.");
}

bool isEmptyText(const QString &text)
{
    return text.isEmpty();
}
bool isEmptyText(QByteArrayView utf8)
{
    return utf8.isEmpty();
}

void appendText(QString &to, const QString &text)
{
    to += text;
}
// Decodes straight into `to` (no temporary QString); UTF-16 needs at most one unit per byte.
// ASCII is widened in place; from the first other byte on, Qt's UTF-8 decoder takes over.
void appendText(QString &to, QByteArrayView utf8)
{
    const qsizetype at = to.size();
    to.resize(at + utf8.size());
    QChar *out = to.data() + at;
    qsizetype i = 0;
    for (; i < utf8.size() && uchar(utf8[i]) < 0x80; ++i)
        *out++ = QLatin1Char(utf8[i]);
    if (i < utf8.size()) {
        // A U+FEFF here is inside the text (FlatFrame leaves a text starting with one to
        // QJsonDocument): kept, as QJsonDocument keeps it.
        QStringDecoder decoder(QStringConverter::Utf8,
            QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
        out = decoder.appendToBuffer(out, utf8.sliced(i));
    }
    to.resize(out - to.constData());
}

} // namespace

Changes AnswerAssembler::applyFrame(const QString &data)
{
    return applyFrame(QByteArrayView(data.toUtf8()));
}

Changes AnswerAssembler::applyFrame(QByteArrayView utf8Data)
{
    FlatFrame frame;
    if (FlatFrame::read(utf8Data, frame)) {
        switch (frame.type) {
        case Type::Start:
        case Type::Progress:
        case Type::TextStart:
        case Type::TextDelta:
        case Type::TextEnd:
            return applyFlat(frame);
        case Type::AssetEnd: // its raw event may carry the item of an asset with no fragments
            return apply(AiPromptDecoder::toEvent(frame,
                hasFragments(frame.index) ? AiPromptDecoder::Raw::Omit
                                          : AiPromptDecoder::Raw::Include));
        default:
            return apply(AiPromptDecoder::toEvent(frame, AiPromptDecoder::Raw::Omit));
        }
    }
    if (FinishFrame finish; FinishFrame::read(utf8Data, finish))
        return applyFinishFrame(finish);
    auto decoded = AiPromptDecoder::decodeAny(utf8Data);
    if (!decoded)
        return applyInvalidFrame(decoded.error());
    return apply(*decoded);
}

// apply() for the frame types applyFrame() sends here, from the frame's UTF-8.
Changes AnswerAssembler::applyFlat(const FlatFrame &frame)
{
    if (isLate(frame.type))
        return lateEvent(QString::fromUtf8(frame.typeName));
    Changes changes
        = applyContext(frame.conversationId, frame.userMessageId, frame.assistantMessageId);
    if (frame.type == Type::Progress)
        return changes | applyProgress(QString::fromUtf8(frame.progressMessage));
    if (frame.type == Type::Start)
        return changes;
    return changes | applyText(frame.type, frame.index, frame.text);
}

Changes AnswerAssembler::lateEvent(const QString &typeName)
{
    return problem(m_sawDone
            ? QStringLiteral("An event (%1) arrived after [DONE]; it was ignored.").arg(typeName)
            : QStringLiteral("An event (%1) arrived after finish; it was ignored.").arg(typeName));
}

Changes AnswerAssembler::applyProgress(const QString &message)
{
    if (message == m_progressMessage)
        return Change::None;
    m_progressMessage = message;
    return Change::ProgressChanged;
}

Changes AnswerAssembler::apply(const StreamEvent &event)
{
    if (isLate(event.type))
        return lateEvent(event.typeName);

    Changes changes
        = applyContext(event.conversationId, event.userMessageId, event.assistantMessageId);
    switch (event.type) {
    case Type::Start:
        break;
    case Type::Progress:
        changes |= applyProgress(event.progressMessage);
        break;
    case Type::TextStart:
    case Type::TextDelta:
    case Type::TextEnd:
        changes |= applyText(event.type, event.index, event.text);
        break;
    case Type::AssetStart:
    case Type::AssetDelta:
    case Type::AssetEnd:
        changes |= applyAsset(event);
        break;
    case Type::Error:
        changes |= applyError(event);
        break;
    case Type::Finish:
        changes |= applyFinish(
            event.result ? std::optional(FinishResult::fromJson(*event.result)) : std::nullopt,
            event.resultIsNull);
        break;
    case Type::Done:
        changes |= applyDone();
        break;
    case Type::Unknown:
        qCInfo(lcStream) << "Ignoring an answer stream event of unknown type" << event.typeName;
        break;
    }
    return changes;
}

Changes AnswerAssembler::applyInvalidFrame(const DecodeError &error)
{
    qCWarning(lcStream) << error.message << "Frame:" << error.frame;
    ++m_lostFrames;
    return problem(error.message);
}

Changes AnswerAssembler::end()
{
    if (m_state != State::Streaming)
        return Change::None;
    return settle(State::Incomplete, stoppedEarly());
}

QString AnswerAssembler::text() const
{
    if (m_reconciledText)
        return *m_reconciledText;
    if (m_textStale) {
        m_text.clear();
        m_lastTextBlock = -1;
        for (const auto &[index, block] : m_blocks) {
            if (block.text.isEmpty())
                continue;
            if (!m_text.isEmpty())
                m_text += u"\n\n";
            m_text += block.text;
            m_lastTextBlock = index;
        }
        m_textStale = false;
    }
    return m_text;
}

template<typename Text>
void AnswerAssembler::appendToBlock(int index, TextBlock &block, const Text &text)
{
    if (!m_blocksOwnText && index < m_lastTextBlock)
        giveBlocksTheirText();
    if (m_blocksOwnText) {
        const qsizetype from = block.text.size();
        appendText(block.text, text);
        textAppended(index, block.text, from);
        return;
    }
    if (index > m_lastTextBlock) {
        if (!m_text.isEmpty())
            m_text += u"\n\n";
        block.start = m_text.size();
        m_lastTextBlock = index;
    }
    const qsizetype before = m_text.size();
    appendText(m_text, text);
    block.size += m_text.size() - before;
}

void AnswerAssembler::giveBlocksTheirText()
{
    for (auto &[index, block] : m_blocks) {
        if (block.size > 0)
            block.text = m_text.mid(block.start, block.size);
        block.size = 0;
    }
    m_blocksOwnText = true;
}

// Block `index` grew from `from` on: m_text grows with it when that block is the last with text.
void AnswerAssembler::textAppended(int index, const QString &blockText, qsizetype from)
{
    if (m_textStale || index < m_lastTextBlock) {
        m_textStale = true;
        return;
    }
    if (index > m_lastTextBlock && !m_text.isEmpty())
        m_text += u"\n\n";
    m_lastTextBlock = index;
    m_text.append(blockText.constData() + from, blockText.size() - from);
}

bool AnswerAssembler::Id::set(const QString &value)
{
    if (value.isEmpty() || value == text)
        return false;
    text = value;
    // A lone surrogate has no UTF-8: such an id then never equals a frame's bytes.
    utf8 = value.isValidUtf16() ? value.toUtf8() : QByteArray();
    return true;
}

bool AnswerAssembler::Id::set(QByteArrayView value)
{
    // Every frame carries the ids: compared inline, with no call per id.
    if (value.isEmpty()
        || (value.size() == utf8.size()
            && std::memcmp(value.data(), utf8.constData(), size_t(value.size())) == 0))
        return false;
    return set(QString::fromUtf8(value));
}

template<typename Text>
Changes AnswerAssembler::applyContext(
    const Text &conversationId, const Text &userMessageId, const Text &assistantMessageId)
{
    bool changed = m_conversationId.set(conversationId);
    changed |= m_userMessageId.set(userMessageId);
    changed |= m_assistantMessageId.set(assistantMessageId);
    return changed ? Change::IdsChanged : Change::None;
}

int AnswerAssembler::blockIndexFor(Type type, int eventIndex) const
{
    if (eventIndex >= 0)
        return eventIndex;
    if (type == Type::TextStart)
        return m_blocks.empty() ? 0 : m_blocks.rbegin()->first + 1;
    return m_currentBlock >= 0 ? m_currentBlock : 0;
}

template<typename Text>
Changes AnswerAssembler::applyText(Type type, int eventIndex, const Text &text)
{
    const int index = blockIndexFor(type, eventIndex);
    TextBlock &block = m_blocks[index];
    Changes changes;
    if (type == Type::TextStart) {
        if (block.started)
            changes |= problem(QStringLiteral("Text block %1 was started twice.").arg(index));
        block.started = true;
        m_currentBlock = index;
        return changes;
    }
    if (!block.started) {
        changes |= problem(
            QStringLiteral("Text arrived for block %1, which was never started.").arg(index));
        block.started = true;
        m_currentBlock = index;
    }
    if (type == Type::TextDelta) {
        if (!isEmptyText(text)) {
            appendToBlock(index, block, text);
            changes |= Change::TextChanged;
        }
        return changes;
    }
    // text_end; some servers repeat the whole block text there.
    if (block.isEmpty() && !isEmptyText(text)) {
        appendToBlock(index, block, text);
        changes |= Change::TextChanged;
    }
    block.ended = true;
    return changes | Change::TextEnded;
}

Changes AnswerAssembler::applyError(const StreamEvent &event)
{
    const QString message = event.errorMessage.isEmpty()
        ? QStringLiteral("The service reported an error without saying what went wrong.")
        : event.errorMessage;
    m_errors.append(message);
    Changes changes = Change::ErrorReceived;
    if (m_state == State::Streaming)
        changes |= settle(State::Failed, m_errors.join(u'\n'));
    else if (m_state == State::Failed)
        m_reason = m_errors.join(u'\n');
    return changes;
}

// apply() of a finish event, from the frame read by FinishFrame.
Changes AnswerAssembler::applyFinishFrame(const FinishFrame &frame)
{
    if (isLate(Type::Finish))
        return lateEvent(QStringLiteral("finish"));
    // The frame's context first, then the result's ids over it, as apply() does.
    const Changes changes
        = applyContext(frame.conversationId, frame.userMessageId, frame.assistantMessageId);
    return changes | applyFinish(frame.result, frame.resultIsNull);
}

Changes AnswerAssembler::applyFinish(const std::optional<FinishResult> &result, bool resultIsNull)
{
    m_sawFinish = true;
    Changes changes;
    if (result)
        changes |= reconcile(*result);
    if (m_state != State::Streaming)
        return changes;
    if (resultIsNull) {
        return changes
            | settle(State::Failed, QStringLiteral("The service could not produce an answer."));
    }
    if (m_lostFrames > 0 && !result)
        return changes | settle(State::Incomplete, partsUnreadable());
    return changes | settle(State::Complete, {});
}

Changes AnswerAssembler::applyDone()
{
    m_sawDone = true;
    if (m_state != State::Streaming)
        return Change::None;
    if (m_lostFrames > 0)
        return settle(State::Incomplete, partsUnreadable());
    return settle(State::Complete, {});
}

Changes AnswerAssembler::settle(State state, const QString &reason)
{
    m_state = state;
    m_reason = reason;
    return Change::Finished;
}

Changes AnswerAssembler::problem(const QString &what)
{
    qCInfo(lcStream) << "Answer stream problem:" << what;
    m_problems.append(what);
    return Change::ProblemRecorded;
}

#include "app/stream/answerassembler.h"

#include "app/protocol/aipromptdecoder.h"
#include "app/stream/streamlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

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

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// An asset JSON may be the item itself ({type: "line-chart", slots, ...}) or a whole asset
// ({id, type: "item", value: {...}}); returns the item, and the asset id when given.
QJsonObject itemOf(const QJsonObject &object, QString *assetId)
{
    const QJsonValue value = object.value(u"value");
    if (value.isObject() && !object.contains(u"slots")) {
        if (assetId && assetId->isEmpty())
            *assetId = object.value(u"id").toString();
        return value.toObject();
    }
    return object;
}

} // namespace

Changes AnswerAssembler::applyFrame(const QString &data)
{
    auto decoded = AiPromptDecoder::decode(data);
    if (!decoded)
        return applyInvalidFrame(decoded.error());
    return apply(*decoded);
}

Changes AnswerAssembler::apply(const StreamEvent &event)
{
    if (m_sawDone)
        return problem(QStringLiteral("An event (%1) arrived after [DONE]; it was ignored.")
                           .arg(event.typeName));
    if (m_sawFinish && event.type != Type::Done)
        return problem(QStringLiteral("An event (%1) arrived after finish; it was ignored.")
                           .arg(event.typeName));

    Changes changes = applyContext(event);
    switch (event.type) {
    case Type::Start:
        break;
    case Type::Progress:
        if (event.progressMessage != m_progressMessage) {
            m_progressMessage = event.progressMessage;
            changes |= Change::ProgressChanged;
        }
        break;
    case Type::TextStart:
    case Type::TextDelta:
    case Type::TextEnd:
        changes |= applyText(event);
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
        changes |= applyFinish(event);
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
    QString text;
    for (const auto &[index, block] : m_blocks) {
        if (block.text.isEmpty())
            continue;
        if (!text.isEmpty())
            text += u"\n\n";
        text += block.text;
    }
    return text;
}

Changes AnswerAssembler::applyContext(const StreamEvent &event)
{
    bool changed = setId(m_conversationId, event.conversationId);
    changed |= setId(m_userMessageId, event.userMessageId);
    changed |= setId(m_assistantMessageId, event.assistantMessageId);
    return changed ? Change::IdsChanged : Change::None;
}

bool AnswerAssembler::setId(QString &id, const QString &value)
{
    if (value.isEmpty() || value == id)
        return false;
    id = value;
    return true;
}

int AnswerAssembler::blockIndexFor(const StreamEvent &event) const
{
    if (event.index >= 0)
        return event.index;
    if (event.type == Type::TextStart)
        return m_blocks.empty() ? 0 : m_blocks.rbegin()->first + 1;
    return m_currentBlock >= 0 ? m_currentBlock : 0;
}

Changes AnswerAssembler::applyText(const StreamEvent &event)
{
    const int index = blockIndexFor(event);
    TextBlock &block = m_blocks[index];
    Changes changes;
    if (event.type == Type::TextStart) {
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
    if (event.type == Type::TextDelta) {
        if (!event.text.isEmpty()) {
            block.text += event.text;
            changes |= Change::TextChanged;
        }
        return changes;
    }
    // text_end; some servers repeat the whole block text there.
    if (block.text.isEmpty() && !event.text.isEmpty()) {
        block.text = event.text;
        changes |= Change::TextChanged;
    }
    block.ended = true;
    return changes | Change::TextEnded;
}

AnswerAsset *AnswerAssembler::assetFor(const StreamEvent &event)
{
    for (AnswerAsset &asset : m_assets) {
        if (event.index >= 0 ? asset.index == event.index
                             : !event.assetId.isEmpty() && asset.id == event.assetId)
            return &asset;
    }
    if (event.index < 0 && event.assetId.isEmpty() && !m_assets.isEmpty())
        return &m_assets.last(); // no index nor id: the asset being streamed
    return nullptr;
}

Changes AnswerAssembler::applyAsset(const StreamEvent &event)
{
    Changes changes;
    AnswerAsset *asset
        = event.type == Type::AssetStart && event.index < 0 ? nullptr : assetFor(event);
    if (event.type == Type::AssetStart) {
        if (asset)
            return problem(QStringLiteral("Asset %1 was started twice.").arg(asset->index));
        changes |= Change::AssetStarted;
    } else if (!asset) {
        changes |= problem(
            QStringLiteral("Data arrived for asset %1, which was never started.").arg(event.index));
    }
    if (!asset) {
        AnswerAsset added;
        added.index = event.index >= 0 ? event.index : int(m_assets.size());
        m_assets.append(added);
        asset = &m_assets.last();
    }
    if (!event.assetType.isEmpty())
        asset->type = event.assetType;
    else if (asset->type.isEmpty())
        asset->type = QStringLiteral("item");
    if (!event.assetId.isEmpty())
        asset->id = event.assetId;

    if (event.type == Type::AssetDelta) {
        if (asset->status == AnswerAsset::Status::Streaming)
            asset->json += event.text;
        return changes;
    }
    if (event.type == Type::AssetEnd && asset->status == AnswerAsset::Status::Streaming) {
        readAssetJson(*asset, event.raw);
        if (asset->status == AnswerAsset::Status::Invalid)
            return changes | problem(asset->problem);
        changes |= Change::AssetCompleted;
    }
    return changes;
}

void AnswerAssembler::readAssetJson(AnswerAsset &asset, const QJsonObject &rawEvent)
{
    // Tolerance: an asset_end that carries the item itself instead of fragments before it.
    if (asset.json.trimmed().isEmpty()) {
        for (const QStringView key : { u"value", u"item" }) {
            if (const QJsonValue value = rawEvent.value(key); value.isObject()) {
                asset.value = value.toObject();
                asset.json = compactJson(asset.value);
                asset.status = AnswerAsset::Status::Complete;
                return;
            }
        }
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(asset.json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        asset.status = AnswerAsset::Status::Invalid;
        const QString why = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)
            : QStringLiteral("not a JSON object");
        asset.problem = QStringLiteral("The chart %1 of the answer could not be read (%2).")
                            .arg(asset.index)
                            .arg(why);
        return;
    }
    asset.value = itemOf(document.object(), &asset.id);
    asset.status = AnswerAsset::Status::Complete;
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

Changes AnswerAssembler::applyFinish(const StreamEvent &event)
{
    m_sawFinish = true;
    Changes changes;
    if (event.result)
        changes |= reconcile(*event.result);
    if (m_state != State::Streaming)
        return changes;
    if (event.resultIsNull) {
        return changes
            | settle(State::Failed, QStringLiteral("The service could not produce an answer."));
    }
    if (m_lostFrames > 0 && !event.result)
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

Changes AnswerAssembler::reconcile(const QJsonObject &result)
{
    m_result = result;
    Changes changes;
    const QJsonObject user = result.value(u"user_message").toObject();
    const QJsonObject assistant = result.value(u"assistant_message").toObject();
    QString conversationId = result.value(u"conversation_id").toString();
    if (conversationId.isEmpty())
        conversationId = assistant.value(u"conversation_id").toString();
    bool idsChanged = setId(m_conversationId, conversationId);
    idsChanged |= setId(m_userMessageId, user.value(u"id").toString());
    idsChanged |= setId(m_assistantMessageId, assistant.value(u"id").toString());
    if (idsChanged)
        changes |= Change::IdsChanged;

    if (const QJsonValue message = assistant.value(u"message"); message.isString()) {
        const QString before = text();
        m_reconciledText = message.toString();
        if (*m_reconciledText != before)
            changes |= Change::TextChanged;
    }

    const QJsonValue assets = assistant.value(u"aiMessageAssets");
    if (!assets.isArray())
        return changes;
    QList<AnswerAsset> replaced;
    const QJsonArray array = assets.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        AnswerAsset asset;
        asset.index = int(i);
        asset.id = object.value(u"id").toString();
        asset.type = object.value(u"type").toString(QStringLiteral("item"));
        const QJsonValue value = object.value(u"value");
        if (value.isObject()) {
            asset.value = value.toObject();
            asset.json = compactJson(asset.value);
            asset.status = AnswerAsset::Status::Complete;
        } else {
            asset.status = AnswerAsset::Status::Invalid;
            asset.problem = QStringLiteral("The chart %1 of the final answer has no item.").arg(i);
            changes |= problem(asset.problem);
        }
        replaced.append(asset);
    }
    m_assets = replaced;
    return changes | Change::AssetsReplaced;
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

#include "app/protocol/jsonfastpath.h"
#include "app/stream/answerassembler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

// The assets of an answer, and finish.result replacing what was assembled.

namespace {

using Type = StreamEvent::Type;
using Change = AnswerAssembler::Change;
using Changes = AnswerAssembler::Changes;

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

// Fragments of the asset's JSON arrived (an asset_end may carry the item of one with none).
bool receivedFragments(const AnswerAsset &asset)
{
    return !asset.json.trimmed().isEmpty();
}

} // namespace

bool AnswerAssembler::hasFragments(int index) const
{
    if (index < 0)
        return false; // an asset found by id or by being the last: its raw event is kept
    for (const AnswerAsset &asset : m_assets) {
        if (asset.index == index)
            return asset.status == AnswerAsset::Status::Streaming && receivedFragments(asset);
    }
    return false;
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
    if (!receivedFragments(asset)) {
        for (const QStringView key : { u"value", u"item" }) {
            if (const QJsonValue value = rawEvent.value(key); value.isObject()) {
                asset.value = value.toObject();
                asset.status = AnswerAsset::Status::Complete;
                return;
            }
        }
    }
    const QByteArray utf8 = asset.json.toUtf8();
    if (const std::optional<QJsonObject> object = JsonFastPath::parseObject(utf8)) {
        asset.value = itemOf(*object, &asset.id);
        asset.status = AnswerAsset::Status::Complete;
        return;
    }
    QJsonParseError parseError; // also for the words of the error
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
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

Changes AnswerAssembler::reconcile(const FinishResult &result)
{
    m_reconciled = true;
    Changes changes;
    bool idsChanged = m_conversationId.set(result.conversationId);
    idsChanged |= m_userMessageId.set(result.userMessageId);
    idsChanged |= m_assistantMessageId.set(result.assistantMessageId);
    if (idsChanged)
        changes |= Change::IdsChanged;

    if (result.message) {
        const QString before = text();
        m_reconciledText = *result.message;
        if (*m_reconciledText != before)
            changes |= Change::TextChanged;
    }

    if (!result.assets)
        return changes;
    QList<AnswerAsset> replaced;
    for (qsizetype i = 0; i < result.assets->size(); ++i) {
        const FinishResult::Asset &finished = result.assets->at(i);
        AnswerAsset asset;
        asset.index = int(i);
        asset.id = finished.id;
        asset.type = finished.type;
        if (finished.value) {
            asset.value = *finished.value;
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

#include "app/looker/lookermessagemapper.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LookerMessageMapper", text);
}

StreamEvent event(StreamEvent::Type type, const QString &name)
{
    StreamEvent e;
    e.type = type;
    e.typeName = name;
    return e;
}

QString firstString(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->isString() && !it->toString().trimmed().isEmpty())
            return it->toString().trimmed();
    }
    return {};
}

bool isEmptyResult(const QJsonValue &result)
{
    if (result.isUndefined() || result.isNull())
        return true;
    if (result.isObject()) {
        const QJsonObject object = result.toObject();
        if (object.isEmpty())
            return true;
        // DataResult: {name, schema, data[]}. Empty data is summarised by the final text.
        const QJsonValue data = object.value(u"data");
        return data.isArray() && data.toArray().isEmpty() && !object.contains(u"vegaConfig");
    }
    return false;
}
} // namespace

StreamEvent LookerMessageMapper::progress(const QString &message)
{
    StreamEvent e = event(StreamEvent::Type::Progress, u"progress"_s);
    e.progressMessage = message;
    return e;
}

QList<StreamEvent> LookerMessageMapper::map(const QJsonObject &message)
{
    QList<StreamEvent> out;
    // Tolerance: a bare system message without the {systemMessage: ...} envelope.
    const QJsonObject system
        = message.contains(u"systemMessage") ? message.value(u"systemMessage").toObject() : message;
    m_messageId = message.value(u"messageId").toString();
    if (const QJsonValue text = system.value(u"text"); text.isObject())
        mapText(text.toObject(), out);
    if (system.contains(u"schema"))
        out << progress(tr("Looking up the fields of the Explore"));
    if (const QJsonValue data = system.value(u"data"); data.isObject())
        mapResultPart(data.toObject(), DataAssetType, tr("Querying the data"), out);
    if (const QJsonValue analysis = system.value(u"analysis"); analysis.isObject()) {
        const QJsonObject progressEvent = analysis.toObject().value(u"progressEvent").toObject();
        const QString detail = firstString(progressEvent);
        out << progress(detail.isEmpty() ? tr("Analysing the data") : detail);
    }
    if (const QJsonValue chart = system.value(u"chart"); chart.isObject())
        mapResultPart(chart.toObject(), ChartAssetType, tr("Drawing a chart"), out);
    if (const QJsonValue error = system.value(u"error"); error.isObject()) {
        closeText(out);
        StreamEvent e = event(StreamEvent::Type::Error, u"error"_s);
        e.errorMessage = error.toObject().value(u"text").toString();
        if (e.errorMessage.isEmpty())
            e.errorMessage = firstString(error.toObject());
        e.raw = error.toObject();
        m_sawError = true;
        m_errorText = e.errorMessage;
        out << e;
    }
    return out;
}

void LookerMessageMapper::mapText(const QJsonObject &text, QList<StreamEvent> &out)
{
    QStringList parts;
    for (const QJsonValue &part : text.value(u"parts").toArray())
        parts << part.toString();
    const QString type = text.value(u"textType").toString().toUpper();
    if (type == u"THOUGHT" || type == u"PROGRESS") {
        // parts[0] is the summary, parts[1] the full text.
        const QString summary = parts.value(0).trimmed();
        if (!summary.isEmpty())
            out << progress(summary);
        return;
    }
    if (type == u"FOLLOWUP_QUESTIONS") {
        QJsonArray questions;
        for (const QString &part : std::as_const(parts)) {
            if (!part.trimmed().isEmpty())
                questions.append(part.trimmed());
        }
        if (!questions.isEmpty())
            addAsset(FollowupsAssetType, { { u"questions"_s, questions } }, out);
        return;
    }
    const QString delta = parts.join(QString());
    if (delta.isEmpty())
        return;
    if (m_textBlock < 0) {
        m_textBlock = m_nextBlock++;
        StreamEvent start = event(StreamEvent::Type::TextStart, u"text_start"_s);
        start.index = m_textBlock;
        out << start;
        if (!m_finalText.isEmpty())
            m_finalText += u"\n\n";
    }
    StreamEvent e = event(StreamEvent::Type::TextDelta, u"text_delta"_s);
    e.index = m_textBlock;
    e.text = delta;
    e.raw = text;
    m_finalText += delta;
    out << e;
}

void LookerMessageMapper::mapResultPart(const QJsonObject &part, const QString &assetType,
    const QString &queryProgress, QList<StreamEvent> &out)
{
    const QJsonObject result = part.value(u"result").toObject();
    const QString name = result.value(u"name").toString();
    if (isEmptyResult(part.value(u"result")) || name.endsWith(u"_sample_values")) {
        const QJsonObject query = part.value(u"query").toObject();
        if (!query.isEmpty() || part.contains(u"generatedSql")) {
            const QString question = query.value(u"question").toString();
            out << progress(question.isEmpty() ? queryProgress : queryProgress + u": " + question);
        }
        return;
    }
    QJsonObject value = part;
    if (assetType == DataAssetType) {
        m_latestData = result;
        if (!name.isEmpty())
            m_dataResults.insert(name, result);
    } else if (assetType == ChartAssetType) {
        const QString wanted = part.value(u"query").toObject().value(u"dataResultName").toString();
        const QJsonObject data = m_dataResults.value(wanted, m_latestData);
        if (!data.isEmpty())
            value.insert(u"data"_s, data);
    }
    addAsset(assetType, value, out);
}

void LookerMessageMapper::addAsset(
    const QString &type, const QJsonObject &value, QList<StreamEvent> &out)
{
    closeText(out);
    const int index = int(m_assets.size());
    QString id = m_messageId + u'/' + type;
    if (m_messageId.isEmpty())
        id = u"part-"_s + QString::number(index);
    for (const Asset &asset : std::as_const(m_assets)) {
        if (asset.id == id) // two parts of one kind in one message
            id += u'-' + QString::number(index);
    }
    m_assets.append({ id, type, value });
    StreamEvent start = event(StreamEvent::Type::AssetStart, u"asset_start"_s);
    start.index = index;
    start.assetType = type;
    start.assetId = id;
    StreamEvent delta = start;
    delta.type = StreamEvent::Type::AssetDelta;
    delta.typeName = u"asset_delta"_s;
    delta.text = QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
    StreamEvent end = start;
    end.type = StreamEvent::Type::AssetEnd;
    end.typeName = u"asset_end"_s;
    out << start << delta << end;
}

void LookerMessageMapper::closeText(QList<StreamEvent> &out)
{
    if (m_textBlock < 0)
        return;
    StreamEvent end = event(StreamEvent::Type::TextEnd, u"text_end"_s);
    end.index = m_textBlock;
    out << end;
    m_textBlock = -1;
}

QList<StreamEvent> LookerMessageMapper::finish()
{
    QList<StreamEvent> out;
    closeText(out);
    return out;
}

#pragma once

#include "app/protocol/streamevent.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// Turns the ChatMessages of one Looker answer into Chartroom's StreamEvents, in order. Looker's
// OpenAPI file (ChatMessage, SystemMessage) gives each message as {timestamp, messageId,
// systemMessage: {text | schema | data | analysis | chart | error}}; text is {parts[], textType}:
//  - FINAL_RESPONSE (or no/unknown textType) → text_start/text_delta/text_end: the parts of
//    consecutive text messages are deltas of one block (closed by an asset or the end);
//  - THOUGHT and PROGRESS → progress (parts[0] is the summary), like schema resolution,
//    analysis progress and the query part of data/chart messages;
//  - FOLLOWUP_QUESTIONS → an asset "followups" {questions: [each part]}, drawn as links;
//  - data with a result (not a `_sample_values` lookup) → an asset "looker-data" whose value is
//    the data part; chart with a result → an asset "looker-chart" whose value is the chart part
//    {query, result{vegaConfig, image?}} plus "data": the DataResult {name, schema, data[]} it
//    draws (the one named by query.dataResultName, else the answer's latest data result);
//  - error {text} → error.
// Each asset's id is the message's messageId plus the part ("m-7/chart"), or "part-<n>" (its
// place in the answer) when the message has none: the live answer and a later sync of the same
// persisted messages give the same ids. Unknown parts are skipped. Pure: no QObject, no I/O.
class LookerMessageMapper
{
public:
    static inline const QString DataAssetType = QStringLiteral("looker-data");
    static inline const QString ChartAssetType = QStringLiteral("looker-chart");
    static inline const QString FollowupsAssetType = QStringLiteral("followups");

    struct Asset
    {
        QString id;
        QString type;
        QJsonObject value;
    };

    QList<StreamEvent> map(const QJsonObject &message);
    // The answer ended: closes an open text block.
    QList<StreamEvent> finish();

    // The final answer text so far (the FINAL_RESPONSE parts).
    QString finalText() const { return m_finalText; }
    bool sawError() const { return m_sawError; }
    QString errorText() const { return m_errorText; }
    int assetCount() const { return int(m_assets.size()); }
    const QList<Asset> &assets() const { return m_assets; }

private:
    void mapText(const QJsonObject &text, QList<StreamEvent> &out);
    void mapResultPart(const QJsonObject &part, const QString &assetType,
        const QString &queryProgress, QList<StreamEvent> &out);
    void addAsset(const QString &type, const QJsonObject &value, QList<StreamEvent> &out);
    void closeText(QList<StreamEvent> &out);
    static StreamEvent progress(const QString &message);

    QString m_finalText;
    QString m_errorText;
    QString m_messageId; // the messageId of the message being mapped
    int m_textBlock = -1; // the open text block, or -1
    int m_nextBlock = 0;
    QList<Asset> m_assets;
    QHash<QString, QJsonObject> m_dataResults; // by DataResult name
    QJsonObject m_latestData;
    bool m_sawError = false;
};

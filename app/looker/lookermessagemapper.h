#pragma once

#include "streamevent.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Turns the system messages of a Looker chat answer into Chartroom's StreamEvents, in order.
// Looker documents each message as {timestamp, systemMessage: {text | schema | data | analysis
// | chart | error}}; text carries {parts[], textType}:
//  - text FINAL_RESPONSE (or no/unknown textType) → text_start/text_delta/text_end: the parts
//    of consecutive text messages are deltas of one block (closed by an asset or the end);
//  - text THOUGHT and PROGRESS → progress (parts[0] is the summary), like schema resolution,
//    analysis progress and the query part of data/chart messages;
//  - data with a result (not a `_sample_values` lookup) → an asset "looker-data"; chart with
//    a result → an asset "looker-chart"; the asset's value is that part's JSON object;
//  - error {text} → error.
// Unknown parts are skipped. Pure: no QObject, no I/O.
class LookerMessageMapper
{
public:
    static inline const QString DataAssetType = QStringLiteral("looker-data");
    static inline const QString ChartAssetType = QStringLiteral("looker-chart");

    QList<StreamEvent> map(const QJsonObject &message);
    // The answer ended: closes an open text block.
    QList<StreamEvent> finish();

    // The final answer text so far (the FINAL_RESPONSE parts), to persist the turn.
    QString finalText() const { return m_finalText; }
    bool sawError() const { return m_sawError; }
    int assetCount() const { return m_assets; }

private:
    void mapText(const QJsonObject &text, QList<StreamEvent> &out);
    void mapResultPart(const QJsonObject &part, const QString &assetType,
        const QString &queryProgress, QList<StreamEvent> &out);
    void closeText(QList<StreamEvent> &out);
    static StreamEvent progress(const QString &message);

    QString m_finalText;
    int m_textBlock = -1; // the open text block, or -1
    int m_nextBlock = 0;
    int m_assets = 0;
    bool m_sawError = false;
};

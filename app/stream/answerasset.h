#pragma once

#include <QJsonObject>
#include <QString>

// One asset (for now always a Luzmo item, i.e. a chart definition) of an answer being assembled.
struct AnswerAsset
{
    enum class Status {
        Streaming, // asset_start seen, fragments arriving
        Complete, // its JSON was read (at asset_end, or from finish.result)
        Invalid, // its JSON could not be read; `problem` says why
    };

    int index = -1;
    QString id; // the asset's id once known (asset_end, or finish.result)
    QString type; // "item"
    // The fragments received so far, concatenated; empty for an asset that came whole (in
    // finish.result, or as the item of an asset_end): `value` is what was read.
    QString json;
    QJsonObject value; // the item: {type: "line-chart", options, slots, filters}
    Status status = Status::Streaming;
    QString problem;
};

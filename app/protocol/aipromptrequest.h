#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The properties of a Luzmo `aiprompt` create.
struct AiPromptRequest
{
    QString agent = QStringLiteral("item"); // "item" or "analyst"
    QString task = QStringLiteral("generate"); // item: generate|suggest|describe; analyst: generate
    QString conversationId; // continue a remote conversation; empty starts one
    QString localeId = QStringLiteral("en");
    QString timezoneId; // IANA zone, e.g. "Europe/Brussels"; empty: not sent (the server's UTC)
    QString textFormat = QStringLiteral("markdown"); // "plain" or "markdown"
    // "mixed" (text and asset), "text" (no asset) or "asset" (the item, one line of text).
    // Luzmo's skill page also writes "chart" for "asset": the server reads it as "asset".
    QString responseMode = QStringLiteral("mixed");
    QStringList texts; // exactly one text input is required
    QStringList datasetIds;
    QList<QJsonObject> items; // e.g. the chart to describe
    bool stream = true;

    // Why the request may not be sent, in words; empty when it is valid.
    QString validate() const;
    // The properties as Luzmo documents them: the inputs in `input` (an array), plus
    // timezone_id, text_format and response_mode.
    QJsonObject toProperties() const;
    // Reads the properties a client sent, tolerantly (the server side of toProperties()): the
    // inputs in `input` or, as older clients wrote it, `inputs`; a text input's text in `text`,
    // `value` or `message`; a dataset's id in `id` or `dataset_id`; an item in `value` or
    // `item`; a top-level `text` when no text input is given; response_mode "chart" as "asset".
    static AiPromptRequest fromProperties(const QJsonObject &properties);
    // The system's IANA time zone id (what a client sends as timezone_id).
    static QString systemTimezoneId();
};

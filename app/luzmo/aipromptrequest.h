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
    QStringList texts; // exactly one text input is required
    QStringList datasetIds;
    QList<QJsonObject> items; // e.g. the chart to describe
    bool stream = true;

    // Why the request may not be sent, in words; empty when it is valid.
    QString validate() const;
    QJsonObject toProperties() const;
    // Reads the properties a client sent, tolerantly (the server side of toProperties()): a text
    // input's text in `text`, `value` or `message`; a dataset's id in `id` or `dataset_id`; an
    // item in `value` or `item`; a top-level `text` when no text input is given.
    static AiPromptRequest fromProperties(const QJsonObject &properties);
};

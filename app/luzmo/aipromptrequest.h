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
};

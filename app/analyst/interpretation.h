#pragma once

#include "app/analyst/intent.h"
#include "app/datasets/datasetschema.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// How an Intent is shown with its answer, as search tokens: "Sales · Revenue · sum · by month ·
// Region = EMEA · 2024", the dataset first. Also its JSON form (stored with the message as an
// "interpretation" asset, read back for follow-ups) and a question that reads back as the same
// Intent. Pure.
class Interpretation
{
public:
    static QStringList tokens(const Intent &intent, const DatasetSchema &schema);
    static QString line(const Intent &intent, const DatasetSchema &schema);
    // {"tokens": [...], "text": "...", "intent": {...}}
    static QJsonObject toJson(const Intent &intent, const DatasetSchema &schema);
    // The intent of toJson()'s output; an invalid Intent when `json` is not one.
    static Intent fromJson(const QJsonObject &json);
    // A question whose reading is `intent` ("monthly revenue by region for EMEA in 2024").
    static QString question(const Intent &intent, const DatasetSchema &schema);

    static QString measureName(const Intent &intent); // "Revenue", "Margin", "Cost per unit"
};

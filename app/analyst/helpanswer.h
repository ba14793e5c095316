#pragma once

#include "app/analyst/questionparser.h"
#include "app/datasets/datasetschema.h"

#include <QString>
#include <QStringList>

// The answer to a question the analyst cannot map: what was missing, the dataset's columns and
// three example questions built from them. Pure.
class HelpAnswer
{
public:
    static QString text(
        const DatasetSchema &schema, const QString &missing, const DataFacts &facts = {});
    // Three questions over the dataset's own columns and values: a trend, a ranking and a
    // filtered number (the first-launch suggestions are these, for the sample).
    static QStringList examples(const DatasetSchema &schema, const DataFacts &facts = {});
};

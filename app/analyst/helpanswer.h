#pragma once

#include "datasetschema.h"

#include <QString>
#include <QStringList>

// The answer to a question the analyst cannot map: what was missing, the dataset's columns and
// three example questions built from them. Pure.
class HelpAnswer
{
public:
    static QString text(const DatasetSchema &schema, const QString &missing);
    static QStringList examples(const DatasetSchema &schema);
};

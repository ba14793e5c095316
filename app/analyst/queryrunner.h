#pragma once

#include "app/datasets/dataquery.h"
#include "models/expected.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <functional>

// Runs a data query: the result rows (dimension values, then measures), or an error message.
using QueryRunner = std::function<Expected<QList<QJsonArray>, QString>(const DataQuery &)>;

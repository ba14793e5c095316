#pragma once

#include "app/datasets/dataquery.h"

#include <QJsonArray>
#include <QList>
#include <QString>

#include <functional>
#include <variant>

// Runs a data query: the result rows (dimension values, then measures), or an error message.
using QueryRunner = std::function<std::variant<QList<QJsonArray>, QString>(const DataQuery &)>;

#pragma once

#include <QLoggingCategory>

// The item models' logging category, chartroom.models: pages the store could not read.
Q_DECLARE_LOGGING_CATEGORY(lcModels)

#pragma once

#include <QLoggingCategory>

// The Looker client's logging category, chartroom.looker: token renewals, rate-limit retries.
Q_DECLARE_LOGGING_CATEGORY(lcLooker)

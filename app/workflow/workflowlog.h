#pragma once

#include <QLoggingCategory>

// The workflow stream's logging category, chartroom.workflow: the events it does not show.
Q_DECLARE_LOGGING_CATEGORY(lcWorkflow)

#pragma once

#include <QLoggingCategory>

// The streaming layer's logging category, chartroom.stream: unknown or invalid answer stream
// events and other problems of a stream.
Q_DECLARE_LOGGING_CATEGORY(lcStream)

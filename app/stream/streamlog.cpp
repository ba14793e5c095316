#include "app/stream/streamlog.h"

Q_LOGGING_CATEGORY(lcStream, "chartroom.stream")

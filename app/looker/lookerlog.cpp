#include "app/looker/lookerlog.h"

Q_LOGGING_CATEGORY(lcLooker, "chartroom.looker")

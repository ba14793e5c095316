#include "app/workflow/workflowlog.h"

Q_LOGGING_CATEGORY(lcWorkflow, "chartroom.workflow")

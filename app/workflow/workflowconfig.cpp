#include "app/workflow/workflowconfig.h"

#include "app/net/urlpath.h"

#include <algorithm>

using namespace Qt::StringLiterals;

int WorkflowConfig::Reconnect::delayMs(int attempt) const
{
    qint64 delay = qMax(0, baseDelayMs);
    for (int i = 1; i < attempt && delay < maxDelayMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, qMax(0, maxDelayMs)));
}

QUrl WorkflowConfig::streamUrl() const
{
    return urlUnder(baseUrl, u"v1/ai/workflow/chat/stream");
}

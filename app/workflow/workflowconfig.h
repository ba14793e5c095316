#pragma once

#include "app/net/apicall.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

// Where and as whom to call the workflow chat stream, how to reconnect when it drops, and the
// optional fields sent with every new question (see PROTOCOLS.md section 2).
struct WorkflowConfig
{
    // Reconnection after a dropped stream: `maxAttempts` tries in a row without a new event,
    // waiting baseDelayMs, 2×, 4×... capped at maxDelayMs. A new event resets the count.
    struct Reconnect
    {
        int maxAttempts = 5;
        int baseDelayMs = 250;
        int maxDelayMs = 8000;

        // The wait before reconnection `attempt` (1-based).
        int delayMs(int attempt) const;
    };

    QUrl baseUrl;
    QString token; // Bearer token: a secret, kept in memory, never logged nor written
    ApiCall::Limits limits;
    Reconnect reconnect;

    // Optional body fields; empty ones are not sent.
    QJsonObject definition; // the workflow graph to update (nodes.root of type "manual")
    QString name;
    QString description;
    QString preferredMode; // planning | building | repair | conversation
    QString agentVersion; // v1 | v2 | both
    QString templateSearchMode; // lightweight | hybrid
    QString workflowId;
    QString sessionId;

    // {baseUrl}/v1/ai/workflow/chat/stream
    QUrl streamUrl() const;
};

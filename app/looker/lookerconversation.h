#pragma once

#include "app/looker/lookerconfig.h"
#include "app/net/apierror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// A remote Looker conversation as `GET /conversations/search` lists it (OpenAPI Conversation).
struct LookerConversation
{
    QString id;
    QString name;
    QString category; // "conversation" | "dashboard"
    QString agentId;
    QString userId;
    QList<LookerSource> sources;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool deleted = false;
    int messageCount = 0; // 0 when the list does not include messages

    static LookerConversation fromJson(const QJsonObject &object);
};

// The outcome of LookerBackend::listConversations().
struct LookerConversations
{
    QList<LookerConversation> conversations;
    std::optional<ApiError> error;
};

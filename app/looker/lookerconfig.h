#pragma once

#include "app/net/apicall.h"

#include <QList>
#include <QString>
#include <QUrl>

// One LookML source of a conversation: a model and one of its Explores.
struct LookerSource
{
    QString model;
    QString explore;
};

// Where and as whom to call a Looker instance's API 4.0 (Conversational Analytics).
struct LookerConfig
{
    QUrl baseUrl; // e.g. https://example.looker.com; the API is under /api/4.0
    QString clientId;
    QString clientSecret; // a secret: kept in memory, never logged nor written by Chartroom
    QString agentId; // optional: the Conversational Analytics agent of new conversations
    QList<LookerSource> sources; // optional: the sources of new conversations
    ApiCall::Limits limits;
    int maxRateLimitRetries = 3; // 429s retried (after Retry-After) before giving up
    int renewBeforeSeconds = 60; // a token with less left is renewed before a call

    // {baseUrl}/api/4.0/{path}, e.g. urlFor(QStringLiteral("conversations")).
    QUrl urlFor(const QString &path) const;
};

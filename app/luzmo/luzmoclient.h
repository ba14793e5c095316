#pragma once

#include "app/luzmo/luzmoconfig.h"
#include "app/protocol/aipromptrequest.h"

#include <QJsonObject>
#include <QObject>

class ApiCall;
class QNetworkAccessManager;

// The Luzmo REST API as the official SDK calls it: every call is a JSON body
// {action, key, token, version, ...} sent to {host}/{version}/{resource}, with the SDK's HTTP
// method for the action (create POST, get SEARCH, update PATCH, delete DELETE,
// associate LINK, dissociate UNLINK). Each call returns an ApiCall owned by `parent`.
class LuzmoClient
{
public:
    LuzmoClient(QNetworkAccessManager &network, LuzmoConfig config);

    const LuzmoConfig &config() const { return m_config; }
    void setConfig(const LuzmoConfig &config) { m_config = config; }

    ApiCall *create(const QString &resource, const QJsonObject &properties, QObject *parent);
    // `find`: {where, attributes, include, order, limit, offset}
    ApiCall *get(const QString &resource, const QJsonObject &find, QObject *parent);
    ApiCall *update(
        const QString &resource, const QString &id, const QJsonObject &properties, QObject *parent);
    ApiCall *remove(const QString &resource, const QString &id, QObject *parent);
    ApiCall *associate(const QString &resource, const QString &id, const QString &role,
        const QString &otherId, QObject *parent);
    ApiCall *dissociate(const QString &resource, const QString &id, const QString &role,
        const QString &otherId, QObject *parent);
    // aiprompt create; a streaming call when request.stream (SSE), else one JSON answer.
    ApiCall *createAiPrompt(const AiPromptRequest &request, QObject *parent);

    // The JSON body of a call: `fields` plus action, key, token and version.
    QJsonObject body(const QString &action, QJsonObject fields) const;

    // The HTTP method the SDK uses for an action ("get" -> "SEARCH").
    static QByteArray methodFor(const QString &action);

private:
    ApiCall *send(const QString &resource, const QString &action, QJsonObject fields,
        bool streaming, QObject *parent);

    QNetworkAccessManager &m_network;
    LuzmoConfig m_config;
};

#include "app/luzmo/luzmoclient.h"

#include "app/net/apicall.h"
#include "app/net/urlpath.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

QUrl LuzmoConfig::urlFor(const QString &resource) const
{
    return urlUnder(host, QString(apiVersion + u'/' + resource));
}

LuzmoClient::LuzmoClient(QNetworkAccessManager &network, LuzmoConfig config)
    : m_network(network)
    , m_config(std::move(config))
{
}

QByteArray LuzmoClient::methodFor(const QString &action)
{
    if (action == u"create")
        return "POST";
    if (action == u"get")
        return "SEARCH";
    if (action == u"update")
        return "PATCH";
    if (action == u"delete")
        return "DELETE";
    if (action == u"associate")
        return "LINK";
    if (action == u"dissociate")
        return "UNLINK";
    return "POST";
}

QJsonObject LuzmoClient::body(const QString &action, QJsonObject fields) const
{
    fields.insert(u"action"_s, action);
    fields.insert(u"key"_s, m_config.key);
    fields.insert(u"token"_s, m_config.token);
    fields.insert(u"version"_s, m_config.apiVersion);
    return fields;
}

ApiCall *LuzmoClient::send(const QString &resource, const QString &action, QJsonObject fields,
    bool streaming, QObject *parent)
{
    const QJsonObject body = this->body(action, std::move(fields));
    QNetworkRequest request(m_config.urlFor(resource));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept",
        streaming ? QByteArrayLiteral("text/event-stream, application/json")
                  : QByteArrayLiteral("application/json"));
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (streaming)
        request.setAttribute(
            QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = m_network.sendCustomRequest(
        request, methodFor(action), QJsonDocument(body).toJson(QJsonDocument::Compact));
    return new ApiCall(reply, m_config.limits, streaming, parent);
}

ApiCall *LuzmoClient::create(
    const QString &resource, const QJsonObject &properties, QObject *parent)
{
    return send(resource, u"create"_s, { { u"properties"_s, properties } }, false, parent);
}

ApiCall *LuzmoClient::get(const QString &resource, const QJsonObject &find, QObject *parent)
{
    return send(resource, u"get"_s, { { u"find"_s, find } }, false, parent);
}

ApiCall *LuzmoClient::update(
    const QString &resource, const QString &id, const QJsonObject &properties, QObject *parent)
{
    return send(
        resource, u"update"_s, { { u"id"_s, id }, { u"properties"_s, properties } }, false, parent);
}

ApiCall *LuzmoClient::remove(const QString &resource, const QString &id, QObject *parent)
{
    return send(resource, u"delete"_s, { { u"id"_s, id } }, false, parent);
}

ApiCall *LuzmoClient::associate(const QString &resource, const QString &id, const QString &role,
    const QString &otherId, QObject *parent)
{
    const QJsonObject link { { u"role"_s, role }, { u"id"_s, otherId } };
    return send(
        resource, u"associate"_s, { { u"id"_s, id }, { u"resource"_s, link } }, false, parent);
}

ApiCall *LuzmoClient::dissociate(const QString &resource, const QString &id, const QString &role,
    const QString &otherId, QObject *parent)
{
    const QJsonObject link { { u"role"_s, role }, { u"id"_s, otherId } };
    return send(
        resource, u"dissociate"_s, { { u"id"_s, id }, { u"resource"_s, link } }, false, parent);
}

ApiCall *LuzmoClient::createAiPrompt(const AiPromptRequest &request, QObject *parent)
{
    return send(u"aiprompt"_s, u"create"_s, { { u"properties"_s, request.toProperties() } },
        request.stream, parent);
}

#pragma once

// What both halves of FakeLookerServer (fakelookerserver.cpp: set-up, recording, login and
// dispatch; fakelookerroutes.cpp: the conversation, chat and agent routes) write and read.
#include "tests/support/fakehttpserver.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QUrlQuery>

namespace FakeLookerWire {
inline QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

inline QByteArray pathOf(const FakeHttpServer::Request &request)
{
    const qsizetype query = request.path.indexOf('?');
    return query < 0 ? request.path : request.path.left(query);
}

inline QUrlQuery queryOf(const FakeHttpServer::Request &request)
{
    const qsizetype mark = request.path.indexOf('?');
    return QUrlQuery(mark < 0 ? QString() : QString::fromUtf8(request.path.mid(mark + 1)));
}

inline FakeHttpServer::Response json(int status, const QJsonValue &value)
{
    return FakeHttpServer::json(status, compact(value));
}
} // namespace FakeLookerWire

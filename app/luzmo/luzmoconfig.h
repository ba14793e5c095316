#pragma once

#include "app/net/apicall.h"

#include <QString>
#include <QUrl>

// Where and as whom to call the Luzmo API. Calls go to {host}/{apiVersion}/{resource}.
struct LuzmoConfig
{
    QUrl host = QUrl(QStringLiteral("https://api.luzmo.com"));
    QString apiVersion = QStringLiteral("0.1.0");
    QString key;
    QString token; // a secret: kept in memory, never written to disk by Chartroom
    ApiCall::Limits limits;
    // How aiprompt answers stream: HTTP Server-Sent Events, or a Socket.IO connection.
    enum class Transport { Sse, SocketIo };
    Transport transport = Transport::Sse;

    QUrl urlFor(const QString &resource) const;
};

#pragma once

#include "app/server/chunkedwriter.h"

#include <QHttpServerResponder>
#include <QJsonObject>

// One request's answer from the LocalServer: a JSON body, a JSON error in Luzmo's shape
// ({type: {code, description}, message}), or the responder handed on to an event stream.
// When the request asked for the connection to end (ConnectionGuard::closesAfterResponse), the
// answer says `Connection: close` and the connection is closed once it has been written; an
// HTTP/1.0 client gets a stream's body unchunked, ended by the close.
class Exchange
{
public:
    Exchange(QHttpServerResponder &&responder, bool closeAfter, bool http10);

    void json(const QJsonObject &body);
    void error(int status, const QString &message);

    // For a streamed answer: how its body is framed and whether the connection ends with it.
    ChunkedWriter::Framing framing() const;
    bool closesAfter() const { return m_closeAfter; }
    QHttpServerResponder takeResponder() { return std::move(m_responder); }

    static QString describe(int status);
    // The JSON body of an error (ConnectionGuard writes it too, on a connection over the cap).
    static QJsonObject errorBody(int status, const QString &message);

private:
    void write(const QJsonObject &body, int status);

    QHttpServerResponder m_responder;
    bool m_closeAfter = false;
    bool m_http10 = false;
};

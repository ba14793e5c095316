#pragma once

#include "app/datasets/datasetstore.h"
#include "app/server/aistore.h"
#include "app/server/storesearch.h"

#include <QHttpServer>
#include <QJsonObject>
#include <QObject>

struct AiPromptRequest;
class ConnectionGuard;
class Exchange;
struct AgentReply;
struct ApiError;

// Chartroom's own analyst server: the Luzmo wire format on 127.0.0.1 over local datasets, so
// the app works with no account and no network through exactly the client code a real Luzmo
// account uses (and other Luzmo clients, such as the official SDK, can use it too).
//   /0.1.0/aiprompt        create (SSE when properties.stream, else JSON)
//   /0.1.0/aiconversation  get (where/attributes/include/order/limit/offset), create
//   /0.1.0/aimessage       get (include AIMessageAsset)
//   /0.1.0/aimessageasset  get (where/attributes/order/limit/offset)
//   /0.1.0/dataset         get (datasets and their columns)
//   /0.1.0/data            get (find.queries: dimensions, measures, where)
// Every request carries the key and token in its JSON body; a wrong pair is a 401. Errors are
// JSON bodies {type: {code, description}, message}. Connections: `Connection: close` and
// HTTP/1.0 end after the response, idle keep-alive ones are closed, and past maxConnections a
// new one gets a 503 (ConnectionGuard); one question's queries have analystTimeLimitMs.
class LocalServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDirectory;
        QString key; // empty: a random key for this run
        QString token; // empty: a random token for this run
        quint16 port = 0; // 0: any free port
        int streamDelayMs = 15; // between two SSE frames, so answers visibly stream
        qint64 maxBodyBytes = 4 * 1024 * 1024;
        int maxConnections = 256; // beyond: 503 (ConnectionGuard)
        int idleTimeoutMs = 30000; // a keep-alive connection with nothing moving is closed
        int analystTimeLimitMs = 15000; // one question's queries, then a clear error
    };

    explicit LocalServer(Options options, QObject *parent = nullptr);

    // Opens the stores (importing the bundled sample dataset on first use) and listens.
    // Returns an error in words, or an empty string.
    QString start();
    quint16 port() const { return m_port; }
    QString url() const;
    QString key() const { return m_options.key; }
    QString token() const { return m_options.token; }
    DatasetStore &datasets() { return m_datasets; }

private:
    void handle(const QHttpServerRequest &request, Exchange &&exchange);
    void createPrompt(const QJsonObject &body, Exchange &&exchange);
    AgentReply runAgent(const AiPromptRequest &request) const;
    void streamAnswer(const QJsonObject &result, const AgentReply &reply, Exchange &&exchange);

    Options m_options;
    QHttpServer m_http;
    AiStore m_ai;
    DatasetStore m_datasets;
    StoreSearch m_search { m_ai, m_datasets }; // the `get` actions
    ConnectionGuard *m_guard = nullptr; // owned by m_http once bound
    quint16 m_port = 0;
};

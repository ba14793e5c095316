#include "tests/bench/benchstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
const QString conversationId = u"5b0c8f62-2f0e-4a51-9d7e-0c6a1f2b3c4d"_s;
const QString userMessageId = u"7d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5"_s;
const QString assistantMessageId = u"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"_s;

QByteArray frame(QJsonObject event)
{
    event.insert(u"conversation_id"_s, conversationId);
    event.insert(u"user_message_id"_s, userMessageId);
    event.insert(u"assistant_message_id"_s, assistantMessageId);
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}
} // namespace

namespace BenchStream {

QString delta(int i)
{
    // "Revenue über plan #00042" (24) and ". " or a paragraph break (2).
    return u"Revenue über plan #%1"_s.arg(i % 100000, 5, 10, QLatin1Char('0'))
        + (i % 8 == 7 ? u"\n\n"_s : u". "_s);
}

Answer answer(int deltaCount)
{
    Answer a;
    a.head = frame({ { u"type"_s, u"start"_s } })
        + frame({ { u"type"_s, u"progress"_s }, { u"message"_s, u"Reading dataset"_s } })
        + frame({ { u"type"_s, u"text_start"_s }, { u"index"_s, 0 } });
    a.deltas.reserve(deltaCount);
    for (int i = 0; i < deltaCount; ++i) {
        const QString d = delta(i);
        a.text += d;
        a.deltas << frame({ { u"type"_s, u"text_delta"_s }, { u"index"_s, 0 }, { u"delta"_s, d } });
    }
    const QJsonObject result { { u"conversation_id"_s, conversationId },
        { u"user_message"_s, QJsonObject { { u"id"_s, userMessageId } } },
        { u"assistant_message"_s,
            QJsonObject {
                { u"id"_s, assistantMessageId }, { u"aiMessageAssets"_s, QJsonArray() } } } };
    a.tail = frame({ { u"type"_s, u"text_end"_s }, { u"index"_s, 0 } })
        + frame({ { u"type"_s, u"finish"_s }, { u"result"_s, result } }) + "data: [DONE]\n\n";
    return a;
}

} // namespace BenchStream

ServerThread::ServerThread(FakeHttpServer::Handler handler)
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_context,
        [this, &handler] {
            m_server = new FakeHttpServer;
            m_server->setHandler(std::move(handler));
            if (m_server->listen())
                m_port = m_server->port();
        },
        Qt::BlockingQueuedConnection);
}

ServerThread::~ServerThread()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_server;
            m_context->deleteLater(); // when the thread finishes
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString ServerThread::baseUrl() const
{
    return u"http://127.0.0.1:"_s + QString::number(m_port);
}

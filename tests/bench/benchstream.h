#pragma once

#include "tests/support/fakehttpserver.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QThread>

// One Luzmo aiprompt answer for the streaming benchmarks, and a FakeHttpServer that runs in a
// thread of its own (so it keeps writing while the GUI thread is busy, and the time it hands a
// chunk to the socket is taken there, not when the GUI gets round to it).
namespace BenchStream {

// Delta `i` of an answer: deltaChars characters (non-ASCII included), all different; every
// eighth ends a paragraph. So after k deltas the text is exactly k * deltaChars long.
constexpr int deltaChars = 26;
QString delta(int i);

// An answer framed like tests/data/aiprompt-stream.sse: `head` (start, progress, text_start),
// one frame per delta, `tail` (text_end, a finish naming the ids but carrying no text, so the
// text is the deltas' alone, and [DONE]).
struct Answer
{
    QByteArray head;
    QList<QByteArray> deltas;
    QByteArray tail;
    QString text; // what the deltas add up to
};
Answer answer(int deltaCount);

} // namespace BenchStream

class ServerThread
{
public:
    explicit ServerThread(FakeHttpServer::Handler handler);
    ~ServerThread();
    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    bool isListening() const { return m_port != 0; }
    QString baseUrl() const;

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
    FakeHttpServer *m_server = nullptr; // created and deleted in m_thread
    quint16 m_port = 0;
};

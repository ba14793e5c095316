// Streaming latency (issue 14.2): the time from a text delta's bytes being written to a
// loopback socket to TranscriptModel::dataChanged showing that text. The real chain: a
// FakeHttpServer in its own thread writes a Luzmo aiprompt SSE answer one delta per chunk,
// `--interval-ms` apart (paced, so this measures latency, not queueing); LuzmoBackend's
// ApiCall reads it, ChatSession assembles it and TranscriptModel shows it, wired as the main
// window wires them. Both ends read std::chrono::steady_clock (CLOCK_MONOTONIC, one clock for
// every thread). Prints one JSON line: p50, p99 and max over `--deltas` deltas.
// Usage: bench_latency [--smoke] [--deltas N] [--interval-ms N]. Asserts no time; --smoke
// checks that every delta arrived, in order, whole (the text shown and stored is the deltas'
// concatenation, read back with plain SQL).

#include "app/core/chatsession.h"
#include "app/luzmo/luzmobackend.h"
#include "models/transcriptmodel.h"
#include "tests/bench/benchloop.h"
#include "tests/bench/benchstream.h"
#include "tests/support/tempstore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

int fail(const char *why)
{
    std::fprintf(stderr, "bench_latency: %s\n", why);
    return 1;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(u"--smoke"_s);
    const int count
        = std::max(1, int(BenchLoop::argument(args, u"--deltas"_s, smoke ? 300 : 10000)));
    const int intervalMs = std::max(0, int(BenchLoop::argument(args, u"--interval-ms"_s, 1)));

    TempStore store;
    if (!store.error.isEmpty())
        return fail(qPrintable(store.error));
    const qint64 conversation = store.addConversation(u"Latency"_s, 0);
    TranscriptModel model(*store.repository);
    model.setConversation(conversation);

    // The server's side: when each delta's chunk went into the socket (just before).
    const BenchStream::Answer answer = BenchStream::answer(count);
    auto written = std::make_unique<std::atomic<qint64>[]>(size_t(count));
    QList<QByteArray> chunks { answer.head };
    chunks += answer.deltas;
    chunks << answer.tail;
    ServerThread server([&](const FakeHttpServer::Request &) {
        FakeHttpServer::Response r = FakeHttpServer::sse(chunks, intervalMs);
        r.beforeChunk = [&written, count](int chunk) {
            if (chunk >= 1 && chunk <= count)
                written[size_t(chunk - 1)].store(nowNs(), std::memory_order_relaxed);
        };
        return r;
    });
    if (!server.isListening())
        return fail("the server could not listen");

    QNetworkAccessManager network;
    LuzmoConfig config;
    config.host = QUrl(server.baseUrl());
    config.key = u"key"_s;
    config.token = u"token"_s;
    LuzmoBackend backend(network, config);
    ChatSession session(*store.repository);
    session.setBackend(&backend);
    session.setAgent(u"item"_s);
    QObject::connect(&session, &ChatSession::answerTextChanged, &model,
        &TranscriptModel::setLiveText); // as MainWindow does

    // The client's side: when the model first showed each delta. The text after k deltas is
    // exactly k * deltaChars long, so its length says which deltas it holds.
    std::vector<qint64> shown(size_t(count), 0);
    int seen = 0;
    bool inOrder = true;
    QObject::connect(&model, &QAbstractItemModel::dataChanged,
        [&](const QModelIndex &topLeft, const QModelIndex &, const QList<int> &roles) {
            if (!roles.contains(TranscriptModel::TextRole))
                return;
            const qint64 at = nowNs();
            const QString text = topLeft.data(TranscriptModel::TextRole).toString();
            const int holds
                = int(std::min<qsizetype>(count, text.size() / BenchStream::deltaChars));
            // Only the new part is compared: a check of the whole would add to the latency.
            const qsizetype from = qsizetype(seen) * BenchStream::deltaChars;
            const qsizetype length = qsizetype(holds - seen) * BenchStream::deltaChars;
            if (holds > seen
                && QStringView(text).mid(from, length)
                    != QStringView(answer.text).mid(from, length))
                inOrder = false;
            for (; seen < holds; ++seen)
                shown[size_t(seen)] = at;
        });

    QSignalSpy finished(&session, &ChatSession::answerFinished);
    auto sent = session.send(conversation, u"How fast does the text arrive?"_s);
    if (!sent)
        return fail(qPrintable(sent.error().message));
    const qint64 answerId = session.activeAnswerId();
    if (!finished.wait(60000 + count * (intervalMs + 1) * 2))
        return fail("the answer did not finish");

    QList<double> latencies;
    latencies.reserve(count);
    bool causal = true;
    for (int i = 0; i < seen; ++i) {
        const double ms = double(shown[size_t(i)] - written[size_t(i)].load()) / 1e6;
        causal = causal && ms >= 0;
        latencies << ms;
    }
    std::printf("{\"bench\":\"latency_socket_to_datachanged\",\"deltas\":%d,\"interval_ms\":%d,"
                "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f}\n",
        count, intervalMs, BenchLoop::percentile(latencies, 50),
        BenchLoop::percentile(latencies, 99), BenchLoop::percentile(latencies, 100));
    std::fflush(stdout);

    if (!smoke)
        return 0;
    // Every delta shown, in order, and the text whole in the model and in the store.
    if (seen != count)
        return fail(qPrintable(u"%1 of %2 deltas were shown"_s.arg(seen).arg(count)));
    if (!inOrder)
        return fail("the text shown is not the deltas in order");
    if (!causal)
        return fail("a delta was shown before it was written (clocks)");
    const int row = model.rowOf(answerId);
    if (row < 0 || model.index(row).data(TranscriptModel::TextRole).toString() != answer.text)
        return fail("the transcript's text is not the deltas' concatenation");
    QSqlQuery q(store.database.connection());
    q.prepare(u"SELECT text, status FROM messages WHERE id = ?"_s);
    q.addBindValue(answerId);
    if (!q.exec() || !q.next() || q.value(0).toString() != answer.text
        || q.value(1).toString() != u"complete"_s)
        return fail("the stored answer is not the deltas' concatenation, complete");
    return 0;
}

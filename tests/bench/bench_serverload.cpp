// Load on the built-in server (issue 15.6): `chartroom-cli serve` as its own process, and N
// clients (default 200) that each open a connection and ask a streaming prompt at the same
// moment, over raw sockets on loopback (Qt's network manager would queue them six per host).
// Reports one JSON line: how many streams completed (a `finish` event and `[DONE]`), how many
// were refused (503), the wall time, per-stream time to the first event and to the end
// (p50/p99), the bytes received, and the server's resident memory before and at its peak
// (VmRSS, VmHWM from /proc). Never asserts a time; --smoke (10 clients) checks that every
// stream completes.
// Usage: bench_serverload [--smoke] [--clients N]   (the server paces frames 15 ms apart, as
// serve always does, so a stream lasts about a second)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
constexpr auto key = "bench-key";
constexpr auto token = "bench-token-0123456789abcdef0123456789abcdef";

struct Stream
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray received;
    qint64 firstEventMs = -1;
    qint64 endMs = -1;
    bool completed() const
    {
        return received.contains("\"type\":\"finish\"") && received.contains("data: [DONE]");
    }
    bool refused() const { return received.startsWith("HTTP/1.1 503"); }
};

// VmRSS / VmHWM of a process, in KiB (0 if unknown).
qint64 memoryKiB(qint64 pid, const char *field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

QByteArray promptRequest(const QString &question)
{
    const QJsonObject body {
        { u"action"_s, u"create"_s },
        { u"key"_s, QString::fromLatin1(key) },
        { u"token"_s, QString::fromLatin1(token) },
        { u"properties"_s,
            QJsonObject { { u"stream"_s, true },
                { u"input"_s,
                    QJsonArray {
                        QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, question } } } } } },
    };
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "POST /0.1.0/aiprompt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Connection: close\r\nContent-Length: "
        + QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

double percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return double(values.at(std::min(values.size() - 1, size_t(p * double(values.size())))));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(u"--smoke"_s);
    const auto option = [&](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const int clients = option(u"--clients"_s, smoke ? 10 : 200);

    QTemporaryDir dir;
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(CHARTROOM_CLI),
        { u"serve"_s, u"--data-dir"_s, dir.path(), u"--key"_s, QString::fromLatin1(key),
            u"--token"_s, QString::fromLatin1(token) });
    QByteArray banner;
    static const QRegularExpression listening(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s);
    QRegularExpressionMatch match;
    [[maybe_unused]] const bool started = QTest::qWaitFor(
        [&] {
            banner += server.readAllStandardOutput();
            match = listening.match(QString::fromUtf8(banner));
            return match.hasMatch() || server.state() == QProcess::NotRunning;
        },
        60000);
    if (!match.hasMatch()) {
        std::fprintf(stderr, "FAILED: the server did not start: %s\n", banner.constData());
        return 1;
    }
    const quint16 port = match.captured(1).toUShort();
    const qint64 pid = server.processId();
    const qint64 idleRssKiB = memoryKiB(pid, "VmRSS:");

    static const QStringList questions {
        u"Show monthly revenue as a line chart"_s,
        u"Revenue by region"_s,
        u"Units by product per month"_s,
        u"Average cost by region"_s,
    };
    std::vector<Stream> streams(static_cast<size_t>(clients));
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < clients; ++i) {
        Stream &s = streams[size_t(i)];
        s.socket = std::make_unique<QTcpSocket>();
        QTcpSocket *socket = s.socket.get();
        const QByteArray request = promptRequest(questions.at(i % questions.size()));
        QObject::connect(
            socket, &QTcpSocket::connected, socket, [socket, request] { socket->write(request); });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [&s, &clock] {
            s.received += s.socket->readAll();
            if (s.firstEventMs < 0 && s.received.contains("data: "))
                s.firstEventMs = clock.elapsed();
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [&s, &clock] {
            s.received += s.socket->readAll();
            s.endMs = clock.elapsed();
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [&s, &clock] {
            if (s.endMs < 0)
                s.endMs = clock.elapsed();
        });
        socket->connectToHost(QHostAddress::LocalHost, port);
    }
    qint64 peakRssKiB = 0;
    const bool ended = QTest::qWaitFor(
        [&] {
            peakRssKiB = std::max(peakRssKiB, memoryKiB(pid, "VmRSS:"));
            return std::all_of(
                streams.begin(), streams.end(), [](const Stream &s) { return s.endMs >= 0; });
        },
        600000);
    const qint64 wallMs = clock.elapsed();
    const qint64 hwmKiB = memoryKiB(pid, "VmHWM:");

    int completed = 0;
    int refused = 0;
    qint64 bytes = 0;
    std::vector<qint64> first;
    std::vector<qint64> end;
    for (const Stream &s : streams) {
        bytes += s.received.size();
        refused += s.refused() ? 1 : 0;
        if (!s.completed())
            continue;
        ++completed;
        first.push_back(s.firstEventMs);
        end.push_back(s.endMs);
    }
    server.terminate();
    server.waitForFinished(10000);

    const QJsonObject report {
        { u"bench"_s, u"serverload"_s },
        { u"clients"_s, clients },
        { u"completed"_s, completed },
        { u"refused"_s, refused },
        { u"seconds"_s, double(wallMs) / 1000.0 },
        { u"first_event_p50_ms"_s, percentile(first, 0.50) },
        { u"first_event_p99_ms"_s, percentile(first, 0.99) },
        { u"stream_p50_ms"_s, percentile(end, 0.50) },
        { u"stream_p99_ms"_s, percentile(end, 0.99) },
        { u"bytes"_s, bytes },
        { u"server_rss_idle_mb"_s, double(idleRssKiB) / 1024.0 },
        { u"server_rss_peak_mb"_s, double(std::max(peakRssKiB, hwmKiB)) / 1024.0 },
    };
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    if (!ended || completed != clients) {
        std::fprintf(stderr, "FAILED: %d of %d streams completed (%d refused)\n", completed,
            clients, refused);
        return 1;
    }
    return 0;
}

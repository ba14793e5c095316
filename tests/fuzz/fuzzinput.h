#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What the libFuzzer targets share: the input as a QByteArrayView, the leading bytes that choose
// a decoder or the chunk splits, and a check that aborts (a finding) when a property fails.
namespace FuzzInput {

inline QByteArrayView view(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Takes the first byte (0 when the input is empty).
inline quint8 takeByte(QByteArrayView &input)
{
    if (input.isEmpty())
        return 0;
    const quint8 byte = quint8(input.front());
    input = input.sliced(1);
    return byte;
}

// The split of the rest of the input into chunks, chosen by the input itself: its first byte
// says how many chunk lengths follow (0-15), each a byte (a length of 1-256); the lengths are used
// in turn, again from the first, until the body is cut up. No lengths: the body in one chunk.
struct Split
{
    QByteArrayView body;
    QList<qsizetype> lengths;

    explicit Split(QByteArrayView input)
    {
        const int count = takeByte(input) % 16;
        for (int i = 0; i < count && !input.isEmpty(); ++i)
            lengths.append(qsizetype(takeByte(input)) + 1);
        body = input;
    }

    template<typename OnChunk> void forEachChunk(OnChunk &&onChunk) const
    {
        qsizetype pos = 0;
        for (int i = 0; pos < body.size(); i = (i + 1) % int(qMax(qsizetype(1), lengths.size()))) {
            const qsizetype length = lengths.isEmpty() ? body.size() : lengths[i];
            const qsizetype n = qMin(length, body.size() - pos);
            onChunk(body.sliced(pos, n));
            pos += n;
        }
    }
};

// A property that must hold: print both sides and abort, so libFuzzer keeps the input.
inline void check(bool ok, const char *what, const QString &a = {}, const QString &b = {})
{
    if (ok)
        return;
    std::fprintf(stderr, "fuzz check failed: %s\n  a: %s\n  b: %s\n", what,
        qPrintable(a.left(2000)), qPrintable(b.left(2000)));
    std::abort();
}

} // namespace FuzzInput

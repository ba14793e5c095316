#include "app/stream/sseparser.h"

#include <QtAlgorithms>

#include <algorithm>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

constexpr char utf8Bom[] = { '\xEF', '\xBB', '\xBF' };
// The data buffer keeps its capacity from one event to the next, up to this much.
constexpr qsizetype keptCapacity = 256 * 1024;

// The first LF or CR in [p, end), or end: one pass for both (SSE2, which every x86-64 has, 16
// bytes a step; a byte at a time elsewhere and for the tail).
const char *findLineEnd(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int hits
            = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr)));
        if (hits != 0)
            return p + qCountTrailingZeroBits(uint(hits));
    }
#endif
    for (; p != end; ++p) {
        if (*p == '\n' || *p == '\r')
            return p;
    }
    return end;
}

bool containsNul(QByteArrayView bytes)
{
    return !bytes.isEmpty() && std::memchr(bytes.data(), '\0', size_t(bytes.size())) != nullptr;
}

// `retry` takes ASCII digits only; anything else makes the field ignored. Too large a number is
// clamped rather than wrapped.
std::optional<int> parseRetry(QByteArrayView value)
{
    if (value.isEmpty())
        return std::nullopt;
    qint64 ms = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        ms = std::min<qint64>(ms * 10 + (c - '0'), std::numeric_limits<int>::max());
    }
    return int(ms);
}

} // namespace

SseParser::SseParser(qsizetype maxEventSize)
    : m_maxEventSize(maxEventSize)
{
}

QList<SseEvent> SseParser::feed(QByteArrayView chunk)
{
    QList<SseEvent> events;
    feed(chunk, [&events](SseEvent &&event) { events.append(std::move(event)); });
    return events;
}

void SseParser::feed(QByteArrayView chunk, const EventSink &sink)
{
    feedBytes(chunk, [this, &sink](QByteArrayView type, QByteArrayView data) {
        sink(SseEvent { QString::fromUtf8(type), QString::fromUtf8(data), m_lastEventId });
    });
}

void SseParser::feedRaw(QByteArrayView chunk, decltype(Sink::call) call, void *context)
{
    const Sink sink { call, context };
    if (hasFailed())
        return;
    if (!m_bomChecked) {
        consumeBom(chunk);
        if (!m_bomChecked)
            return; // still a prefix of a BOM; it waits in m_line
    }

    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    if (m_skipLf && p != end) {
        m_skipLf = false;
        if (*p == '\n')
            ++p;
    }

    while (p != end) {
        // An LF right where the line starts (the blank line that ends an event) needs no search.
        const char *const eol = *p == '\n' ? p : findLineEnd(p, end);
        if (eol == end) {
            if (dataSize() + m_line.size() + (end - p) > m_maxEventSize)
                return fail();
            m_line.append(p, end - p);
            break;
        }

        if (dataSize() + m_line.size() + (eol - p) > m_maxEventSize)
            return fail();
        if (m_line.isEmpty()) {
            processLine(QByteArrayView(p, eol), LineStorage::Chunk, sink);
        } else {
            m_line.append(p, eol - p);
            processLine(m_line, LineStorage::Copied, sink);
            m_line.clear();
        }

        p = eol + 1;
        if (*eol == '\r') {
            if (p == end)
                m_skipLf = true;
            else if (*p == '\n')
                ++p;
        }
    }
    copyChunkData(); // the chunk's bytes are the caller's only until this returns
}

void SseParser::copyChunkData()
{
    if (!m_chunkData)
        return;
    m_data.append(m_chunkData->data(), m_chunkData->size());
    m_data.append('\n');
    m_chunkData.reset();
}

bool SseParser::finish()
{
    const bool trailing = m_eventPending || !m_line.isEmpty();
    m_line.clear();
    m_data.clear();
    m_chunkData.reset();
    m_eventType.clear();
    m_eventPending = false;
    m_skipLf = false;
    return trailing;
}

void SseParser::reset()
{
    m_line = QByteArray();
    m_data = QByteArray();
    m_chunkData.reset();
    m_eventType = QByteArray();
    m_lastEventId.clear();
    m_retryMs.reset();
    m_error = SseError();
    m_bomChecked = false;
    m_eventPending = false;
    m_skipLf = false;
}

void SseParser::consumeBom(QByteArrayView &chunk)
{
    // The stream's first bytes sit in m_line until they are known to be a BOM or not.
    while (!chunk.isEmpty() && m_line.size() < qsizetype(sizeof utf8Bom)) {
        if (chunk.front() != utf8Bom[m_line.size()]) {
            m_bomChecked = true; // not a BOM: what was kept is the start of the first line
            return;
        }
        m_line.append(chunk.front());
        chunk = chunk.sliced(1);
    }
    if (m_line.size() == qsizetype(sizeof utf8Bom)) {
        m_line.clear();
        m_bomChecked = true;
    }
}

void SseParser::processLine(QByteArrayView line, LineStorage storage, const Sink &sink)
{
    if (line.isEmpty())
        return dispatch(sink);
    if (line.front() == ':')
        return; // a comment
    if (line.size() >= 6 && std::memcmp(line.data(), "data: ", 6) == 0)
        return processField(line.first(4), line.sliced(6), storage); // the usual form

    const void *colon = std::memchr(line.data(), ':', size_t(line.size()));
    if (!colon)
        return processField(line, {}, storage); // the whole line is the field name

    const qsizetype at = static_cast<const char *>(colon) - line.data();
    QByteArrayView value = line.sliced(at + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    processField(line.first(at), value, storage);
}

void SseParser::processField(QByteArrayView field, QByteArrayView value, LineStorage storage)
{
    m_eventPending = true;
    if (field == QByteArrayView("data")) {
        if (storage == LineStorage::Chunk && !m_chunkData && m_data.isEmpty()) {
            m_chunkData = value;
            return;
        }
        copyChunkData();
        m_data.append(value.data(), value.size());
        m_data.append('\n');
    } else if (field == QByteArrayView("event")) {
        m_eventType.resize(0); // keeps the capacity
        m_eventType.append(value.data(), value.size());
    } else if (field == QByteArrayView("id")) {
        if (!containsNul(value))
            m_lastEventId = QString::fromUtf8(value);
    } else if (field == QByteArrayView("retry")) {
        if (const auto ms = parseRetry(value))
            m_retryMs = ms;
    }
    // Any other field is ignored.
}

void SseParser::dispatch(const Sink &sink)
{
    m_eventPending = false;
    if (!m_chunkData && m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    // The data: the line in the chunk, or the buffer without the newline after its last line.
    // The buffers are cleared (keeping their capacity) only after the call, so the views stay
    // valid during it.
    const QByteArrayView data
        = m_chunkData ? *m_chunkData : QByteArrayView(m_data.constData(), m_data.size() - 1);
    sink.call(sink.context, m_eventType.isEmpty() ? QByteArrayView("message") : m_eventType, data);
    m_chunkData.reset();
    if (!m_data.isEmpty())
        m_data.resize(0);
    if (!m_eventType.isEmpty())
        m_eventType.resize(0);
    if (m_data.capacity() > keptCapacity)
        m_data = QByteArray(); // a rare large event does not keep its memory
}

void SseParser::fail()
{
    m_error = SseError::eventTooLarge(m_maxEventSize);
    m_line = QByteArray();
    m_data = QByteArray();
    m_chunkData.reset();
    m_eventType = QByteArray();
    m_eventPending = false;
}

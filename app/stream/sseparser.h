#pragma once

#include "app/stream/sseerror.h"
#include "app/stream/sseevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <type_traits>

// An incremental parser for a text/event-stream body, following the WHATWG rules exactly:
// UTF-8 with one optional BOM at the very start; LF, CR and CRLF line ends (a CR at the end of
// one chunk and the LF at the start of the next are one line end); `:` comments; the `data`,
// `event`, `id` and `retry` fields; dispatch on a blank line. It works on bytes and decodes a
// field only once its line is complete, so chunks may split anything, a UTF-8 sequence
// included. Pure: no QObject, no I/O.
//
// The parser hands out each event as UTF-8 bytes (feedBytes(), no QString and no allocation per
// event: what the answer streams decode); feed() builds an SseEvent from them for the readers that
// want QStrings. Both are the same parser.
//
// Memory is bounded: the data of one event plus the line being read may not pass maxEventSize()
// (8 MiB unless told). Past it the parser drops its buffers, fails with
// SseError::Code::EventTooLarge and ignores all further input until reset().
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxEventSize = 8 * 1024 * 1024;
    using EventSink = std::function<void(SseEvent &&event)>;

    explicit SseParser(qsizetype maxEventSize = DefaultMaxEventSize);

    // Parses the next chunk of the body and returns the events it completed, in order.
    QList<SseEvent> feed(QByteArrayView chunk);
    // Same, handing each event to `sink` as soon as it is complete.
    void feed(QByteArrayView chunk, const EventSink &sink);
    // Same, calling onEvent(QByteArrayView type, QByteArrayView data) for each event as soon as it
    // is complete: the type ("message" unless an `event:` field named it) and the data lines joined
    // with '\n', as UTF-8 bytes that are valid only during the call. lastEventId() is the event's
    // id. A plain function call per event (no std::function), inlined into the caller's loop.
    template<typename OnEvent> void feedBytes(QByteArrayView chunk, OnEvent &&onEvent)
    {
        using F = std::remove_reference_t<OnEvent>;
        feedRaw(
            chunk,
            [](void *f, QByteArrayView type, QByteArrayView data) {
                (*static_cast<F *>(f))(type, data);
            },
            const_cast<void *>(static_cast<const void *>(&onEvent)));
    }

    // The body has ended. An event that was not terminated by a blank line is discarded, as the
    // standard says; returns true when such trailing bytes were left (the stream was cut).
    bool finish();

    // Forgets everything, the last event id, retry and failure included.
    void reset();

    // The reconnection time of the last valid `retry:` field, if any.
    std::optional<int> retryMs() const { return m_retryMs; }
    // The last event id buffer; it persists across events until another `id:` field sets it.
    QString lastEventId() const { return m_lastEventId; }

    bool hasFailed() const { return m_error.isError(); }
    SseError error() const { return m_error; }

    qsizetype maxEventSize() const { return m_maxEventSize; }
    void setMaxEventSize(qsizetype bytes) { m_maxEventSize = bytes; }

    // Bytes held right now (the partial line and the pending event's data); for tests and stats.
    qsizetype bufferedBytes() const { return m_line.size() + m_data.size(); }

private:
    struct Sink
    {
        void (*call)(void *context, QByteArrayView type, QByteArrayView data);
        void *context;
    };
    // Where a line's bytes live: in the chunk being fed (valid until feedRaw() returns) or in
    // m_line (cleared right after the line).
    enum class LineStorage { Chunk, Copied };

    void feedRaw(QByteArrayView chunk, decltype(Sink::call) call, void *context);
    void processLine(QByteArrayView line, LineStorage storage, const Sink &sink);
    void processField(QByteArrayView field, QByteArrayView value, LineStorage storage);
    void copyChunkData();
    qsizetype dataSize() const
    {
        return m_data.size() + (m_chunkData ? m_chunkData->size() + 1 : 0);
    }
    void dispatch(const Sink &sink);
    void consumeBom(QByteArrayView &chunk);
    void fail();

    qsizetype m_maxEventSize;
    QByteArray m_line; // the start of a line whose end has not arrived yet
    QByteArray m_data; // the data buffer of the pending event, each line followed by '\n'
    // The pending event's data while it is one `data` line in the chunk being fed: dispatched
    // from the chunk with no copy, or copied into m_data (copyChunkData()) when another data
    // line follows or the chunk ends first. Set only while m_data is empty.
    std::optional<QByteArrayView> m_chunkData;
    QByteArray m_eventType; // the event type buffer of the pending event
    QString m_lastEventId;
    std::optional<int> m_retryMs;
    SseError m_error;
    bool m_bomChecked = false; // the start of the stream has been looked at for a BOM
    bool m_eventPending = false; // a field line was read since the last blank line
    bool m_skipLf
        = false; // the last chunk ended with CR: an LF starting the next one belongs to it
};

#pragma once

#include <QString>

// A typed error of the SSE parser: a code for programs and a message for people.
struct SseError
{
    enum class Code {
        NoError,
        EventTooLarge, // one event (its data plus the line being read) went past the size cap
    };
    Code code = Code::NoError;
    QString message;

    bool isError() const { return code != Code::NoError; }

    // "An event of the stream is larger than 8 MiB; the stream was stopped."
    static SseError eventTooLarge(qsizetype capBytes);
    // "8 MiB", "512 KiB", "100 bytes".
    static QString sizeInWords(qsizetype bytes);
};

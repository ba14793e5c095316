#pragma once

#include <QString>

// Why a frame of an answer stream could not be decoded. Never thrown; returned as a value.
struct DecodeError
{
    enum class Code {
        InvalidJson, // not JSON at all, or cut
        NotAnObject, // valid JSON, but an array, a string, a number...
    };
    Code code = Code::InvalidJson;
    QString message; // for people, with the parser's words: "... (unterminated string at 17)"
    QString frame; // the start of the offending frame, for logs
};

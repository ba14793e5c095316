#pragma once

#include <QString>

// One dispatched Server-Sent Event (WHATWG HTML, "event stream interpretation").
struct SseEvent
{
    QString type; // "message" unless the stream named it with an `event:` field
    QString data; // the data lines joined with '\n', without the trailing newline
    QString id; // the last event id in force when the event was dispatched

    friend bool operator==(const SseEvent &a, const SseEvent &b)
    {
        return a.type == b.type && a.data == b.data && a.id == b.id;
    }
};

#pragma once

#include "app/net/apierror.h"
#include "app/protocol/decodeerror.h"
#include "app/protocol/streamevent.h"

#include <QObject>

#include <optional>

// One answer arriving from a backend, whatever its wire format: each backend turns its own
// events into StreamEvents (start, progress, text_*, asset_*, error, finish, done), and the chat
// session applies them the same way for all. ended() is emitted exactly once, last.
class AnswerStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Stops receiving; ended() follows with ApiError::Code::Cancelled.
    virtual void abort() = 0;
    // Where the answer stands, for Backend::resume() after a restart (JSON); empty when this
    // kind of stream cannot be resumed.
    virtual QByteArray savedState() const { return {}; }

Q_SIGNALS:
    void eventReceived(const StreamEvent &event);
    // One AIPrompt frame's JSON as it came (the data of a Luzmo SSE event), for
    // AnswerAssembler::applyFrame(): its fast path reads the frequent frames straight from the
    // bytes, without building a StreamEvent. A stream emits each frame one way or the other.
    void frameReceived(QByteArrayView utf8Json);
    void invalidFrame(const DecodeError &error);
    // The transport is done: no error, or why it failed (HTTP error, timeout, cancelled...).
    void ended(const std::optional<ApiError> &error);
};

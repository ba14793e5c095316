#pragma once

#include "app/chat/answerstream.h"

#include <QPointer>

// An answer asked for while the backend's secret was still loading from the keychain: nothing
// is sent until start() hands it the real stream (whose events it passes on), or fail() ends it
// with an error in words. abort() before then ends it as cancelled.
class DeferredAnswerStream : public AnswerStream
{
    Q_OBJECT
public:
    using AnswerStream::AnswerStream;

    void start(AnswerStream *inner);
    void fail(const ApiError &error);
    void abort() override;
    bool isWaiting() const { return !m_inner && !m_ended; }

private:
    void end(const std::optional<ApiError> &error);

    QPointer<AnswerStream> m_inner;
    bool m_ended = false;
};

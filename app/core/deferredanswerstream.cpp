#include "app/core/deferredanswerstream.h"

void DeferredAnswerStream::start(AnswerStream *inner)
{
    if (m_ended || m_inner || !inner)
        return;
    m_inner = inner;
    inner->setParent(this);
    connect(inner, &AnswerStream::eventReceived, this, &AnswerStream::eventReceived);
    connect(inner, &AnswerStream::invalidFrame, this, &AnswerStream::invalidFrame);
    connect(inner, &AnswerStream::frameReceived, this, &AnswerStream::frameReceived);
    connect(inner, &AnswerStream::ended, this, &DeferredAnswerStream::end);
}

void DeferredAnswerStream::fail(const ApiError &error)
{
    if (!m_inner)
        end(error);
}

void DeferredAnswerStream::abort()
{
    if (m_inner)
        m_inner->abort();
    else
        end(ApiErrors::make(ApiError::Code::Cancelled, tr("Stopped.")));
}

void DeferredAnswerStream::end(const std::optional<ApiError> &error)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT ended(error);
}

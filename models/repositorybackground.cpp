// Repository: the writes the window does not wait for, done by the background thread's
// connection (SearchIndexThread) when it runs: a long question, a long answer's text.
#include "models/repository.h"
#include "models/searchindexthread.h"

#include <QPointer>

bool Repository::savesInBackground(const QuestionText &text) const
{
    return deferLongText(text.size());
}

void Repository::addQuestionInBackground(Message question, const QuestionText &text,
    std::function<void(const StoreResult<Message> &)> done)
{
    if (!savesInBackground(text)) {
        question.text = text.joined();
        done(addMessage(std::move(question)));
        return;
    }
    m_indexThread->addMessage(std::move(question), text,
        [this, done = std::move(done)](const StoreResult<Message> &stored) {
            if (!stored) {
                done(stored);
                return;
            }
            messageStored(*stored, false);
            // What the caller writes next (the answer's row) goes before the indexing, which
            // holds the write lock for ~35 ms per MB.
            done(stored);
            m_indexThread->indexPending();
        });
}

bool Repository::savesTextInBackground(const Message &message, MessageFields fields) const
{
    // While a write is queued there, every text goes after it: a shorter text written here
    // meanwhile (the end's reconciled one) would be overwritten by the older, longer one.
    return (fields & MessageField::Text) && !(fields & MessageField::Assets)
        && (deferLongText(message.text.size())
            || (m_indexThread && m_indexThread->writesPending()));
}

void Repository::updateMessageInBackground(const Message &message, MessageFields fields,
    QObject *context, std::function<void(const StoreStatus &)> done)
{
    if (!savesTextInBackground(message, fields)) {
        done(updateMessage(message, fields));
        return;
    }
    m_indexThread->updateMessage(message, fields,
        [this, fields, context = QPointer(context), done = std::move(done)](
            const StoreResult<Message> &stored) {
            if (stored) {
                Q_EMIT messageChanged(*stored, fields);
                // A final text is indexed by the same thread, after the writes queued meanwhile.
                if (stored->status != MessageStatus::Streaming)
                    m_indexThread->indexPending();
            }
            if (context)
                done(stored ? StoreStatus() : StoreStatus(stored.error()));
        });
}

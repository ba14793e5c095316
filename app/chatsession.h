#pragma once

#include "storeerror.h"
#include "types.h"

#include <QObject>

class Repository;

// Turns a prompt into stored messages. The user's message is written before anything is sent;
// the assistant's answer is a message of its own whose text and status follow the backend.
// Until a backend is configured, the answer is an error that says so (never a made-up reply).
class ChatSession : public QObject
{
    Q_OBJECT
public:
    explicit ChatSession(Repository &repository, QObject *parent = nullptr);

    // Sends `text` in conversation `conversationId` (0: starts a new conversation titled after
    // the prompt). Returns the conversation id, or the store's error.
    StoreResult<qint64> send(qint64 conversationId, const QString &text);
    // Stops the answer being streamed, if any, keeping its partial text (marked interrupted).
    void stop();
    bool isBusy() const { return m_activeAnswerId != 0; }

    static QString titleFor(const QString &prompt);

Q_SIGNALS:
    void busyChanged(bool busy);
    void failed(const QString &message);

private:
    Repository &m_repository;
    qint64 m_activeAnswerId = 0;
};

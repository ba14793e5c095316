#pragma once

#include "models/storeerror.h"

#include <QObject>
#include <QTimer>

class ChatSession;
class Connectivity;
class Outbox;
class Repository;

// Drains the outbox: sends queued prompts through the chat session in the order they were
// written, one at a time, skipping those whose backend is still offline. A probe (Connectivity::
// probeDue) sends the first queued prompt of an offline backend to find out whether it is back.
// Cancelling is allowed while a prompt is still queued: its message stays in the transcript,
// marked "Cancelled before it was sent", so the text is not lost.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(Outbox &outbox, ChatSession &session, Connectivity &connectivity,
        Repository &repository, QObject *parent = nullptr);

    // Starts draining what is queued (at start-up; also called on every change that may allow
    // the next prompt to go).
    void start();
    // Cancels a queued prompt; false when it was no longer queued (already being sent).
    StoreResult<bool> cancel(qint64 outboxId);
    // The outbox row being sent right now, or 0.
    qint64 sendingId() const { return m_sendingId; }

Q_SIGNALS:
    // A queued prompt could not be started (store error), in words.
    void failed(const QString &message);

private:
    void drain();
    void probe(const QString &backendId);
    void send(qint64 outboxId);

    Outbox &m_outbox;
    ChatSession &m_session;
    Connectivity &m_connectivity;
    Repository &m_repository;
    QTimer m_drainTimer; // coalesces triggers; runs from the event loop, never inside a signal
    qint64 m_sendingId = 0;
};

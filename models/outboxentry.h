#pragma once

#include <QDateTime>
#include <QString>

// A prompt written while its backend was offline, waiting in the outbox to be sent.
struct OutboxEntry
{
    enum class Status { Queued, Sending, Sent, Cancelled, Failed };

    qint64 id = 0;
    qint64 conversationId = 0;
    QString backend;
    QString text;
    QString agent;
    QString task;
    Status status = Status::Queued;
    QString error;
    QDateTime createdAt;
    QDateTime updatedAt;

    static QString statusName(Status status);
    static bool parseStatus(const QString &text, Status *status);
};

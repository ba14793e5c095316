#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

// A prompt written while its backend was offline, waiting in the outbox to be sent.
struct OutboxEntry
{
    Q_GADGET
public:
    enum class Status { Queued, Sending, Sent, Cancelled, Failed };
    Q_ENUM(Status)

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

    // The spelling SQLite stores ("queued", "sent"), through QMetaEnum (enumnames.h).
    static QString statusName(Status status);
    static bool parseStatus(const QString &text, Status *status);
};

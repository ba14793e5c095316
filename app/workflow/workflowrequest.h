#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

struct WorkflowConfig;

// The JSON body of one workflow chat stream request (PROTOCOLS.md section 2). The ids are fixed
// for the whole answer: reconnections send the same conversationId and requestId with the index
// of the last event received, and no message.
struct WorkflowRequest
{
    QString conversationId; // stable, client-generated; the remote conversation id
    QString requestId; // UUID4, one per question
    QString message;
    QString timezone; // IANA id, e.g. "Europe/Brussels"
    QList<QByteArray> imagesBase64; // attached images, already base64-encoded
    QJsonObject definition;
    QString name;
    QString description;
    QString preferredMode;
    QString agentVersion;
    QString templateSearchMode;
    QString workflowId;
    QString sessionId;

    // A new request for `message`: the optional fields from `config`, the system's time zone, a
    // new requestId, and `conversationId` or a new one when it is empty.
    static WorkflowRequest create(
        const WorkflowConfig &config, const QString &message, const QString &conversationId);
    static QString newId(); // a UUID4 without braces

    // Why the request cannot be sent, in words, or empty.
    QString validate() const;

    // The body of the first request (lastEventIndex < 0: nothing received yet, so the whole
    // question again), or of a reconnection after event `lastEventIndex`.
    QJsonObject toJson(int lastEventIndex = -1) const;
};

#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <optional>

// Where an unfinished workflow answer stands, so that it can be resumed after a restart: the ids
// the server knows it by, the index of the last event received, and what those events built
// (the answer text and the nodes). All fields describe the same moment, so any snapshot can be
// stored as it is. No secret in it.
struct WorkflowResumeState
{
    QString conversationId;
    QString requestId;
    int lastEventIndex = -1; // -1: no event received yet
    QString text; // the answer text up to lastEventIndex
    QJsonArray nodes; // the nodes received up to lastEventIndex, in order
    QString message; // the question: sent again only when no event was received

    bool isValid() const { return !conversationId.isEmpty() && !requestId.isEmpty(); }

    // A compact JSON object, for one column of the store.
    QByteArray toJson() const;
    // nullopt when `json` is not a state written by toJson().
    static std::optional<WorkflowResumeState> fromJson(const QByteArray &json);

    friend bool operator==(const WorkflowResumeState &a, const WorkflowResumeState &b)
    {
        return a.conversationId == b.conversationId && a.requestId == b.requestId
            && a.lastEventIndex == b.lastEventIndex && a.text == b.text && a.nodes == b.nodes
            && a.message == b.message;
    }
};

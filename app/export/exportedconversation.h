#pragma once

#include "models/types.h"

#include <QDateTime>
#include <QList>

// What an export shows: one conversation, all its messages (with their assets) in order, and
// when it was exported.
struct ExportedConversation
{
    Conversation conversation;
    QList<Message> messages;
    QDateTime exportedAt;
};

#pragma once

#include "models/repository.h"

#include <functional>

// Large histories for the paging, filter and export tests, written in bulk (one transaction per
// call, straight SQL like a sync would) so a 10,000-message conversation takes well under a
// second to set up. Rows get strictly increasing timestamps, so their order is known without
// asking the code under test.
namespace BigHistory {

// `count` conversations titled "Conversation 1" … "Conversation <count>"; conversation k was
// last active at base + k seconds, so "Conversation <count>" is the newest. Returns their ids
// in creation order (empty on failure).
QList<qint64> addConversations(Repository &repository, int count, int messagesEach = 2);

// One conversation titled `title` with `count` messages "message 1" … "message <count>" (odd
// ones from the user, even ones from the assistant), newer than every conversation above.
// Returns its id (0 on failure).
qint64 addLongConversation(Repository &repository, const QString &title, int count);
// The same with message i's text `textOf(i)` (i from 1), e.g. markdown of a realistic shape.
qint64 addLongConversation(Repository &repository, const QString &title, int count,
    const std::function<QString(int)> &textOf);

} // namespace BigHistory

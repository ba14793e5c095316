#include "tests/support/tempstore.h"

TempStore::TempStore()
{
    if (StoreStatus e = database.open(dir.path()))
        error = e->toString();
    repository = std::make_unique<Repository>(database);
}

qint64 TempStore::addConversation(const QString &title, int count)
{
    auto c = repository->createConversation(title);
    if (!c)
        return 0;
    for (int i = 0; i < count; ++i) {
        Message m;
        m.conversationId = c->id;
        m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
        m.text = u"message " + QString::number(i + 1);
        if (!repository->addMessage(m))
            return 0;
    }
    return c->id;
}

StoreResult<Message> TempStore::addMessage(
    qint64 conversationId, const QString &text, MessageRole role)
{
    Message m;
    m.conversationId = conversationId;
    m.role = role;
    m.text = text;
    return repository->addMessage(m);
}

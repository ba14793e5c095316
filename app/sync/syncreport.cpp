#include "syncreport.h"

void SyncReport::add(const SyncChanges &changes)
{
    conversationsAdded += changes.conversationsAdded;
    conversationsUpdated += changes.conversationsUpdated;
    conversationsDeleted += changes.conversationsDeleted;
    messagesAdded += changes.messagesAdded;
    messagesUpdated += changes.messagesUpdated;
    assetsAdded += changes.assetsAdded;
    assetsUpdated += changes.assetsUpdated;
}

QString SyncReport::summary() const
{
    return u"Synced "_qs + QString::number(conversationsSeen)
        + (conversationsSeen == 1 ? u" conversation, "_qs : u" conversations, "_qs)
        + QString::number(messagesSeen) + (messagesSeen == 1 ? u" message ("_qs : u" messages ("_qs)
        + QString::number(conversationsAdded) + u" new, " + QString::number(conversationsUpdated)
        + u" updated, " + QString::number(conversationsDeleted) + u" deleted) in "
        + QString::number(double(elapsedMs) / 1000.0, 'f', 1) + u" s";
}

QJsonObject SyncReport::toJson() const
{
    return QJsonObject {
        { u"backend"_qs, backend },
        { u"pages"_qs, pages },
        { u"conversations"_qs,
            QJsonObject { { u"seen"_qs, conversationsSeen }, { u"added"_qs, conversationsAdded },
                { u"updated"_qs, conversationsUpdated },
                { u"deleted"_qs, conversationsDeleted } } },
        { u"messages"_qs,
            QJsonObject { { u"seen"_qs, messagesSeen }, { u"added"_qs, messagesAdded },
                { u"updated"_qs, messagesUpdated } } },
        { u"assets"_qs,
            QJsonObject { { u"added"_qs, assetsAdded }, { u"updated"_qs, assetsUpdated } } },
        { u"elapsed_ms"_qs, elapsedMs },
    };
}

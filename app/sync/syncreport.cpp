#include "app/sync/syncreport.h"

using namespace Qt::StringLiterals;

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
    return u"Synced "_s + QString::number(conversationsSeen)
        + (conversationsSeen == 1 ? u" conversation, "_s : u" conversations, "_s)
        + QString::number(messagesSeen) + (messagesSeen == 1 ? u" message ("_s : u" messages ("_s)
        + QString::number(conversationsAdded) + u" new, " + QString::number(conversationsUpdated)
        + u" updated, " + QString::number(conversationsDeleted) + u" deleted) in "
        + QString::number(double(elapsedMs) / 1000.0, 'f', 1) + u" s";
}

QJsonObject SyncReport::toJson() const
{
    return QJsonObject {
        { u"backend"_s, backend },
        { u"pages"_s, pages },
        { u"conversations"_s,
            QJsonObject { { u"seen"_s, conversationsSeen }, { u"added"_s, conversationsAdded },
                { u"updated"_s, conversationsUpdated }, { u"deleted"_s, conversationsDeleted } } },
        { u"messages"_s,
            QJsonObject { { u"seen"_s, messagesSeen }, { u"added"_s, messagesAdded },
                { u"updated"_s, messagesUpdated } } },
        { u"assets"_s,
            QJsonObject { { u"added"_s, assetsAdded }, { u"updated"_s, assetsUpdated } } },
        { u"elapsed_ms"_s, elapsedMs },
    };
}

#include "jsonexport.h"

#include "jsonformat.h"

#include <QJsonArray>
#include <QJsonDocument>

QJsonObject JsonExport::object(const ExportedConversation &exported)
{
    QJsonArray messages;
    for (const Message &m : exported.messages)
        messages << JsonFormat::message(m);
    return QJsonObject {
        { u"format"_qs, u"chartroom-conversation"_qs },
        { u"version"_qs, version },
        { u"exported_at"_qs, JsonFormat::isoTime(exported.exportedAt) },
        { u"conversation"_qs, JsonFormat::conversation(exported.conversation) },
        { u"messages"_qs, messages },
    };
}

QByteArray JsonExport::write(const ExportedConversation &exported)
{
    return QJsonDocument(object(exported)).toJson(QJsonDocument::Indented);
}

#include "app/export/jsonexport.h"

#include "models/jsonformat.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

QJsonObject JsonExport::object(const ExportedConversation &exported)
{
    QJsonArray messages;
    for (const Message &m : exported.messages)
        messages << JsonFormat::message(m);
    return QJsonObject {
        { u"format"_s, u"chartroom-conversation"_s },
        { u"version"_s, version },
        { u"exported_at"_s, JsonFormat::isoTime(exported.exportedAt) },
        { u"conversation"_s, JsonFormat::conversation(exported.conversation) },
        { u"messages"_s, messages },
    };
}

QByteArray JsonExport::write(const ExportedConversation &exported)
{
    return QJsonDocument(object(exported)).toJson(QJsonDocument::Indented);
}

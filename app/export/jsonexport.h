#pragma once

#include "app/export/exportedconversation.h"

#include <QByteArray>
#include <QJsonObject>

// The conversation as JSON, in the shape of `chartroom-cli history show --json` (JsonFormat):
// {"format": "chartroom-conversation", "version": 1, "exported_at": ISO time,
//  "conversation": {...}, "messages": [{..., "assets": [...]}]}.
class JsonExport
{
public:
    static QJsonObject object(const ExportedConversation &exported);
    static QByteArray write(const ExportedConversation &exported); // indented UTF-8

    static constexpr int version = 1;
};

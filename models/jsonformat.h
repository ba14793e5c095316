#pragma once

#include "models/types.h"

#include <QJsonObject>

// The JSON shape of the domain types, used by the CLI's --json output and the exports.
// Keys are snake_case like the Luzmo API; times are ISO 8601 in UTC.
namespace JsonFormat {
QJsonObject conversation(const Conversation &conversation);
QJsonObject message(const Message &message);
QJsonObject asset(const Asset &asset);
QJsonObject searchHit(const SearchHit &hit);
QString isoTime(const QDateTime &time);
} // namespace JsonFormat

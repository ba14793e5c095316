#pragma once

#include <QDateTime>
#include <QString>

// Short, readable local times for headers and lists: "14:05" today, "Mon 3 Mar 14:05" this
// year, "3 Mar 2023 14:05" before.
class TimeFormat
{
public:
    static QString messageTime(const QDateTime &at, const QDateTime &now);
    // Compact form for the conversation list: "14:05", "Mon 3 Mar", "3 Mar 2023".
    static QString listTime(const QDateTime &at, const QDateTime &now);
};

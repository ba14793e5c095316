#include "models/outboxentry.h"

#include "models/enumnames.h"

QString OutboxEntry::statusName(Status status)
{
    return EnumNames::name(status);
}

bool OutboxEntry::parseStatus(const QString &text, Status *status)
{
    return EnumNames::parse(text, status);
}

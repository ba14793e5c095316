#include "models/types.h"

#include "models/enumnames.h"

namespace {
// QVariant::toString() of a role or status gives its stored spelling, as the roles that now hold
// the enums returned before.
void registerConverters()
{
    QMetaType::registerConverter<MessageRole, QString>(&roleName);
    QMetaType::registerConverter<MessageStatus, QString>(&statusName);
}
} // namespace
Q_CONSTRUCTOR_FUNCTION(registerConverters)

QString roleName(MessageRole role)
{
    return EnumNames::name(role);
}
QString statusName(MessageStatus status)
{
    return EnumNames::name(status);
}
bool parseRole(const QString &text, MessageRole *role)
{
    return EnumNames::parse(text, role);
}
bool parseStatus(const QString &text, MessageStatus *status)
{
    return EnumNames::parse(text, status);
}

QString SearchHit::snippetWith(const QString &open, const QString &close) const
{
    QString result = snippet;
    result.replace(markStart, open);
    result.replace(markEnd, close);
    return result;
}

QString Conversation::titleFor(const QString &prompt)
{
    constexpr int maxLength = 60;
    // Only the start counts: a 4 MB paste is not simplified whole.
    constexpr qsizetype lookAt = 16 * maxLength;
    const QString line = QStringView(prompt).left(lookAt).toString().simplified();
    if (line.size() <= maxLength && prompt.size() <= lookAt)
        return line;
    QString cut = line.left(maxLength);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space > maxLength / 2)
        cut.truncate(space);
    return cut + u'…';
}

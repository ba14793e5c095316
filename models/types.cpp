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
    const QString line = QStringView(prompt).left(titleLookAt).toString().simplified();
    if (line.size() <= maxLength && prompt.size() <= titleLookAt)
        return line;
    QString cut = line.left(maxLength);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space > maxLength / 2)
        cut.truncate(space);
    return cut + u'…';
}

namespace {
bool blank(const QString &s)
{
    return QStringView(s).trimmed().isEmpty(); // a view: no copy
}
const QString pasteSeparator = QStringLiteral("\n\n");
} // namespace

QString QuestionText::joined() const
{
    if (pasted.isEmpty())
        return typed;
    return blank(typed) ? pasted : typed + pasteSeparator + pasted;
}

qsizetype QuestionText::size() const
{
    if (pasted.isEmpty())
        return typed.size();
    return blank(typed) ? pasted.size() : typed.size() + pasteSeparator.size() + pasted.size();
}

bool QuestionText::isBlank() const
{
    return blank(typed) && blank(pasted);
}

QString QuestionText::start(qsizetype length) const
{
    if (pasted.isEmpty() || blank(typed))
        return (pasted.isEmpty() ? typed : pasted).left(length);
    if (typed.size() >= length)
        return typed.left(length);
    return typed + pasteSeparator + pasted.left(length);
}

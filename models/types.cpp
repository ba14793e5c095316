#include "models/types.h"

#include <array>
#include <utility>

namespace {
constexpr std::array roleNames {
    std::pair { MessageRole::User, "user" },
    std::pair { MessageRole::Assistant, "assistant" },
    std::pair { MessageRole::System, "system" },
};
constexpr std::array statusNames {
    std::pair { MessageStatus::Pending, "pending" },
    std::pair { MessageStatus::Streaming, "streaming" },
    std::pair { MessageStatus::Complete, "complete" },
    std::pair { MessageStatus::Interrupted, "interrupted" },
    std::pair { MessageStatus::Error, "error" },
};

template<typename Table, typename Enum> QString lookupName(const Table &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Table, typename Enum>
bool lookupValue(const Table &table, const QString &text, Enum *value)
{
    for (const auto &[v, name] : table) {
        if (text == QLatin1String(name)) {
            *value = v;
            return true;
        }
    }
    return false;
}
} // namespace

QString roleName(MessageRole role)
{
    return lookupName(roleNames, role);
}
QString statusName(MessageStatus status)
{
    return lookupName(statusNames, status);
}
bool parseRole(const QString &text, MessageRole *role)
{
    return lookupValue(roleNames, text, role);
}
bool parseStatus(const QString &text, MessageStatus *status)
{
    return lookupValue(statusNames, text, status);
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
    const QString line = prompt.simplified();
    constexpr int maxLength = 60;
    if (line.size() <= maxLength)
        return line;
    QString cut = line.left(maxLength);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space > maxLength / 2)
        cut.truncate(space);
    return cut + u'…';
}

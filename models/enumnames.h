#pragma once

#include <QMetaEnum>
#include <QString>

// An enum registered with Q_ENUM or Q_ENUM_NS spelled as the store writes it: its key in lower
// case (MessageStatus::Streaming ↔ "streaming"). SQLite holds these spellings, so renaming a key
// is a schema change.
namespace EnumNames {

template<typename E> QString name(E value)
{
    const char *key = QMetaEnum::fromType<E>().valueToKey(int(value));
    return key ? QString::fromLatin1(key).toLower() : QString();
}

// Only the exact stored spelling is read back ("streaming", not "Streaming").
template<typename E> bool parse(const QString &text, E *value)
{
    const QMetaEnum meta = QMetaEnum::fromType<E>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        if (QString::fromLatin1(meta.key(i)).toLower() == text) {
            *value = E(meta.value(i));
            return true;
        }
    }
    return false;
}

} // namespace EnumNames

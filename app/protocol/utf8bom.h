#pragma once

#include <string_view>

// Whether a JSON string's UTF-8 starts with U+FEFF (EF BB BF). QJsonDocument drops one there
// (and keeps it in a key, or when written \ufeff), where QString::fromUtf8 always drops it: the
// fast paths (FlatObject, JsonFastPath) cannot tell which it was and leave such text to
// QJsonDocument.
inline bool startsWithUtf8Bom(std::string_view utf8)
{
    return utf8.size() >= 3 && utf8[0] == '\xEF' && utf8[1] == '\xBB' && utf8[2] == '\xBF';
}

#pragma once

#include <QByteArrayView>
#include <QJsonObject>

#include <optional>

// A JSON object text read with simdjson (its DOM API: the whole text is validated) into the same
// QJsonObject as QJsonDocument::fromJson() gives, several times faster for the large frames of an
// answer stream (finish with its result, an asset's item). nullopt whenever it could differ from
// QJsonDocument: invalid or non-object JSON (whose error words are QJsonDocument's), a string or
// key starting with U+FEFF, -0.0, an integer past the 64-bit range, nesting over 64 levels, or a
// text over MaxBytes. The caller then asks QJsonDocument.
namespace JsonFastPath {

inline constexpr qsizetype MaxBytes = 1024 * 1024;

std::optional<QJsonObject> parseObject(QByteArrayView utf8Json);

} // namespace JsonFastPath

#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// Sequelize-style `find` options, as the Luzmo API takes them, applied to rows held as JSON:
//   where:      {"role": "user"}, {"created_at": {"gt": "2024-01-01"}}, {"or": [{...}, {...}]}
//               operators eq ne gt gte lt lte in notIn like notLike between (also "$gt" etc.)
//   order:      [["created_at", "desc"], ["id", "asc"]] or ["created_at"]
//   offset, limit
//   attributes: ["id", "title"] (other fields dropped; included children are kept)
// Pure: no I/O. An invalid `find` gives an error in words instead of a guess.
namespace FindQuery {
struct Result
{
    QList<QJsonObject> rows;
    int count = 0; // rows matching `where`, before offset/limit
    QString error; // non-empty when the find options are invalid
};

Result apply(const QList<QJsonObject> &rows, const QJsonObject &find);
// Only the `where` part: does the row match? `error` is set for an unknown operator.
bool matches(const QJsonObject &row, const QJsonValue &where, QString *error);
// Keeps `attributes` (and the keys in `keep`) of a row.
QJsonObject select(const QJsonObject &row, const QJsonValue &attributes, const QStringList &keep);
} // namespace FindQuery

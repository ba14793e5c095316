#include "app/server/storesearch.h"

#include "app/datasets/datasetstore.h"
#include "app/datasets/queryengine.h"
#include "app/protocol/datarequest.h"
#include "app/server/aistore.h"
#include "app/server/findquery.h"

#include <QJsonArray>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
QJsonObject searchResult(const QList<QJsonObject> &rows, int count)
{
    QJsonArray array;
    for (const QJsonObject &row : rows)
        array << row;
    return QJsonObject { { u"count"_s, count }, { u"rows"_s, array } };
}

// The include entry for `model`, or an empty object when it is not included.
QJsonObject includeOf(const QJsonValue &include, const QString &model, bool *found)
{
    for (const QJsonValue &v : include.toArray()) {
        const QJsonObject o
            = v.isString() ? QJsonObject { { u"model"_s, v.toString() } } : v.toObject();
        if (o.value(u"model").toString().compare(model, Qt::CaseInsensitive) == 0) {
            *found = true;
            return o;
        }
    }
    *found = false;
    return {};
}
// The rows of `rows` that `find` selects, or nothing with `*error` saying why.
std::optional<FindQuery::Result> applyFind(
    const QList<QJsonObject> &rows, const QJsonObject &find, QString *error)
{
    FindQuery::Result found = FindQuery::apply(rows, find);
    if (!found.error.isEmpty()) {
        *error = found.error;
        return std::nullopt;
    }
    return found;
}

// The same over rows read from a store, which may have failed.
template<typename Stored>
std::optional<FindQuery::Result> applyFindTo(
    const Stored &stored, const QJsonObject &find, QString *error)
{
    if (!stored) {
        *error = stored.error().message;
        return std::nullopt;
    }
    return applyFind(*stored, find, error);
}
} // namespace

StoreSearch::StoreSearch(const AiStore &ai, const DatasetStore &datasets)
    : m_ai(ai)
    , m_datasets(datasets)
{
}

QJsonObject StoreSearch::messages(const QJsonObject &find, QString *error) const
{
    const auto found = applyFindTo(m_ai.messages(), find, error);
    if (!found)
        return {};
    bool withAssets = false;
    const QJsonObject assetInclude
        = includeOf(find.value(u"include"), u"AIMessageAsset"_s, &withAssets);
    QList<QJsonObject> rows;
    for (QJsonObject row : found->rows) {
        if (withAssets) {
            QList<QJsonObject> included;
            for (const QJsonValue &a : row.value(u"aiMessageAssets").toArray())
                included << a.toObject();
            const FindQuery::Result kept = FindQuery::apply(included, assetInclude);
            QJsonArray array;
            for (const QJsonObject &a : kept.rows)
                array << FindQuery::select(a, assetInclude.value(u"attributes"), {});
            row.insert(u"aiMessageAssets"_s, array);
        } else {
            row.remove(u"aiMessageAssets"_s);
        }
        rows << FindQuery::select(row, find.value(u"attributes"), { u"aiMessageAssets"_s });
    }
    return searchResult(rows, found->count);
}

QJsonObject StoreSearch::assets(const QJsonObject &find, QString *error) const
{
    const auto found = applyFindTo(m_ai.assets(), find, error);
    if (!found)
        return {};
    QList<QJsonObject> rows;
    for (const QJsonObject &row : found->rows)
        rows << FindQuery::select(row, find.value(u"attributes"), {});
    return searchResult(rows, found->count);
}

QJsonObject StoreSearch::conversations(const QJsonObject &find, QString *error) const
{
    const auto found = applyFindTo(m_ai.conversations(), find, error);
    if (!found)
        return {};
    bool withMessages = false;
    const QJsonObject messageInclude
        = includeOf(find.value(u"include"), u"AIMessage"_s, &withMessages);
    QList<QJsonObject> rows;
    for (QJsonObject row : found->rows) {
        if (withMessages) {
            QJsonObject childFind = messageInclude;
            QJsonObject where { { u"conversation_id"_s, row.value(u"id") } };
            if (messageInclude.contains(u"where"))
                where = QJsonObject { { u"and"_s,
                    QJsonArray { where, messageInclude.value(u"where") } } };
            childFind.insert(u"where"_s, where);
            if (!childFind.contains(u"order"))
                childFind.insert(u"order"_s,
                    QJsonArray { QJsonValue(QJsonArray { u"created_at"_s, u"asc"_s }) });
            const QJsonObject children = messages(childFind, error);
            if (!error->isEmpty())
                return {};
            row.insert(u"aiMessages"_s, children.value(u"rows"));
        }
        rows << FindQuery::select(row, find.value(u"attributes"), { u"aiMessages"_s });
    }
    return searchResult(rows, found->count);
}

QJsonObject StoreSearch::datasets(const QJsonObject &find, QString *error) const
{
    auto stored = m_datasets.datasets();
    if (!stored) {
        *error = stored.error().message;
        return {};
    }
    QList<QJsonObject> rows;
    for (const DatasetSchema &d : *stored) {
        QJsonArray columns;
        for (const ColumnSchema &c : d.columns) {
            QJsonObject column { { u"id"_s, c.id },
                { u"name"_s, QJsonObject { { u"en"_s, c.name } } },
                { u"type"_s, columnTypeName(c.type) } };
            if (c.type == ColumnType::Datetime)
                column.insert(u"lowestLevel"_s, c.lowestLevel);
            if (c.currency)
                column.insert(u"subtype"_s, u"currency"_s);
            columns << column;
        }
        rows << QJsonObject { { u"id"_s, d.id }, { u"type"_s, u"dataset"_s },
            { u"name"_s, QJsonObject { { u"en"_s, d.name } } }, { u"rows"_s, d.rowCount },
            { u"columns"_s, columns } };
    }
    const auto found = applyFind(rows, find, error);
    if (!found)
        return {};
    QList<QJsonObject> selected;
    for (const QJsonObject &row : found->rows)
        selected << FindQuery::select(row, find.value(u"attributes"), { u"columns"_s });
    return searchResult(selected, found->count);
}

QJsonObject StoreSearch::data(const QJsonObject &find, QString *error) const
{
    const auto parsed = DataRequest::fromJson(find);
    if (!parsed) {
        *error = parsed.error();
        return {};
    }
    auto rows = QueryEngine(m_datasets).run(*parsed);
    if (!rows) {
        *error = rows.error().message;
        return {};
    }
    QJsonArray data;
    for (const QJsonArray &row : *rows)
        data << row;
    return QJsonObject { { u"data"_s, data } };
}

#include "app/charts/slotschema.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
QString field(const QJsonObject &o, const QString &name, const QString &older)
{
    const QString value = o.value(name).toString();
    return value.isEmpty() ? o.value(older).toString() : value;
}
} // namespace

DatasetSchema SlotSchema::fromItem(const QJsonObject &item)
{
    DatasetSchema schema;
    for (const QJsonValue &slot : item.value(u"slots"_s).toArray()) {
        for (const QJsonValue &value : slot.toObject().value(u"content"_s).toArray()) {
            const QJsonObject content = value.toObject();
            const QString columnId = field(content, u"columnId"_s, u"column"_s);
            if (schema.id.isEmpty())
                schema.id = field(content, u"datasetId"_s, u"set"_s);
            if (columnId.isEmpty() || schema.column(columnId))
                continue;
            ColumnSchema column;
            column.id = columnId;
            ColumnType type = ColumnType::Hierarchy;
            if (parseColumnType(content.value(u"type"_s).toString(), &type))
                column.type = type;
            column.currency = content.value(u"subtype"_s).toString() == u"currency"
                || !content.value(u"currency"_s).toString().isEmpty();
            column.lowestLevel = content.value(u"lowestLevel"_s).toInt(5);
            schema.columns << column;
        }
    }
    return schema;
}

#include "datasetschema.h"

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Numeric:
        return u"numeric"_qs;
    case ColumnType::Hierarchy:
        return u"hierarchy"_qs;
    case ColumnType::Datetime:
        return u"datetime"_qs;
    }
    return u"hierarchy"_qs;
}

bool parseColumnType(const QString &name, ColumnType *type)
{
    const QString n = name.trimmed().toLower();
    ColumnType t;
    if (n == u"numeric")
        t = ColumnType::Numeric;
    else if (n == u"hierarchy")
        t = ColumnType::Hierarchy;
    else if (n == u"datetime")
        t = ColumnType::Datetime;
    else
        return false;
    if (type)
        *type = t;
    return true;
}

#include "app/datasets/datasetschema.h"

using namespace Qt::StringLiterals;

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Numeric:
        return u"numeric"_s;
    case ColumnType::Hierarchy:
        return u"hierarchy"_s;
    case ColumnType::Datetime:
        return u"datetime"_s;
    }
    return u"hierarchy"_s;
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

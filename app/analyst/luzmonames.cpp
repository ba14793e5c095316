#include "luzmonames.h"

using namespace Qt::StringLiterals;

QString LuzmoNames::columnType(ColumnType type)
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

QString LuzmoNames::aggregationFunc(Aggregation aggregation)
{
    switch (aggregation) {
    case Aggregation::Sum:
        return u"sum"_s;
    case Aggregation::Average:
        return u"average"_s;
    case Aggregation::Count:
        return u"count"_s;
    case Aggregation::DistinctCount:
        return u"distinctcount"_s;
    case Aggregation::Min:
        return u"min"_s;
    case Aggregation::Max:
        return u"max"_s;
    }
    return u"sum"_s;
}

bool LuzmoNames::parseAggregationFunc(const QString &name, Aggregation *aggregation)
{
    static const Aggregation all[] = { Aggregation::Sum, Aggregation::Average, Aggregation::Count,
        Aggregation::DistinctCount, Aggregation::Min, Aggregation::Max };
    for (Aggregation a : all) {
        if (aggregationFunc(a) == name) {
            *aggregation = a;
            return true;
        }
    }
    return false;
}

QString LuzmoNames::levelAdjective(int level)
{
    switch (level) {
    case 1:
        return u"Yearly"_s;
    case 2:
        return u"Quarterly"_s;
    case 3:
        return u"Monthly"_s;
    case 4:
        return u"Weekly"_s;
    case 5:
        return u"Daily"_s;
    default:
        return {};
    }
}

QString LuzmoNames::levelNoun(int level)
{
    switch (level) {
    case 1:
        return u"year"_s;
    case 2:
        return u"quarter"_s;
    case 3:
        return u"month"_s;
    case 4:
        return u"week"_s;
    case 5:
        return u"day"_s;
    default:
        return {};
    }
}

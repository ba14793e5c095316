#include "app/datasets/dataquery.h"

using namespace Qt::StringLiterals;

QString aggregationName(Aggregation aggregation)
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

bool parseAggregation(const QString &name, Aggregation *aggregation)
{
    const QString n = name.trimmed().toLower();
    Aggregation a;
    if (n == u"sum")
        a = Aggregation::Sum;
    else if (n == u"average" || n == u"avg" || n == u"mean")
        a = Aggregation::Average;
    else if (n == u"count")
        a = Aggregation::Count;
    else if (n == u"distinctcount" || n == u"distinct_count" || n == u"countdistinct")
        a = Aggregation::DistinctCount;
    else if (n == u"min" || n == u"minimum")
        a = Aggregation::Min;
    else if (n == u"max" || n == u"maximum")
        a = Aggregation::Max;
    else
        return false;
    if (aggregation)
        *aggregation = a;
    return true;
}

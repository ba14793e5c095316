#include "tests/app/analyst/faketable.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

QVariant keyOf(const QVariant &value, const ColumnSchema &column, int level)
{
    if (column.type != ColumnType::Datetime)
        return value;
    const QDate start = FakeTable::periodStart(value.toDate(), level == 0 ? 5 : level);
    return QString(start.toString(Qt::ISODate) + u"T00:00:00.000Z"_s);
}

QDate toDate(const QVariant &v)
{
    if (v.typeId() == QMetaType::QDate)
        return v.toDate();
    return QDate::fromString(v.toString().left(10), Qt::ISODate);
}

bool passes(const QVariant &value, const ColumnSchema &column, const QueryFilter &filter)
{
    using Op = QueryFilter::Op;
    const auto compare = [&](const QVariant &other) -> int {
        if (column.type == ColumnType::Datetime) {
            const QDate a = value.toDate();
            const QDate b = toDate(other);
            return a < b ? -1 : (a > b ? 1 : 0);
        }
        if (column.type == ColumnType::Numeric) {
            const double a = value.toDouble();
            const double b = other.toDouble();
            return a < b ? -1 : (a > b ? 1 : 0);
        }
        return QString::compare(value.toString(), other.toString());
    };
    const QVariant first = filter.values.value(0);
    switch (filter.op) {
    case Op::Equals:
        return compare(first) == 0;
    case Op::NotEquals:
        return compare(first) != 0;
    case Op::In:
        return std::any_of(filter.values.begin(), filter.values.end(),
            [&](const QVariant &v) { return compare(v) == 0; });
    case Op::Greater:
        return compare(first) > 0;
    case Op::GreaterOrEqual:
        return compare(first) >= 0;
    case Op::Less:
        return compare(first) < 0;
    case Op::LessOrEqual:
        return compare(first) <= 0;
    }
    return false;
}

struct Accumulator
{
    double sum = 0;
    double min = std::numeric_limits<double>::max();
    double max = std::numeric_limits<double>::lowest();
    int count = 0;
};

} // namespace

FakeTable::FakeTable(DatasetSchema schema, QList<QVariantList> rows)
    : m_schema(std::move(schema))
    , m_rows(std::move(rows))
{
    m_schema.rowCount = m_rows.size();
}

QDate FakeTable::periodStart(const QDate &date, int level)
{
    switch (level) {
    case 1:
        return QDate(date.year(), 1, 1);
    case 2:
        return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
    case 3:
        return QDate(date.year(), date.month(), 1);
    case 4:
        return date.addDays(1 - date.dayOfWeek());
    default:
        return date;
    }
}

int FakeTable::indexOf(const QString &columnId) const
{
    for (int i = 0; i < m_schema.columns.size(); ++i) {
        if (m_schema.columns.at(i).id == columnId)
            return i;
    }
    return -1;
}

QueryRunner FakeTable::runner() const
{
    return [this](const DataQuery &query) { return run(query); };
}

Expected<QList<QJsonArray>, QString> FakeTable::run(const DataQuery &query) const
{
    ++*m_queries;
    if (query.datasetId != m_schema.id)
        return u"unknown dataset"_s;
    QMap<QString, std::pair<QVariantList, QList<Accumulator>>> groups; // sorted by key text
    for (const QVariantList &row : m_rows) {
        bool keep = true;
        for (const QueryFilter &f : query.filters) {
            const int c = indexOf(f.columnId);
            if (c < 0)
                return u"unknown filter column"_s;
            keep = keep && passes(row.at(c), m_schema.columns.at(c), f);
        }
        if (!keep)
            continue;
        QVariantList key;
        for (const QueryDimension &d : query.dimensions) {
            const int c = indexOf(d.columnId);
            if (c < 0)
                return u"unknown dimension column"_s;
            key.append(keyOf(row.at(c), m_schema.columns.at(c), d.level));
        }
        QStringList text;
        for (const QVariant &k : std::as_const(key))
            text.append(k.toString());
        auto &group = groups[text.join(u'\x1f')];
        group.first = key;
        QList<Accumulator> &acc = group.second;
        acc.resize(query.measures.size());
        for (int m = 0; m < query.measures.size(); ++m) {
            const int c = indexOf(query.measures.at(m).columnId);
            const double v = c >= 0 ? row.at(c).toDouble() : 1.0;
            acc[m].sum += v;
            acc[m].min = std::min(acc[m].min, v);
            acc[m].max = std::max(acc[m].max, v);
            ++acc[m].count;
        }
    }
    QList<QJsonArray> out;
    for (auto it = groups.constBegin(); it != groups.constEnd() && out.size() < query.limit; ++it) {
        QJsonArray row;
        for (const QVariant &k : it.value().first)
            row.append(QJsonValue::fromVariant(k));
        for (int m = 0; m < query.measures.size(); ++m) {
            const Accumulator &a = it.value().second.at(m);
            switch (query.measures.at(m).aggregation) {
            case Aggregation::Sum:
                row.append(a.sum);
                break;
            case Aggregation::Average:
                row.append(a.sum / a.count);
                break;
            case Aggregation::Count:
            case Aggregation::DistinctCount:
                row.append(a.count);
                break;
            case Aggregation::Min:
                row.append(a.min);
                break;
            case Aggregation::Max:
                row.append(a.max);
                break;
            }
        }
        out.append(row);
    }
    return out;
}

FakeTable FakeTable::sales()
{
    DatasetSchema schema;
    schema.id = u"5b1c7a52-0000-4000-8000-000000000001"_s;
    schema.name = u"Sales"_s;
    schema.columns = {
        { u"5b1c7a52-0000-4000-8000-0000000000d1"_s, u"Date"_s, ColumnType::Datetime, 5, false },
        { u"5b1c7a52-0000-4000-8000-0000000000a1"_s, u"Region"_s, ColumnType::Hierarchy, 5, false },
        { u"5b1c7a52-0000-4000-8000-0000000000a2"_s, u"Product"_s, ColumnType::Hierarchy, 5,
            false },
        { u"5b1c7a52-0000-4000-8000-0000000000b1"_s, u"Revenue"_s, ColumnType::Numeric, 5, true },
        { u"5b1c7a52-0000-4000-8000-0000000000b2"_s, u"Cost"_s, ColumnType::Numeric, 5, true },
        { u"5b1c7a52-0000-4000-8000-0000000000b3"_s, u"Units"_s, ColumnType::Numeric, 5, false },
    };
    const QStringList regions { u"EMEA"_s, u"APAC"_s, u"Americas"_s };
    const QStringList products { u"Widget"_s, u"Gadget"_s };
    QList<QVariantList> rows;
    const QDate first(2023, 11, 1);
    for (QDate day = first; day <= QDate(2024, 6, 30); day = day.addDays(1)) {
        const int d = int(first.daysTo(day));
        for (int r = 0; r < regions.size(); ++r) {
            for (int p = 0; p < products.size(); ++p) {
                const double revenue = 100 + 10 * r + 5 * p + d % 7 + d / 30;
                const double cost = 60 + 4 * r + 3 * p + d % 5;
                const double units = 10 + r + 2 * p + d % 3;
                rows.append({ day, regions.at(r), products.at(p), revenue, cost, units });
            }
        }
    }
    return FakeTable(schema, rows);
}

FakeTable FakeTable::known()
{
    DatasetSchema schema;
    schema.id = u"5b1c7a52-0000-4000-8000-000000000002"_s;
    schema.name = u"Known"_s;
    schema.columns = {
        { u"5b1c7a52-0000-4000-8000-0000000001d1"_s, u"Day"_s, ColumnType::Datetime, 5, false },
        { u"5b1c7a52-0000-4000-8000-0000000001a1"_s, u"Group"_s, ColumnType::Hierarchy, 5, false },
        { u"5b1c7a52-0000-4000-8000-0000000001b1"_s, u"Value"_s, ColumnType::Numeric, 5, false },
    };
    const QList<double> a { 10, 20, 15, 40, 5, 30 };
    QList<QVariantList> rows;
    for (int m = 0; m < a.size(); ++m) {
        rows.append({ QDate(2024, m + 1, 15), u"A"_s, a.at(m) });
        rows.append({ QDate(2024, m + 1, 15), u"B"_s, 100.0 - 10 * m });
    }
    return FakeTable(schema, rows);
}

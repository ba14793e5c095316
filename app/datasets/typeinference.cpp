#include "app/datasets/typeinference.h"

#include "app/datasets/valueparser.h"

#include <QSet>

using namespace Qt::StringLiterals;

TypeInference::TypeInference(const QStringList &header)
    : m_names(columnNames(header))
    , m_states(header.size())
{
}

QStringList TypeInference::columnNames(const QStringList &header)
{
    QStringList names;
    QSet<QString> seen;
    for (qsizetype i = 0; i < header.size(); ++i) {
        QString name = header.at(i).trimmed();
        if (name.isEmpty())
            name = u"Column " + QString::number(i + 1);
        QString unique = name;
        for (int n = 2; seen.contains(unique.toLower()); ++n)
            unique = name + u" (" + QString::number(n) + u')';
        seen.insert(unique.toLower());
        names.append(unique);
    }
    return names;
}

void TypeInference::addRow(const QStringList &fields)
{
    ++m_rows;
    const qsizetype n = qMin(fields.size(), m_states.size());
    for (qsizetype i = 0; i < n; ++i) {
        State &s = m_states[i];
        if (!s.maybeDatetime && !s.maybeNumeric)
            continue;
        const QStringView value = QStringView(fields.at(i)).trimmed();
        if (value.isEmpty())
            continue;
        ++s.values;
        if (s.maybeDatetime) {
            if (const auto dt = ValueParser::dateTime(value))
                s.level = qMax(s.level, dt->level);
            else
                s.maybeDatetime = false;
        }
        if (s.maybeNumeric && !ValueParser::number(value))
            s.maybeNumeric = false;
    }
}

bool TypeInference::looksLikeCurrency(const QString &columnName)
{
    static const QStringList words = { u"revenue"_s, u"cost"_s, u"price"_s, u"sales"_s, u"amount"_s,
        u"profit"_s, u"income"_s, u"spend"_s, u"turnover"_s };
    const QString name = columnName.toLower();
    for (const QString &w : words) {
        if (name.contains(w))
            return true;
    }
    return false;
}

QList<ColumnSchema> TypeInference::columns() const
{
    QList<ColumnSchema> result;
    for (qsizetype i = 0; i < m_states.size(); ++i) {
        const State &s = m_states.at(i);
        ColumnSchema c;
        c.name = m_names.at(i);
        if (s.values > 0 && s.maybeDatetime) {
            c.type = ColumnType::Datetime;
            c.lowestLevel = s.level;
        } else if (s.values > 0 && s.maybeNumeric) {
            c.type = ColumnType::Numeric;
            c.currency = looksLikeCurrency(c.name);
        } else {
            c.type = ColumnType::Hierarchy;
        }
        result.append(c);
    }
    return result;
}

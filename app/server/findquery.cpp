#include "app/server/findquery.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString operatorName(QString key)
{
    if (key.startsWith(u'$'))
        key.remove(0, 1);
    return key;
}

// -1, 0, 1; numbers numerically, everything else as text (ISO dates sort as text).
int compare(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isNull() || a.isUndefined())
        return (b.isNull() || b.isUndefined()) ? 0 : -1;
    if (b.isNull() || b.isUndefined())
        return 1;
    const QString sa = a.isString() ? a.toString() : a.toVariant().toString();
    const QString sb = b.isString() ? b.toString() : b.toVariant().toString();
    return sa.compare(sb);
}

bool equal(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isBool() || b.isBool())
        return a.toVariant() == b.toVariant();
    return compare(a, b) == 0 && (a.isNull() == b.isNull());
}

bool like(const QJsonValue &value, const QJsonValue &pattern)
{
    // SQL LIKE: % any run, _ one character; everything else literal.
    QString rx;
    for (const QChar c : pattern.toString()) {
        if (c == u'%')
            rx += u".*"_s;
        else if (c == u'_')
            rx += u'.';
        else
            rx += QRegularExpression::escape(QString(c));
    }
    const QRegularExpression re(QRegularExpression::anchoredPattern(rx),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return re.match(value.toVariant().toString()).hasMatch();
}

bool contains(const QJsonValue &list, const QJsonValue &value)
{
    const QJsonArray array = list.toArray();
    return std::any_of(
        array.begin(), array.end(), [&](const QJsonValue &v) { return equal(v, value); });
}

bool applyOperator(
    const QString &op, const QJsonValue &value, const QJsonValue &operand, QString *error)
{
    if (op == u"eq")
        return equal(value, operand);
    if (op == u"ne")
        return !equal(value, operand);
    if (op == u"gt")
        return compare(value, operand) > 0;
    if (op == u"gte")
        return compare(value, operand) >= 0;
    if (op == u"lt")
        return compare(value, operand) < 0;
    if (op == u"lte")
        return compare(value, operand) <= 0;
    if (op == u"in")
        return contains(operand, value);
    if (op == u"notIn")
        return !contains(operand, value);
    if (op == u"like")
        return like(value, operand);
    if (op == u"notLike")
        return !like(value, operand);
    if (op == u"between") {
        const QJsonArray range = operand.toArray();
        return range.size() == 2 && compare(value, range[0]) >= 0 && compare(value, range[1]) <= 0;
    }
    if (error && error->isEmpty())
        *error = u"Unknown operator \"" + op + u"\" in where.";
    return false;
}

bool fieldMatches(const QJsonValue &value, const QJsonValue &condition, QString *error)
{
    if (!condition.isObject())
        return condition.isArray() ? contains(condition, value) : equal(value, condition);
    const QJsonObject ops = condition.toObject();
    for (auto it = ops.begin(); it != ops.end(); ++it) {
        if (!applyOperator(operatorName(it.key()), value, it.value(), error))
            return false;
    }
    return true;
}

} // namespace

bool FindQuery::matches(const QJsonObject &row, const QJsonValue &where, QString *error)
{
    if (where.isUndefined() || where.isNull())
        return true;
    if (where.isArray()) { // a list of conditions: all must hold
        const QJsonArray all = where.toArray();
        return std::all_of(
            all.begin(), all.end(), [&](const QJsonValue &w) { return matches(row, w, error); });
    }
    if (!where.isObject()) {
        if (error && error->isEmpty())
            *error = u"where must be an object."_s;
        return false;
    }
    const QJsonObject conditions = where.toObject();
    for (auto it = conditions.begin(); it != conditions.end(); ++it) {
        const QString key = operatorName(it.key());
        if (key == u"or") {
            const QJsonArray any = it.value().toArray();
            if (!std::any_of(any.begin(), any.end(),
                    [&](const QJsonValue &w) { return matches(row, w, error); }))
                return false;
        } else if (key == u"and") {
            if (!matches(row, it.value(), error))
                return false;
        } else if (!fieldMatches(row.value(it.key()), it.value(), error)) {
            return false;
        }
    }
    return true;
}

QJsonObject FindQuery::select(
    const QJsonObject &row, const QJsonValue &attributes, const QStringList &keep)
{
    if (!attributes.isArray())
        return row;
    QJsonObject out;
    for (const QJsonValue &a : attributes.toArray()) {
        if (row.contains(a.toString()))
            out.insert(a.toString(), row.value(a.toString()));
    }
    for (const QString &k : keep) {
        if (row.contains(k))
            out.insert(k, row.value(k));
    }
    return out;
}

FindQuery::Result FindQuery::apply(const QList<QJsonObject> &rows, const QJsonObject &find)
{
    Result result;
    for (const QJsonObject &row : rows) {
        if (matches(row, find.value(u"where"), &result.error))
            result.rows << row;
    }
    if (!result.error.isEmpty()) {
        result.rows.clear();
        return result;
    }
    result.count = int(result.rows.size());

    QList<QPair<QString, bool>> order; // field, descending
    for (const QJsonValue &o : find.value(u"order").toArray()) {
        if (o.isString()) {
            order << qMakePair(o.toString(), false);
        } else if (o.isArray()) {
            const QJsonArray pair = o.toArray();
            const QString direction = pair.at(1).toString().toLower();
            if (direction != u"asc" && direction != u"desc" && !direction.isEmpty()) {
                result.error = u"order direction must be \"asc\" or \"desc\"."_s;
                result.rows.clear();
                return result;
            }
            order << qMakePair(pair.at(0).toString(), direction == u"desc");
        }
    }
    if (!order.isEmpty()) {
        std::stable_sort(result.rows.begin(), result.rows.end(),
            [&](const QJsonObject &a, const QJsonObject &b) {
                for (const auto &[field, descending] : order) {
                    const int c = compare(a.value(field), b.value(field));
                    if (c != 0)
                        return descending ? c > 0 : c < 0;
                }
                return false;
            });
    }
    const int offset = qMax(0, find.value(u"offset").toInt(0));
    const QJsonValue limitValue = find.value(u"limit");
    const int limit = limitValue.isDouble() ? qMax(0, limitValue.toInt()) : int(result.rows.size());
    result.rows = result.rows.mid(offset, limit);
    return result;
}

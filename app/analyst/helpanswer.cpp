#include "helpanswer.h"

#include "luzmonames.h"

using namespace Qt::StringLiterals;

namespace {

QString describeColumn(const ColumnSchema &c)
{
    switch (c.type) {
    case ColumnType::Numeric:
        return c.name + (c.currency ? u" (number, money)"_s : u" (number)"_s);
    case ColumnType::Hierarchy:
        return c.name + u" (category)"_s;
    case ColumnType::Datetime:
        return c.name + u" (date)"_s;
    }
    return c.name;
}

} // namespace

QStringList HelpAnswer::examples(const DatasetSchema &schema)
{
    QStringList numeric;
    QStringList categories;
    bool hasDate = false;
    for (const ColumnSchema &c : schema.columns) {
        if (c.type == ColumnType::Numeric)
            numeric.append(c.name.toLower());
        else if (c.type == ColumnType::Hierarchy)
            categories.append(c.name.toLower());
        else
            hasDate = true;
    }
    if (numeric.isEmpty())
        return { u"How many rows are there by "_s + categories.value(0, u"category"_s) + u'?' };
    const QString second = numeric.value(1, numeric.first());
    QStringList out;
    if (hasDate)
        out.append(u"Show monthly "_s + numeric.first() + u" as a line chart"_s);
    if (!categories.isEmpty())
        out.append(u"Compare "_s + second + u" by "_s + categories.first());
    if (hasDate && !categories.isEmpty())
        out.append(u"Weekly "_s + numeric.last() + u" by "_s + categories.last());
    out.append(u"What is the average "_s + numeric.first() + u'?');
    if (hasDate)
        out.append(u"Quarterly "_s + second + u" trend"_s);
    return out.mid(0, 3);
}

QString HelpAnswer::text(const DatasetSchema &schema, const QString &missing)
{
    QStringList columns;
    for (const ColumnSchema &c : schema.columns)
        columns.append(describeColumn(c));
    QString text = u"I could not map that question to the **"_s + schema.name + u"** dataset"_s;
    if (!missing.isEmpty())
        text += u" (missing "_s + missing + u')';
    text += u". I can answer questions about its columns: "_s + columns.join(u", "_s)
        + u".\n\nFor example:\n"_s;
    for (const QString &example : examples(schema))
        text += u"- \""_s + example + u"\"\n"_s;
    return text.trimmed();
}

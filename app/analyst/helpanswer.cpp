#include "app/analyst/helpanswer.h"

#include "app/protocol/luzmonames.h"

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

QStringList HelpAnswer::examples(const DatasetSchema &schema, const DataFacts &facts)
{
    const ColumnSchema *main = nullptr;
    const ColumnSchema *other = nullptr;
    QList<const ColumnSchema *> categories;
    bool hasDate = false;
    for (const ColumnSchema &c : schema.columns) {
        if (c.type == ColumnType::Hierarchy)
            categories.append(&c);
        else if (c.type == ColumnType::Datetime)
            hasDate = true;
        else if (!main || (c.currency && !main->currency))
            main = &c;
    }
    for (const ColumnSchema &c : schema.columns) {
        if (c.type == ColumnType::Numeric && &c != main && !other)
            other = &c;
    }
    if (!main)
        return { u"How many rows are there by "_s
            + (categories.isEmpty() ? u"category"_s : categories.first()->name.toLower()) + u'?' };
    if (!other)
        other = main;
    const QString measure = main->name.toLower();
    QStringList out;
    if (hasDate)
        out.append(u"Show monthly "_s + measure + u" as a line chart"_s);
    if (!categories.isEmpty()) {
        out.append(u"Which "_s + categories.first()->name.toLower() + u" had the highest "_s
            + measure + (hasDate ? u" last year?"_s : u"?"_s));
    }
    const ColumnSchema *filterColumn = categories.isEmpty() ? nullptr : categories.last();
    const QString value = filterColumn ? facts.values.value(filterColumn->id).value(0) : QString();
    QString number = u"Total "_s + other->name.toLower();
    if (!value.isEmpty())
        number += u" for "_s + value;
    if (facts.last.isValid())
        number += u" in "_s + QString::number(facts.last.year());
    out.append(number);
    if (out.size() < 3)
        out.append(u"What is the average "_s + measure + u'?');
    return out.mid(0, 3);
}

QString HelpAnswer::text(
    const DatasetSchema &schema, const QString &missing, const DataFacts &facts)
{
    QStringList columns;
    for (const ColumnSchema &c : schema.columns)
        columns.append(describeColumn(c));
    QString text = u"I could not map that question to the **"_s + schema.name + u"** dataset"_s;
    if (!missing.isEmpty())
        text += u" (missing "_s + missing + u')';
    text += u". I can answer questions about its columns: "_s + columns.join(u", "_s)
        + u".\n\nFor example:\n"_s;
    for (const QString &example : examples(schema, facts))
        text += u"- \""_s + example + u"\"\n"_s;
    return text.trimmed();
}

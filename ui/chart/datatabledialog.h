#pragma once

#include "app/charts/chartdata.h"

#include <QDialog>

// "View data": the chart's rows in a table, headed by the slot labels, values in the measure's
// format; for items that are not drawn, their JSON definition.
class DataTableDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DataTableDialog(const ChartData &data, QWidget *parent = nullptr);
    // An item that is not drawn here: its definition as text.
    DataTableDialog(const QString &title, const QByteArray &itemJson, QWidget *parent = nullptr);
};

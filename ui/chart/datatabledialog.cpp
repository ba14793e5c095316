#include "ui/chart/datatabledialog.h"

#include "app/charts/isotime.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DataTableDialog::DataTableDialog(const ChartData &chart, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"dataTableDialog"_s);
    setWindowTitle(chart.title.isEmpty() ? tr("Chart chart") : tr("Data: %1").arg(chart.title));
    auto *model = new QStandardItemModel(int(chart.rows.size()), int(chart.headers.size()), this);
    model->setHorizontalHeaderLabels(chart.headers);
    for (int r = 0; r < chart.rows.size(); ++r) {
        const QJsonArray row = chart.rows.at(r).toArray();
        for (int c = 0; c < row.size() && c < chart.headers.size(); ++c) {
            const QJsonValue v = row.at(c);
            QString text;
            if (c == 0 && chart.xKind == ChartData::XKind::Datetime) {
                const std::optional<qint64> at = IsoTime::utcMsecs(v.toString());
                text = at ? chart.xText(double(*at)) : v.toString();
            } else if (v.isDouble() && c >= chart.dimensionCount) {
                text = chart.format.format(v.toDouble());
            } else {
                text = v.toVariant().toString();
            }
            auto *item = new QStandardItem(text);
            if (v.isDouble())
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            model->setItem(r, c, item);
        }
    }
    auto *table = new QTableView(this);
    table->setObjectName(u"dataTable"_s);
    table->setModel(model);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(560, 480);
}

DataTableDialog::DataTableDialog(const QString &title, const QByteArray &itemJson, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"dataTableDialog"_s);
    setWindowTitle(title);
    auto *text = new QPlainTextEdit(this);
    text->setObjectName(u"itemJson"_s);
    text->setReadOnly(true);
    const QJsonDocument document = QJsonDocument::fromJson(itemJson);
    text->setPlainText(document.isNull()
            ? QString::fromUtf8(itemJson)
            : QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    resize(560, 480);
}

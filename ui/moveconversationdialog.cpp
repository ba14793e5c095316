#include "ui/moveconversationdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MoveConversationDialog::MoveConversationDialog(
    const QString &title, const QList<Choice> &accounts, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(u"moveConversationDialog"_s);
    setWindowTitle(tr("Move to Another Account"));
    auto *label = new QLabel(tr("Continue “%1” on:").arg(title), this);
    label->setWordWrap(true);
    auto *note = new QLabel(tr("Its messages stay as they are; the next question starts a new "
                               "conversation on the chosen account."),
        this);
    note->setWordWrap(true);
    m_list->setObjectName(u"moveAccountList"_s);
    for (const Choice &c : accounts) {
        auto *item = new QListWidgetItem(c.name, m_list);
        item->setData(Qt::UserRole, c.id);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_move = buttons->addButton(tr("&Move"), QDialogButtonBox::AcceptRole);
    m_move->setObjectName(u"moveConversationButton"_s);
    m_move->setEnabled(false);
    connect(m_list, &QListWidget::currentRowChanged, this,
        [this](int row) { m_move->setEnabled(row >= 0); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(420, 320);
}

QString MoveConversationDialog::chosenAccountId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

#pragma once

#include <QDialog>
#include <QList>

class QListWidget;
class QPushButton;

// "Move to another account…": lists the accounts a conversation can continue on, by name; the
// chosen one is chosenAccountId() once accepted.
class MoveConversationDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choice
    {
        QString id;
        QString name;
    };
    MoveConversationDialog(
        const QString &title, const QList<Choice> &accounts, QWidget *parent = nullptr);

    QString chosenAccountId() const;
    QListWidget *accountList() const { return m_list; }
    QPushButton *moveButton() const { return m_move; }

private:
    QListWidget *m_list;
    QPushButton *m_move;
};

#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>

// A conversation in the list: its title, elided, with the time of its last message at the right.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setNow(const QDateTime &now) { m_now = now; }

private:
    QDateTime m_now;
};

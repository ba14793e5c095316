#pragma once

#include <QStyledItemDelegate>

// A search hit: the conversation's title, then the snippet with the matched words in bold
// (SearchResultModel::SnippetHtmlRole, drawn through a QTextDocument).
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

#include "ui/itempanel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionViewItem>

ItemColors drawItemPanel(QPainter *painter, QStyleOptionViewItem option)
{
    option.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    ItemColors colors;
    colors.text
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    colors.muted = selected ? colors.text : option.palette.color(group, QPalette::PlaceholderText);
    return colors;
}

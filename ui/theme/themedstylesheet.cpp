#include "ui/theme/themedstylesheet.h"

#include "ui/theme/theme.h"

#include <QEvent>
#include <QWidget>

ThemedStyleSheet *ThemedStyleSheet::apply(
    QWidget *widget, const QString &templ, std::function<void()> changed)
{
    auto *sheet = new ThemedStyleSheet(widget, templ, std::move(changed));
    sheet->refresh();
    widget->installEventFilter(sheet);
    return sheet;
}

ThemedStyleSheet::ThemedStyleSheet(
    QWidget *widget, const QString &templ, std::function<void()> changed)
    : QObject(widget)
    , m_widget(widget)
    , m_template(templ)
    , m_changed(std::move(changed))
{
}

bool ThemedStyleSheet::refresh()
{
    const QString filled = Theme::styleSheet(m_template, Theme::current());
    if (filled == m_applied)
        return false;
    m_applied = filled;
    m_widget->setStyleSheet(filled);
    return true;
}

bool ThemedStyleSheet::eventFilter(QObject *watched, QEvent *event)
{
    // The comparison in refresh() ends the round: setting the sheet changes the palette again.
    if (watched == m_widget
        && (event->type() == QEvent::ApplicationPaletteChange
            || event->type() == QEvent::PaletteChange)
        && refresh() && m_changed)
        m_changed();
    return QObject::eventFilter(watched, event);
}

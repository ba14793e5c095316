#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

// Keeps a widget's style sheet filled from a template of theme tokens (@surface, @mutedText;
// Theme::styleSheet): set now, and set again when the application's palette changes (the theme
// was switched, or the system's changed), then `changed` is called (e.g. to drop what was
// drawn with the old colours). A child of the widget.
class ThemedStyleSheet : public QObject
{
    Q_OBJECT
public:
    static ThemedStyleSheet *apply(
        QWidget *widget, const QString &templ, std::function<void()> changed = {});
    // Fills the template again; true when the style sheet changed.
    bool refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ThemedStyleSheet(QWidget *widget, const QString &templ, std::function<void()> changed);

    QWidget *m_widget;
    QString m_template;
    QString m_applied;
    std::function<void()> m_changed;
};

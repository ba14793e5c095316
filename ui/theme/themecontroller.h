#pragma once

#include "ui/theme/theme.h"

#include <QObject>
#include <QPalette>

class QSettings;

// The window's theme as chosen in Settings: follow the system, or Light or Dark whatever the
// system shows. Applies it to the QApplication (a forced mode that differs from the system gets
// Chartroom's own full palette under the Fusion style, which draws every control from the
// palette; System gives back the palette and style the application started with) and says so
// with changed(), after which Theme::current() has the new tokens; every widget also receives
// QEvent::PaletteChange. The choice is kept in QSettings under "appearance/theme" ("system",
// "light", "dark"). Built by the entry point; not a singleton.
class ThemeController : public QObject
{
    Q_OBJECT
public:
    enum class Preference { System, Light, Dark };
    Q_ENUM(Preference)

    // Reads the saved choice from `settings` (not owned; may be null: nothing is kept) and
    // applies it.
    explicit ThemeController(QSettings *settings, QObject *parent = nullptr);

    Preference preference() const { return m_preference; }
    // Applies `preference` and saves it; changed() when the tokens changed.
    void setPreference(Preference preference);
    // The mode now on screen.
    Theme::Mode mode() const { return Theme::current().mode; }

    static QString name(Preference preference); // "system", "light", "dark"
    static Preference fromName(const QString &name); // System for anything else

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();
    Theme::Mode systemMode() const;

    QSettings *m_settings;
    Preference m_preference = Preference::System;
    QPalette m_systemPalette;
    QString m_systemStyle;
    bool m_applying = false;
};

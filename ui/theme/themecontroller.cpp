#include "ui/theme/themecontroller.h"

#include <QApplication>
#include <QEvent>
#include <QSettings>
#include <QStyle>
#include <QStyleHints>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace {
const auto settingsKey = u"appearance/theme"_s;
}

ThemeController::ThemeController(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_systemPalette(QApplication::palette())
    , m_systemStyle(QApplication::style() ? QApplication::style()->name() : QString())
{
    if (m_settings)
        m_preference = fromName(m_settings->value(settingsKey).toString());
    qApp->installEventFilter(this);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (m_preference == Preference::System)
            apply();
    });
#endif
    if (m_preference != Preference::System || systemMode() != Theme::modeOf(m_systemPalette))
        apply();
}

void ThemeController::setPreference(Preference preference)
{
    if (m_settings)
        m_settings->setValue(settingsKey, name(preference));
    if (preference == m_preference)
        return;
    m_preference = preference;
    apply();
}

QString ThemeController::name(Preference preference)
{
    switch (preference) {
    case Preference::Light:
        return u"light"_s;
    case Preference::Dark:
        return u"dark"_s;
    case Preference::System:
        break;
    }
    return u"system"_s;
}

ThemeController::Preference ThemeController::fromName(const QString &name)
{
    if (name == u"light"_s)
        return Preference::Light;
    if (name == u"dark"_s)
        return Preference::Dark;
    return Preference::System;
}

Theme::Mode ThemeController::systemMode() const
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // Some platforms say dark without giving a dark palette (Windows with its native style).
    switch (QGuiApplication::styleHints()->colorScheme()) {
    case Qt::ColorScheme::Dark:
        return Theme::Mode::Dark;
    case Qt::ColorScheme::Light:
        return Theme::Mode::Light;
    default:
        break;
    }
#endif
    return Theme::modeOf(m_systemPalette);
}

void ThemeController::apply()
{
    const Theme::Tokens before = Theme::current();
    const Theme::Mode system = systemMode();
    const Theme::Mode wanted = m_preference == Preference::Light ? Theme::Mode::Light
        : m_preference == Preference::Dark                       ? Theme::Mode::Dark
                                                                 : system;
    m_applying = true;
    const bool own = wanted != Theme::modeOf(m_systemPalette);
    const QString style = own ? u"Fusion"_s : m_systemStyle;
    if (!style.isEmpty() && QApplication::style()
        && QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(style);
    // An empty palette sets no role: the application's palette is the platform's again, and so
    // follows the system's later changes (a copy of it would pin today's colours).
    QApplication::setPalette(own ? Theme::palette(wanted) : QPalette());
    m_applying = false;
    if (!(Theme::current() == before))
        Q_EMIT changed();
}

bool ThemeController::eventFilter(QObject *watched, QEvent *event)
{
    // The system's palette changed (a desktop switched to dark) while following it.
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange && !m_applying
        && m_preference == Preference::System) {
        const Theme::Tokens before = Theme::current();
        m_systemPalette = QApplication::palette();
        if (!(Theme::current() == before))
            Q_EMIT changed();
    }
    return QObject::eventFilter(watched, event);
}

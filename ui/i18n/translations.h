#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

// The app's translations (German, French; embedded under :/i18n) and Qt's own (qtbase, from
// Qt's translations folder when installed), for one language. No widgets: the GUI's entry point
// calls it before it builds the window, tests with the language they check.
class Translations
{
public:
    // The language asked for: `requested` (--lang de) first, then the LANGUAGE environment
    // variable's first entry, then the system's.
    static QLocale chosenLocale(const QString &requested);
    // Installs the app's and Qt's translators for `locale` on `app` (they are its children).
    // Whether the app's own was found; English, the source language, has none and needs none.
    static bool install(QCoreApplication &app, const QLocale &locale);
};

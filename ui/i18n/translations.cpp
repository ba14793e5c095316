#include "ui/i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

QLocale Translations::chosenLocale(const QString &requested)
{
    if (!requested.isEmpty())
        return QLocale(requested);
    // LANGUAGE is a colon-separated list ("de:en"); the first entry decides.
    const QString language = qEnvironmentVariable("LANGUAGE").section(u':', 0, 0);
    if (!language.isEmpty())
        return QLocale(language);
    return QLocale::system();
}

bool Translations::install(QCoreApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(&app);
    if (own->load(locale, u"chartroom"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

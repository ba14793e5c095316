// The German and French translations (translations/*.ts, embedded under :/i18n): the real main
// window's menus, actions, composer and status bar in each language against hand-written
// strings, the store's errors in words, every message of both .ts files translated with its
// placeholders kept, and how the language is chosen (--lang, LANGUAGE). Screenshots
// lang-de.png and lang-fr.png.
#include "models/storeerror.h"
#include "models/transcriptmodel.h"
#include "tests/ui/mainwindowfixture.h"
#include "ui/composer.h"
#include "ui/errorbanner.h"
#include "ui/i18n/translations.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSqlError>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mainWindowSpeaksTheLanguage_data();
    void mainWindowSpeaksTheLanguage();
    void storeErrorsInWords_data();
    void storeErrorsInWords();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void languageIsChosen();
};

namespace {
QString menuTitles(MainWindow &window)
{
    QStringList titles;
    for (QAction *menu : window.menuBar()->actions())
        titles << menu->text();
    return titles.join(u'|');
}

QString actionText(MainWindow &window, const QString &name)
{
    auto *action = window.findChild<QAction *>(name);
    return action ? action->text() : u"(no "_s + name + u')';
}
} // namespace

void TestTranslations::mainWindowSpeaksTheLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("menus");
    QTest::addColumn<QStringList>("actions"); // objectName=text
    QTest::addColumn<QString>("send");
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("noBackendError");
    QTest::addColumn<QString>("errorDescription");
    QTest::newRow("German") << u"de"_s << u"&Datei|&Unterhaltung|&Bearbeiten|&Hilfe"_s
                            << QStringList { u"actionNew=&Neue Unterhaltung"_s,
                                   u"actionQuit=&Beenden"_s, u"actionExport=&Exportieren …"_s,
                                   u"actionSearch=Verlauf &durchsuchen"_s,
                                   u"actionStopAnswer=Antwort an&halten"_s,
                                   u"actionSettings=&Einstellungen …"_s }
                            << u"Senden"_s << u"Kein Backend eingerichtet"_s
                            << u"Kein Backend "
                               u"eingerichtet: Fügen Sie in den Einstellungen eines hinzu, um "
                               u"Antworten zu erhalten. Ihre Frage wurde gespeichert."_s
                            << u"Fehler: "_s;
    QTest::newRow("French") << u"fr"_s << u"&Fichier|&Conversation|É&dition|&Aide"_s
                            << QStringList { u"actionNew=&Nouvelle conversation"_s,
                                   u"actionQuit=&Quitter"_s, u"actionExport=&Exporter…"_s,
                                   u"actionSearch=&Rechercher dans l’historique"_s,
                                   u"actionStopAnswer=&Arrêter la réponse"_s,
                                   u"actionSettings=&Paramètres…"_s }
                            << u"Envoyer"_s << u"Aucun backend configuré"_s
                            << u"Aucun backend "
                               u"configuré : ajoutez-en un dans les Paramètres pour obtenir des "
                               u"réponses. Votre question a été enregistrée."_s
                            << u"Erreur : "_s;
}

void TestTranslations::mainWindowSpeaksTheLanguage()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), u"chartroom"_s, u"_"_s, u":/i18n"_s));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    MainWindowFixture f;
    auto window = f.makeWindow();
    window->resize(1100, 700);
    QVERIFY(showAndActivate(window.get()));
    QFETCH(QString, menus);
    QCOMPARE(menuTitles(*window), menus);
    QFETCH(QStringList, actions);
    for (const QString &expected : actions) {
        const QString name = expected.section(u'=', 0, 0);
        QCOMPARE(actionText(*window, name), expected.section(u'=', 1));
    }
    QFETCH(QString, send);
    QCOMPARE(window->composer()->sendButton()->text(), send);
    QFETCH(QString, backend);
    QCOMPARE(window->findChild<QLabel *>(u"backendLabel"_s)->text(), backend);

    // A question typed and sent with no backend: the chat session's refusal, in the language.
    QTest::keyClicks(window->composer()->editor(), u"Show monthly revenue as a line chart"_s);
    QTest::keyClick(window->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QFETCH(QString, noBackendError);
    // The answer is stored as an error, and a screen reader hears it with its status.
    TranscriptModel *transcript = window->transcriptModel();
    QTRY_COMPARE(transcript->rowCount(), 2);
    const QModelIndex answer = transcript->index(1);
    QCOMPARE(answer.data(TranscriptModel::ErrorRole).toString(), noBackendError);
    QFETCH(QString, errorDescription);
    QCOMPARE(
        answer.data(Qt::AccessibleDescriptionRole).toString(), errorDescription + noBackendError);
    QTest::qWait(50);
    const QString shot = u"/tmp/lang-"_s + language + u".png"_s;
    QVERIFY(window->grab().save(shot));
    QVERIFY(window->grab().save(screenshotPath(u"lang-"_s + language + u".png"_s)));
}

void TestTranslations::storeErrorsInWords_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("code"); // SQLite's primary result code
    QTest::addColumn<QString>("expected");
    QTest::newRow("de disk full")
        << u"de"_s << u"13"_s
        << u"Speichern: Der Datenträger ist voll. Geben Sie Speicherplatz frei und versuchen Sie "
           u"es erneut; nichts bereits Gespeichertes ging verloren."_s;
    QTest::newRow("de read-only") << u"de"_s << u"8"_s
                                  << u"Speichern: Die Verlaufsdatenbank ist schreibgeschützt."_s;
    QTest::newRow("fr damaged") << u"fr"_s << u"11"_s
                                << u"Speichern : la base de données de l’historique est "
                                   u"endommagée ou n’est pas une base de données."_s;
    QTest::newRow("fr other") << u"fr"_s << u"1"_s << u"Speichern a échoué."_s;
}

void TestTranslations::storeErrorsInWords()
{
    QFETCH(QString, language);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), u"chartroom"_s, u"_"_s, u":/i18n"_s));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QSqlError error(u"driver"_s, u"database"_s, QSqlError::StatementError, code);
    QCOMPARE(storeErrorFromSql(error, u"Speichern"_s).message, expected);
}

void TestTranslations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("German") << u"translations/chartroom_de.ts"_s;
    QTest::newRow("French") << u"translations/chartroom_fr.ts"_s;
}

// Read from the source tree: no message unfinished, empty or obsolete, and the same
// placeholders (%1, %2, %n) in the source and its translation.
void TestTranslations::everyMessageIsTranslated()
{
    QFETCH(QString, file);
    QFile ts(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR") + u'/' + file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
    static const QRegularExpression placeholder(u"%(\\d+|n)"_s);
    const auto placeholders = [](const QString &text) {
        QStringList found;
        for (const QRegularExpressionMatch &m : placeholder.globalMatch(text))
            found << m.captured();
        found.sort();
        return found;
    };
    QXmlStreamReader xml(&ts);
    QString source;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "source"_L1) {
            source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            ++messages;
            const QString type = xml.attributes().value("type"_L1).toString();
            QVERIFY2(type.isEmpty(), qPrintable(type + u": "_s + source));
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            QVERIFY2(!text.trimmed().isEmpty(), qPrintable(u"empty: "_s + source));
            if (!source.contains(u"%n"_s))
                QCOMPARE(placeholders(text), placeholders(source));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 100, qPrintable(QString::number(messages)));
}

void TestTranslations::languageIsChosen()
{
    qputenv("LANGUAGE", "fr:de");
    QCOMPARE(Translations::chosenLocale(u"de"_s).language(), QLocale::German); // --lang first
    QCOMPARE(Translations::chosenLocale({}).language(), QLocale::French); // then LANGUAGE
    qunsetenv("LANGUAGE");
    QCOMPARE(Translations::chosenLocale({}), QLocale::system());

    QVERIFY(Translations::install(*qApp, QLocale(QLocale::German)));
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&Datei"_s);
    qDeleteAll(qApp->findChildren<QTranslator *>()); // uninstalls them
    QVERIFY(!Translations::install(*qApp, QLocale(QLocale::English))); // the source language
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&File"_s);
    qDeleteAll(qApp->findChildren<QTranslator *>());
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

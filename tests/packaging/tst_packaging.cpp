// The app icon and the install tree (issue 16.2, 16.3). The real `chartroom` (offscreen) reports
// whether its window has an icon (CHARTROOM_STARTUP_REPORT's window_icon); `cmake --install`
// of this build into a temporary prefix gives the tree the .deb is made of, in which the names
// the .desktop file and the AppStream metainfo give (Icon=, <icon>, <launchable>, <id>) must be
// files that exist: every hicolor size as a PNG of that size, the SVG, the man pages (gzipped,
// naming every option the binaries' --help lists) and the copyright file. The validators
// (appstreamcli, desktop-file-validate) check the installed files when they are there.
#include "tests/support/processrun.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
const QString appId = u"io.chartroom.Chartroom"_s;

using Run = ProcessRun;
// cmake --install, the app and the validators: two minutes each at most.
Run run(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runProcess(program, arguments, env, 120000);
}

// The value of `key` in the [Desktop Entry] group of a .desktop file.
QString desktopValue(const QString &file, const QString &key)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
        if (line.startsWith(key + u'='))
            return line.mid(key.size() + 1).trimmed();
    }
    return {};
}

// The text of the first element `name` of an XML file whose `type` is `type` (any if empty).
QString xmlText(const QString &file, const QString &name, const QString &type = {})
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == name
            && (type.isEmpty() || xml.attributes().value(u"type"_s) == type))
            return xml.readElementText().trimmed();
    }
    return {};
}

// The long options a --help text lists ("--data-dir <DIR>" -> "--data-dir").
QStringList longOptions(const QByteArray &help)
{
    QStringList options;
    static const QRegularExpression option(u"(?<![\\w-])--[a-z][a-z-]+"_s);
    for (const QRegularExpressionMatch &m : option.globalMatch(QString::fromUtf8(help)))
        if (!options.contains(m.captured()))
            options << m.captured();
    return options;
}
} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void windowIcon();
    void namesMatchFiles();
    void hicolorPngs_data();
    void hicolorPngs();
    void documents_data();
    void documents();
    void manPageOptions_data();
    void manPageOptions();
    void validators_data();
    void validators();

private:
    QString installed(const QString &path) const { return QDir(m_prefix.path()).filePath(path); }
    QString iconName() const
    {
        return desktopValue(installed(u"share/applications/"_s + appId + u".desktop"_s), u"Icon"_s);
    }

    QTemporaryDir m_prefix;
};

void TestPackaging::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    const Run install = run(qEnvironmentVariable("CMAKE_COMMAND"),
        { u"--install"_s, qEnvironmentVariable("CHARTROOM_BUILD_DIR"), u"--prefix"_s,
            m_prefix.path() });
    QVERIFY2(install.exitCode == 0, install.err.constData());
}

// The real window, offscreen, once it has painted: its icon draws at 16 px.
void TestPackaging::windowIcon()
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_DIRS"_s, home.filePath(u"nothing"_s)); // not an installed theme icon
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
    env.insert(u"CHARTROOM_STARTUP_REPORT"_s, u"1"_s);
    const Run app = run(
        qEnvironmentVariable("CHARTROOM_GUI"), { u"--data-dir"_s, home.filePath(u"data"_s) }, env);
    QVERIFY2(app.exitCode == 0, app.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(app.out.trimmed()).object();
    QVERIFY2(report.contains(u"window_icon"_s), app.out.constData());
    QCOMPARE(report.value(u"window_icon"_s).toBool(), true);
}

// The .desktop file's name, Icon= and the metainfo's id, launchable and icon are one id.
void TestPackaging::namesMatchFiles()
{
    const QString desktop = installed(u"share/applications/"_s + appId + u".desktop"_s);
    const QString metainfo = installed(u"share/metainfo/"_s + appId + u".metainfo.xml"_s);
    QVERIFY2(QFile::exists(desktop), qPrintable(desktop));
    QVERIFY2(QFile::exists(metainfo), qPrintable(metainfo));
    QCOMPARE(iconName(), appId);
    QCOMPARE(xmlText(metainfo, u"id"_s), appId);
    QCOMPARE(xmlText(metainfo, u"launchable"_s, u"desktop-id"_s), appId + u".desktop"_s);
    QCOMPARE(xmlText(metainfo, u"icon"_s, u"stock"_s), appId);
    QCOMPARE(desktopValue(desktop, u"Exec"_s).section(u' ', 0, 0), u"chartroom"_s);
    QVERIFY(QFile::exists(installed(u"bin/chartroom"_s)));
    QVERIFY(QFile::exists(installed(u"bin/chartroom-cli"_s)));
    const QString svg = installed(u"share/icons/hicolor/scalable/apps/"_s + iconName() + u".svg"_s);
    QVERIFY2(QFile::exists(svg), qPrintable(svg));
}

void TestPackaging::hicolorPngs_data()
{
    QTest::addColumn<int>("size");
    for (int size : { 16, 22, 24, 32, 48, 64, 128, 256, 512 })
        QTest::addRow("%dx%d", size, size) << size;
}

// share/icons/hicolor/NxN/apps/<Icon>.png is an N x N picture with something drawn in it.
void TestPackaging::hicolorPngs()
{
    QFETCH(int, size);
    const QString file
        = installed(u"share/icons/hicolor/%1x%1/apps/"_s.arg(size) + iconName() + u".png"_s);
    const QImage image(file);
    QVERIFY2(!image.isNull(), qPrintable(file));
    QCOMPARE(image.size(), QSize(size, size));
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int opaque = 0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x)
            opaque += qAlpha(argb.pixel(x, y)) > 128 ? 1 : 0;
    QVERIFY2(opaque > size * size / 3, qPrintable(u"%1 opaque pixels"_s.arg(opaque)));
}

void TestPackaging::documents_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("copyright") << u"share/doc/chartroom/copyright"_s
                               << QByteArray("Format: https://www.debian.org/doc/"
                                             "packaging-manuals/copyright-format/1.0/\n");
    QTest::newRow("chartroom.1") << u"share/man/man1/chartroom.1.gz"_s << QByteArray("\x1f\x8b");
    QTest::newRow("chartroom-cli.1")
        << u"share/man/man1/chartroom-cli.1.gz"_s << QByteArray("\x1f\x8b");
}

void TestPackaging::documents()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, start);
    QFile file(installed(path));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(file.read(start.size()), start);
}

void TestPackaging::manPageOptions_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("page");
    const QString gui = qEnvironmentVariable("CHARTROOM_GUI");
    const QString cli = qEnvironmentVariable("CHARTROOM_CLI");
    QTest::newRow("chartroom") << gui << QStringList { u"--help"_s } << u"chartroom.1"_s;
    QTest::newRow("chartroom-cli") << cli << QStringList { u"--help"_s } << u"chartroom-cli.1"_s;
    for (const QString &command : { u"ask"_s, u"sync"_s, u"serve"_s, u"import"_s, u"export"_s })
        QTest::addRow("chartroom-cli %s", qPrintable(command))
            << cli << QStringList { command, u"--help"_s } << u"chartroom-cli.1"_s;
}

// Every long option the program's --help lists is in its man page (roff writes - as \-).
void TestPackaging::manPageOptions()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, page);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const Run help = run(program, arguments, env);
    QCOMPARE(help.exitCode, 0);
    const QStringList options = longOptions(help.out);
    QVERIFY2(options.size() >= 3, help.out.constData());
    QFile source(QDir(qEnvironmentVariable("CHARTROOM_TEST_SOURCE_DIR"))
                     .filePath(u"packaging/man/"_s + page));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QString roff = QString::fromUtf8(source.readAll()).replace(u"\\-"_s, u"-"_s);
    for (const QString &option : options)
        QVERIFY2(roff.contains(option), qPrintable(page + u" lacks "_s + option));
}

void TestPackaging::validators_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("appstreamcli") << u"appstreamcli"_s
                                  << QStringList { u"validate"_s, u"--no-net"_s,
                                         u"share/metainfo/"_s + appId + u".metainfo.xml"_s };
    QTest::newRow("desktop-file-validate")
        << u"desktop-file-validate"_s
        << QStringList { u"share/applications/"_s + appId + u".desktop"_s };
}

// The installed files pass Debian's validators (scripts/install-deps.sh installs them).
void TestPackaging::validators()
{
    QFETCH(QString, tool);
    QFETCH(QStringList, arguments);
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty())
        QSKIP(qPrintable(tool + u" is not installed (scripts/install-deps.sh)"_s));
    arguments.last() = installed(arguments.last());
    const Run check = run(program, arguments);
    QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
    // desktop-file-validate says nothing when all is well, hints included.
    if (tool == u"desktop-file-validate")
        QVERIFY2(check.out.trimmed().isEmpty(), check.out.constData());
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"

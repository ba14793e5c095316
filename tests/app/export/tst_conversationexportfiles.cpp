// ConversationExporter's files and names: unwritable paths and unknown or deleted conversations
// are errors in words, an existing file is replaced leaving no temporaries, and format names,
// file names and name filters map to their formats.

#include "app/export/conversationexporter.h"
#include "tests/app/export/exportersuite.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ExportError::Code)
Q_DECLARE_METATYPE(ExportFormat)

class TestConversationExportFiles : public ExporterSuite
{
    Q_OBJECT

private Q_SLOTS:
    void unwritablePath_data();
    void unwritablePath();
    void replacesAnExistingFileLeavingNoTemporaries();
    void unknownOrDeletedConversation();
    void formatNames_data();
    void formatNames();
};

void TestConversationExportFiles::unwritablePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<ExportError::Code>("code");
    QTest::addColumn<QString>("reason");
    const QString dir = m_out.path();
    QTest::newRow("missing folder")
        << dir + u"/no/such/folder/c.html" << ExportError::Code::FolderMissing
        << u"the folder " + dir + u"/no/such/folder does not exist.";
    QTest::newRow("parent is a file") << dir + u"/file.txt/c.html" << ExportError::Code::NotAFolder
                                      << dir + u"/file.txt is not a folder.";
    QTest::newRow("target is a folder")
        << dir + u"/folder" << ExportError::Code::CannotWrite << u"it is a folder."_s;
    QTest::newRow("read-only folder")
        << dir + u"/readonly/c.html" << ExportError::Code::PermissionDenied
        << u"Permission denied."_s;
}

void TestConversationExportFiles::unwritablePath()
{
    QFETCH(QString, path);
    QFETCH(ExportError::Code, code);
    QFETCH(QString, reason);
    QFile file(m_out.filePath(u"file.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(QDir(m_out.path()).mkpath(u"folder"_s));
    QVERIFY(QDir(m_out.path()).mkpath(u"readonly"_s));
    QVERIFY(
        QFile::setPermissions(m_out.filePath(u"readonly"_s), QFile::ReadOwner | QFile::ExeOwner));
    if (code == ExportError::Code::PermissionDenied && ::geteuid() == 0)
        QSKIP("root may write into a read-only folder");

    for (ExportFormat format : ExportFormats::all()) {
        const ExportStatus error = ConversationExporter().exportToFile(
            *m_fixture->store.repository, m_fixture->conversationId, format, path);
        QVERIFY(error);
        QCOMPARE(error->code, code);
        QCOMPARE(error->message, u"Cannot write " + path + u": " + reason);
        QVERIFY(!QFileInfo(path).isFile());
    }
    QVERIFY(QFile::setPermissions(
        m_out.filePath(u"readonly"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestConversationExportFiles::replacesAnExistingFileLeavingNoTemporaries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.json"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents");
    old.close();
    QVERIFY(!ConversationExporter().exportToFile(
        *m_fixture->store.repository, m_fixture->conversationId, ExportFormat::Json, path));
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { u"report.json"_s });
    QFile now(path);
    QVERIFY(now.open(QIODevice::ReadOnly));
    QVERIFY(now.readAll().startsWith("{"));
}

void TestConversationExportFiles::unknownOrDeletedConversation()
{
    ExportFixture fixture; // its conversation is deleted below
    const Repository &repository = *fixture.store.repository;
    const QString path = m_out.filePath(u"none.md"_s);
    ExportStatus error
        = ConversationExporter().exportToFile(repository, 9999, ExportFormat::Markdown, path);
    QVERIFY(error);
    QCOMPARE(error->code, ExportError::Code::NotFound);
    QCOMPARE(error->message, u"Conversation 9999 does not exist."_s);
    QVERIFY(!QFile::exists(path));

    QVERIFY(!fixture.store.repository->deleteConversation(fixture.conversationId));
    error = ConversationExporter().exportToFile(
        repository, fixture.conversationId, ExportFormat::Html, path);
    QVERIFY(error);
    QCOMPARE(error->code, ExportError::Code::Deleted);
    QCOMPARE(error->message, u"Conversation %1 was deleted."_s.arg(fixture.conversationId));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!ConversationExporter::markdown(repository, fixture.conversationId));
}

void TestConversationExportFiles::formatNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("md") << u"md"_s << true << ExportFormat::Markdown;
    QTest::newRow("markdown") << u"Markdown"_s << true << ExportFormat::Markdown;
    QTest::newRow("html") << u"HTML"_s << true << ExportFormat::Html;
    QTest::newRow("htm") << u"htm"_s << true << ExportFormat::Html;
    QTest::newRow("pdf") << u"pdf"_s << true << ExportFormat::Pdf;
    QTest::newRow("json") << u"json"_s << true << ExportFormat::Json;
    QTest::newRow("docx") << u"docx"_s << false << ExportFormat::Markdown;
    QTest::newRow("empty") << QString() << false << ExportFormat::Markdown;
}

void TestConversationExportFiles::formatNames()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(ExportFormat, format);
    ExportFormat parsed = ExportFormat::Markdown;
    QCOMPARE(ExportFormats::fromName(name, &parsed), known);
    QCOMPARE(parsed, format);
    QCOMPARE(ExportFormats::fromFileName(u"/tmp/report." + name, &parsed), known);
    if (known) {
        QCOMPARE(ExportFormats::fromName(ExportFormats::name(format), &parsed), true);
        QCOMPARE(parsed, format);
        ExportFormat fromFilter = ExportFormat::Json;
        QVERIFY(ExportFormats::fromNameFilter(ExportFormats::nameFilter(format), &fromFilter));
        QCOMPARE(fromFilter, format);
    }
}

QTEST_MAIN(TestConversationExportFiles)
#include "tst_conversationexportfiles.moc"

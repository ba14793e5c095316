// The main window's Conversation ▸ Export… and Copy as Markdown, driven like a user would:
// shortcuts, the (non-native) file dialog, the clipboard and the error message box.

#include "app/export/exportformat.h"
#include "tests/ui/windowfixture.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ExportFormat)

class TestExportActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void disabledWithoutConversation();
    void copyAsMarkdown();
    void exportThroughTheDialog_data();
    void exportThroughTheDialog();
    void exportErrorIsShownInWords();

private:
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }

    std::unique_ptr<WindowFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_conversation = 0;
    QTemporaryDir m_dir;
};

void TestExportActions::init()
{
    m_fixture = std::make_unique<WindowFixture>();
    m_conversation = m_fixture->store.addConversation(u"Revenue review Q2"_s, 4);
    QVERIFY(m_conversation > 0);
    m_window = m_fixture->makeWindow();
    QVERIFY(showAndActivate(m_window.get()));
}

void TestExportActions::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

void TestExportActions::disabledWithoutConversation()
{
    m_window->openConversation(0);
    QVERIFY(!action(u"actionExport"_s)->isEnabled());
    QVERIFY(!action(u"actionCopyMarkdown"_s)->isEnabled());
    m_window->openConversation(m_conversation);
    QVERIFY(action(u"actionExport"_s)->isEnabled());
    QVERIFY(action(u"actionCopyMarkdown"_s)->isEnabled());
}

void TestExportActions::copyAsMarkdown()
{
    m_window->openConversation(m_conversation);
    QApplication::clipboard()->clear();
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime);
    const QString text = mime->text();
    QVERIFY2(text.startsWith(u"# Revenue review Q2\n"_s), qPrintable(text));
    QCOMPARE(text.count(u"\n### You · "_s), 2);
    QCOMPARE(text.count(u"\n### Assistant · "_s), 2);
    QVERIFY(text.contains(u"message 4"_s));
    QCOMPARE(QString::fromUtf8(mime->data(u"text/markdown"_s)), text);
}

void TestExportActions::exportThroughTheDialog_data()
{
    QTest::addColumn<ExportFormat>("filter");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("written");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::newRow("html") << ExportFormat::Html << u"a.html"_s << u"a.html"_s
                          << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << ExportFormat::Pdf << u"a.pdf"_s << u"a.pdf"_s << QByteArray("%PDF-");
    QTest::newRow("markdown") << ExportFormat::Markdown << u"a.md"_s << u"a.md"_s
                              << QByteArray("# Revenue review Q2");
    QTest::newRow("json") << ExportFormat::Json << u"a.json"_s << u"a.json"_s << QByteArray("{");
    QTest::newRow("suffix from the filter")
        << ExportFormat::Json << u"report"_s << u"report.json"_s << QByteArray("{");
    QTest::newRow("name beats the filter")
        << ExportFormat::Html << u"notes.md"_s << u"notes.md"_s << QByteArray("# Revenue");
}

void TestExportActions::exportThroughTheDialog()
{
    QFETCH(ExportFormat, filter);
    QFETCH(QString, fileName);
    QFETCH(QString, written);
    QFETCH(QByteArray, startsWith);
    m_window->openConversation(m_conversation);
    QStringList filters;
    QString suggested;
    const QString dir = m_dir.path();
    answerDialog<QFileDialog>([&, dir](QFileDialog *dialog) {
        filters = dialog->nameFilters();
        suggested = dialog->selectedFiles().value(0);
        dialog->selectNameFilter(ExportFormats::nameFilter(filter));
        Q_EMIT dialog->filterSelected(ExportFormats::nameFilter(filter));
        // Type the name, as a user would (selecting a filter rewrites the suggested name).
        auto *edit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
        QVERIFY(edit);
        edit->setText(dir + u'/' + fileName);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as the Save button
    });
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(filters.size(), 4);
    QVERIFY2(suggested.endsWith(u"/Revenue review Q2.html"_s), qPrintable(suggested));
    QFile file(m_dir.filePath(written));
    // The export runs on a worker thread (issue 13.3): the file appears when it is done.
    QTRY_VERIFY2(file.exists(), qPrintable(file.fileName()));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QVERIFY(file.readAll().startsWith(startsWith));
    file.remove();
}

void TestExportActions::exportErrorIsShownInWords()
{
    m_window->openConversation(m_conversation);
    const QString path = m_dir.filePath(u"gone/a.html"_s);
    QString message;
    answerDialog<QFileDialog>([&](QFileDialog *dialog) {
        answerDialog<QMessageBox>([&](QMessageBox *box) {
            message = box->text();
            box->accept();
        });
        dialog->findChild<QLineEdit *>(u"fileNameEdit"_s)->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as the Save button
    });
    m_window->exportConversation();
    QTRY_VERIFY2(message.contains(u"Cannot write " + path + u": the folder "), qPrintable(message));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestExportActions)
#include "tst_exportactions.moc"

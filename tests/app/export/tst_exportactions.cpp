// The main window's Conversation ▸ Export… and Copy as Markdown, driven like a user would:
// shortcuts, the (non-native) file dialog, the clipboard and the error message box.

#include "exportformat.h"
#include "windowfixture.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>

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
    m_conversation = m_fixture->store.addConversation(u"Revenue review Q2"_qs, 4);
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
    QVERIFY(!action(u"actionExport"_qs)->isEnabled());
    QVERIFY(!action(u"actionCopyMarkdown"_qs)->isEnabled());
    m_window->openConversation(m_conversation);
    QVERIFY(action(u"actionExport"_qs)->isEnabled());
    QVERIFY(action(u"actionCopyMarkdown"_qs)->isEnabled());
}

void TestExportActions::copyAsMarkdown()
{
    m_window->openConversation(m_conversation);
    QApplication::clipboard()->clear();
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime);
    const QString text = mime->text();
    QVERIFY2(text.startsWith(u"# Revenue review Q2\n"_qs), qPrintable(text));
    QCOMPARE(text.count(u"\n### You · "_qs), 2);
    QCOMPARE(text.count(u"\n### Assistant · "_qs), 2);
    QVERIFY(text.contains(u"message 4"_qs));
    QCOMPARE(QString::fromUtf8(mime->data(u"text/markdown"_qs)), text);
}

void TestExportActions::exportThroughTheDialog_data()
{
    QTest::addColumn<ExportFormat>("filter");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("written");
    QTest::addColumn<QByteArray>("startsWith");
    QTest::newRow("html") << ExportFormat::Html << u"a.html"_qs << u"a.html"_qs
                          << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << ExportFormat::Pdf << u"a.pdf"_qs << u"a.pdf"_qs << QByteArray("%PDF-");
    QTest::newRow("markdown") << ExportFormat::Markdown << u"a.md"_qs << u"a.md"_qs
                              << QByteArray("# Revenue review Q2");
    QTest::newRow("json") << ExportFormat::Json << u"a.json"_qs << u"a.json"_qs << QByteArray("{");
    QTest::newRow("suffix from the filter")
        << ExportFormat::Json << u"report"_qs << u"report.json"_qs << QByteArray("{");
    QTest::newRow("name beats the filter")
        << ExportFormat::Html << u"notes.md"_qs << u"notes.md"_qs << QByteArray("# Revenue");
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
        auto *edit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_qs);
        QVERIFY(edit);
        edit->setText(dir + u'/' + fileName);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as the Save button
    });
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(filters.size(), 4);
    QVERIFY2(suggested.endsWith(u"/Revenue review Q2.html"_qs), qPrintable(suggested));
    QFile file(m_dir.filePath(written));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QVERIFY(file.readAll().startsWith(startsWith));
    file.remove();
}

void TestExportActions::exportErrorIsShownInWords()
{
    m_window->openConversation(m_conversation);
    const QString path = m_dir.filePath(u"gone/a.html"_qs);
    QString message;
    answerDialog<QFileDialog>([&](QFileDialog *dialog) {
        answerDialog<QMessageBox>([&](QMessageBox *box) {
            message = box->text();
            box->accept();
        });
        dialog->findChild<QLineEdit *>(u"fileNameEdit"_qs)->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as the Save button
    });
    m_window->exportConversation();
    QVERIFY2(message.contains(u"Cannot write " + path + u": the folder "), qPrintable(message));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestExportActions)
#include "tst_exportactions.moc"

// CSV import: File ▸ Import CSV… in the real window with its dialogs answered (the threaded
// importer on its own: tests/app/core/tst_csvimporter).
#include "app/core/csvimporter.h"
#include "app/datasets/datasetstore.h"
#include "tests/support/csvfixture.h"
#include "tests/ui/windowfixture.h"
#include "ui/csvimportflow.h"

#include <QAction>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace {
// As a person would: types the path into Qt's own file dialog and presses Open.
void typeFileName(QFileDialog *dialog, const QString &path)
{
    auto *edit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(edit);
    edit->setText(path);
    static_cast<QDialog *>(dialog)->accept(); // public in QDialog
}
} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importFromTheFileMenu();
    void badFileFromTheFileMenu();
    void cancelFromTheProgressDialog();
    void closingTheWindowCancels();
    void exampleQuestion();
};

void TestCsvImport::importFromTheFileMenu()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"sales.csv"_s), 300000);
    QVERIFY(!csv.isEmpty());

    WindowFixture f;
    CsvImporter importer(data.path());
    auto window = f.makeWindow();
    QAction *action = window->findChild<QAction *>(u"actionImportCsv"_s);
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // no importer yet
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QMenu *fileMenu = window->menuBar()->actions().constFirst()->menu();
    QVERIFY(fileMenu && fileMenu->actions().contains(action));
    window->setCsvImporter(&importer);
    QVERIFY(action->isEnabled());
    QVERIFY(showAndActivate(window.get()));

    QStringList filters;
    answerDialog<QFileDialog>([&](QFileDialog *dialog) {
        filters = dialog->nameFilters();
        typeFileName(dialog, csv);
    });
    QString suggested;
    answerDialog<QInputDialog>([&](QInputDialog *dialog) {
        suggested = dialog->textValue();
        dialog->setTextValue(u"Big sales"_s);
        dialog->accept();
    });
    QTest::keyClick(window.get(), Qt::Key_I, Qt::ControlModifier);
    QVERIFY(filters.join(u';').contains(u"*.csv *.tsv *.txt"_s));
    QCOMPARE(suggested, u"sales"_s);
    QVERIFY(importer.isRunning());
    QVERIFY(!action->isEnabled()); // one import at a time

    // Mid-import: the dialog shows how far it got while the window goes on handling events.
    QProgressDialog *dialog = window->csvImportFlow()->progressDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->labelText(), u"Importing sales.csv…"_s);
    QVERIFY(!dialog->isModal());
    // Shown at once (a fast machine may finish within the usual delay); the picture is taken as
    // progress arrives, after the dialog has shown it.
    dialog->setMinimumDuration(0);
    QImage midImport;
    int shotAt = -1;
    connect(&importer, &CsvImporter::progress, dialog, [&shotAt, &midImport, dialog](int percent) {
        if (shotAt < 0 && percent >= 20 && percent < 100 && dialog->isVisible()) {
            QCOMPARE(dialog->value(), percent);
            shotAt = percent;
            midImport = dialog->grab().toImage();
        }
    });

    QString text;
    QString details;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    answerDialog<QMessageBox>([&](QMessageBox *box) {
        text = box->text();
        details = box->informativeText();
        icon = box->icon();
        QVERIFY(box->grab().save(screenshotPath(u"import-done.png"_s)));
        box->accept();
    });
    QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 60000);
    QCOMPARE(icon, QMessageBox::Information);
    QVERIFY2(text.contains(u"“Big sales”"_s), qPrintable(text));
    QVERIFY2(text.contains(u"3 columns"_s), qPrintable(text));
    QVERIFY2(details.contains(u"Date — date\nRegion — category\nRevenue — numeric"_s),
        qPrintable(details));
    QVERIFY2(details.contains(u"Ask about it, e.g. “Show monthly Revenue as a line chart”."_s),
        qPrintable(details));
    QTRY_VERIFY(!window->csvImportFlow()->progressDialog());
    QVERIFY(action->isEnabled());
    QVERIFY2(shotAt >= 20, "no progress seen mid-import");
    QVERIFY(midImport.save(screenshotPath(u"import-progress.png"_s)));

    const QList<DatasetSchema> stored = datasetsIn(data.path());
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().name, u"Big sales"_s);
    QCOMPARE(stored.constFirst().rowCount, 300000);
}

void TestCsvImport::badFileFromTheFileMenu()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"ragged.csv"_s), 50, 7);
    QVERIFY(!csv.isEmpty());

    WindowFixture f;
    CsvImporter importer(data.path());
    auto window = f.makeWindow();
    window->setCsvImporter(&importer);
    QVERIFY(showAndActivate(window.get()));
    answerDialog<QFileDialog>([&](QFileDialog *dialog) { typeFileName(dialog, csv); });
    answerDialog<QInputDialog>([](QInputDialog *dialog) { dialog->accept(); });
    QString text;
    QString details;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    answerDialog<QMessageBox>([&](QMessageBox *box) {
        text = box->text();
        details = box->informativeText();
        icon = box->icon();
        box->accept();
    });
    window->importCsv();
    QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 30000);
    QCOMPARE(icon, QMessageBox::Warning);
    QVERIFY2(text.contains(u"ragged.csv"_s), qPrintable(text));
    QVERIFY2(details.contains(u"line 7 has 2 fields instead of 3"_s), qPrintable(details));
    QVERIFY(datasetsIn(data.path()).isEmpty());
    QTRY_VERIFY(window->findChild<QAction *>(u"actionImportCsv"_s)->isEnabled());
}

void TestCsvImport::cancelFromTheProgressDialog()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"large.csv"_s), 300000);
    QVERIFY(!csv.isEmpty());

    WindowFixture f;
    CsvImporter importer(data.path());
    auto window = f.makeWindow();
    window->setCsvImporter(&importer);
    QVERIFY(showAndActivate(window.get()));
    answerDialog<QFileDialog>([&](QFileDialog *dialog) { typeFileName(dialog, csv); });
    answerDialog<QInputDialog>([](QInputDialog *dialog) { dialog->accept(); });
    window->importCsv();
    QPointer<QProgressDialog> dialog = window->csvImportFlow()->progressDialog();
    QVERIFY(dialog);
    dialog->setMinimumDuration(0); // at once: a fast machine may finish within the usual delay
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible() && dialog->value() > 0, 60000);
    QSignalSpy cancelled(&importer, &CsvImporter::cancelled);
    QPushButton *cancel = dialog->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 30000);
    QTRY_VERIFY(!dialog);
    QCOMPARE(window->statusBar()->currentMessage(), u"Import cancelled; nothing was imported."_s);
    QVERIFY(window->findChild<QAction *>(u"actionImportCsv"_s)->isEnabled());
    QVERIFY(datasetsIn(data.path()).isEmpty());
    QCOMPARE(datasetTables(data.path()), 0);
}

void TestCsvImport::closingTheWindowCancels()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"large.csv"_s), 300000);
    QVERIFY(!csv.isEmpty());

    WindowFixture f;
    CsvImporter importer(data.path());
    auto window = f.makeWindow();
    window->setCsvImporter(&importer);
    QVERIFY(showAndActivate(window.get()));
    QSignalSpy progress(&importer, &CsvImporter::progress);
    QSignalSpy finished(&importer, &CsvImporter::finished);
    QVERIFY(importer.start(csv, u"Large"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60000);
    QVERIFY(window->close());
    QVERIFY(!importer.isRunning()); // cancelled, and its thread has ended
    window.reset();
    QCoreApplication::processEvents(); // the queued end of the run finds nothing left to do
    QCOMPARE(finished.count(), 0);
    QVERIFY(datasetsIn(data.path()).isEmpty());
    QCOMPARE(datasetTables(data.path()), 0);
}

void TestCsvImport::exampleQuestion()
{
    DatasetSchema d;
    d.name = u"Shops"_s;
    QCOMPARE(CsvImportFlow::exampleQuestion(d), u"What is in Shops?"_s);
    d.columns.append({ u"a"_s, u"Shop"_s, ColumnType::Hierarchy });
    QCOMPARE(CsvImportFlow::exampleQuestion(d), u"How many rows are there per Shop?"_s);
    d.columns.append({ u"b"_s, u"Sales"_s, ColumnType::Numeric });
    QCOMPARE(CsvImportFlow::exampleQuestion(d), u"Show Sales by Shop as a bar chart"_s);
    d.columns.append({ u"c"_s, u"Day"_s, ColumnType::Datetime });
    QCOMPARE(CsvImportFlow::exampleQuestion(d), u"Show monthly Sales as a line chart"_s);
}

QTEST_MAIN(TestCsvImport)
#include "tst_csvimport.moc"

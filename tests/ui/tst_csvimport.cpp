// CSV import: the threaded importer on its own (progress, bad rows, cancel) and File ▸ Import
// CSV… in the real window with its dialogs answered.
#include "app/core/csvimporter.h"
#include "app/datasets/datasetstore.h"
#include "tests/ui/windowfixture.h"
#include "ui/csvimportflow.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace {
// Date,Region,Revenue with `rows` data rows; a row after `raggedLine` - 1 lines misses a field.
QString writeSales(const QString &path, int rows, int raggedLine = 0)
{
    static const char *const regions[] = { "North", "South", "East", "West" };
    QByteArray csv = "Date,Region,Revenue\n";
    csv.reserve(rows * 32);
    const QDate first(2023, 1, 1);
    for (int i = 0; i < rows; ++i) {
        const int line = i + 2;
        csv += first.addDays(i % 730).toString(Qt::ISODate).toLatin1();
        csv += ',';
        csv += regions[i % 4];
        if (line != raggedLine) {
            csv += ',';
            csv += QByteArray::number(100 + (i * 37) % 900) + ".50";
        }
        csv += '\n';
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
        return {};
    return path;
}

// As a person would: types the path into Qt's own file dialog and presses Open.
void typeFileName(QFileDialog *dialog, const QString &path)
{
    auto *edit = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(edit);
    edit->setText(path);
    static_cast<QDialog *>(dialog)->accept(); // public in QDialog
}

QList<DatasetSchema> datasetsIn(const QString &directory)
{
    DatasetStore store;
    if (StoreStatus failed = store.open(directory)) {
        qWarning("%s", qUtf8Printable(failed->message));
        return {};
    }
    const auto all = store.datasets();
    return all ? *all : QList<DatasetSchema>();
}

// Tables of datasets left in the file (a half import would leave one).
int datasetTables(const QString &directory)
{
    DatasetStore store;
    if (store.open(directory))
        return -1;
    QSqlQuery q(store.connection());
    if (!q.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'd\\_%' "
                u"ESCAPE '\\'"_s)
        || !q.next())
        return -1;
    return q.value(0).toInt();
}

QList<int> percents(const QSignalSpy &spy)
{
    QList<int> values;
    for (const QList<QVariant> &args : spy)
        values.append(args.at(0).toInt());
    return values;
}
} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importsInTheBackground();
    void raggedRowFailsWithItsLine();
    void cancelImportsNothing();
    void importFromTheFileMenu();
    void badFileFromTheFileMenu();
    void cancelFromTheProgressDialog();
    void closingTheWindowCancels();
    void exampleQuestion();
};

void TestCsvImport::importsInTheBackground()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"sales.csv"_s), 300);
    QVERIFY(!csv.isEmpty());

    CsvImporter importer(data.path());
    QSignalSpy progress(&importer, &CsvImporter::progress);
    QSignalSpy finished(&importer, &CsvImporter::finished);
    QSignalSpy failed(&importer, &CsvImporter::failed);
    QSignalSpy running(&importer, &CsvImporter::runningChanged);
    QVERIFY(importer.start(csv, u"Sales 2024"_s));
    QVERIFY(importer.isRunning());
    QVERIFY(!importer.start(csv, u"Twice"_s)); // one import at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!importer.isRunning());
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.at(1).at(0).toBool(), false);

    const QList<int> values = percents(progress);
    QVERIFY(!values.isEmpty());
    QCOMPARE(values.constLast(), 100);
    for (qsizetype i = 1; i < values.size(); ++i)
        QVERIFY2(values.at(i) >= values.at(i - 1), "progress went backwards");

    const auto reported = finished.at(0).at(0).value<DatasetSchema>();
    QCOMPARE(reported.name, u"Sales 2024"_s);
    QCOMPARE(reported.rowCount, 300);

    // A fresh connection sees it.
    const QList<DatasetSchema> stored = datasetsIn(data.path());
    QCOMPARE(stored.size(), 1);
    const DatasetSchema &d = stored.constFirst();
    QCOMPARE(d.id, reported.id);
    QCOMPARE(d.name, u"Sales 2024"_s);
    QCOMPARE(d.rowCount, 300);
    QCOMPARE(d.columns.size(), 3);
    QCOMPARE(d.columns.at(0).name, u"Date"_s);
    QCOMPARE(d.columns.at(0).type, ColumnType::Datetime);
    QCOMPARE(d.columns.at(1).type, ColumnType::Hierarchy);
    QCOMPARE(d.columns.at(2).type, ColumnType::Numeric);

    // The importer can go again once done; an empty name takes the file's base name.
    QVERIFY(importer.start(csv));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(finished.at(1).at(0).value<DatasetSchema>().name, u"sales"_s);
}

void TestCsvImport::raggedRowFailsWithItsLine()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"ragged.csv"_s), 20, 7);
    QVERIFY(!csv.isEmpty());

    CsvImporter importer(data.path());
    QSignalSpy finished(&importer, &CsvImporter::finished);
    QSignalSpy failed(&importer, &CsvImporter::failed);
    QSignalSpy cancelled(&importer, &CsvImporter::cancelled);
    QVERIFY(importer.start(csv, u"Ragged"_s));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(u"line 7"_s), qPrintable(message));
    QVERIFY2(message.contains(u"Nothing was imported"_s), qPrintable(message));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(cancelled.count(), 0);
    QVERIFY(!importer.isRunning());
    QVERIFY(datasetsIn(data.path()).isEmpty());
    QCOMPARE(datasetTables(data.path()), 0);

    // A file that is not there says so.
    QVERIFY(importer.start(files.filePath(u"missing.csv"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 30000);
    QVERIFY(failed.at(1).at(0).toString().contains(u"does not exist"_s));
}

void TestCsvImport::cancelImportsNothing()
{
    QTemporaryDir files;
    QTemporaryDir data;
    const QString csv = writeSales(files.filePath(u"large.csv"_s), 300000);
    QVERIFY(!csv.isEmpty());

    CsvImporter importer(data.path());
    QSignalSpy progress(&importer, &CsvImporter::progress);
    QSignalSpy finished(&importer, &CsvImporter::finished);
    QSignalSpy failed(&importer, &CsvImporter::failed);
    QSignalSpy cancelled(&importer, &CsvImporter::cancelled);
    connect(&importer, &CsvImporter::progress, &importer, &CsvImporter::cancel);
    QVERIFY(importer.start(csv, u"Large"_s));
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!progress.isEmpty());
    QVERIFY(percents(progress).constFirst() < 100);
    QVERIFY(!importer.isRunning());
    QVERIFY(datasetsIn(data.path()).isEmpty());
    QCOMPARE(datasetTables(data.path()), 0);
}

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

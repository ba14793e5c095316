// Exporting a 10,000-message conversation (issue 13.3): the layout and the file are made off the
// GUI thread, so the event loop keeps turning (a 10 ms timer keeps firing), a window-modal
// progress dialog counts the messages, and Cancel stops the export and leaves no file.
#include "tests/support/bighistory.h"
#include "tests/support/tempstore.h"
#include "ui/conversationexportflow.h"

#include <QDir>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ExportFormat)

class TestExportProgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void exportKeepsTheWindowResponsive_data();
    void exportKeepsTheWindowResponsive();
    void cancelLeavesNoFile();

private:
    QProgressDialog *dialog() const
    {
        return m_window->findChild<QProgressDialog *>(u"exportProgress"_s);
    }

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<QWidget> m_window;
    ConversationExportFlow *m_flow = nullptr;
    qint64 m_id = 0;
    std::unique_ptr<QTemporaryDir> m_dir; // one per test: only its own files are in it
};

void TestExportProgress::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<TempStore>();
    QVERIFY2(m_store->error.isEmpty(), qPrintable(m_store->error));
    m_id = BigHistory::addLongConversation(*m_store->repository, u"Long"_s, 10000);
    QVERIFY(m_id != 0);
    m_window = std::make_unique<QWidget>();
    m_window->resize(800, 600);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_flow = new ConversationExportFlow(*m_store->repository, m_window.get());
}

void TestExportProgress::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

void TestExportProgress::exportKeepsTheWindowResponsive_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("html") << ExportFormat::Html << u"long.html"_s;
    QTest::newRow("pdf") << ExportFormat::Pdf << u"long.pdf"_s;
}

void TestExportProgress::exportKeepsTheWindowResponsive()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, fileName);
    const QString path = m_dir->filePath(fileName);

    int ticks = 0;
    int ticksAtFinish = -1;
    bool dialogSeen = false;
    QList<int> values; // the dialog's value at each tick, when it changed
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
        ++ticks;
        QProgressDialog *progress = dialog();
        if (progress && progress->isVisible()) {
            dialogSeen = true;
            QCOMPARE(progress->windowModality(), Qt::WindowModal);
            QCOMPARE(progress->maximum(), 10000);
            if (values.isEmpty() || values.constLast() != progress->value())
                values << progress->value();
        }
    });
    QSignalSpy finished(m_flow, &ConversationExportFlow::exportFinished);
    connect(m_flow, &ConversationExportFlow::exportFinished, this, [&] { ticksAtFinish = ticks; });
    timer.start(10);
    QVERIFY(m_flow->exportTo(m_id, format, path));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 280000);
    timer.stop();

    QCOMPARE(finished.at(0).at(0).toString(), path);
    QCOMPARE(finished.at(0).at(1).toBool(), false); // not cancelled
    QCOMPARE(finished.at(0).at(2).toString(), QString()); // no error
    // The event loop turned while the export ran: the 10 ms timer fired again and again.
    QVERIFY2(ticksAtFinish > 5, qPrintable(QString::number(ticksAtFinish)));
    QVERIFY(dialogSeen);
    QVERIFY2(values.size() >= 2, qPrintable(QString::number(values.size())));
    for (qsizetype i = 1; i < values.size(); ++i)
        QVERIFY(values.at(i) > values.at(i - 1));
    QTRY_VERIFY(!dialog() || !dialog()->isVisible());
    QVERIFY(!m_flow->isExporting());

    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    if (format == ExportFormat::Pdf) {
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    } else {
        const QString html = QString::fromUtf8(bytes);
        QVERIFY(html.contains(u"<p>message 1</p>"_s));
        QVERIFY(html.contains(u"<p>message 10000</p>"_s));
    }
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList { fileName });
}

void TestExportProgress::cancelLeavesNoFile()
{
    const QString path = m_dir->filePath(u"cancelled.pdf"_s);
    QSignalSpy finished(m_flow, &ConversationExportFlow::exportFinished);
    QVERIFY(m_flow->exportTo(m_id, ExportFormat::Pdf, path));
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    // Mid-way: some messages done, far from all.
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->value() > 0, 60000);
    QVERIFY(dialog()->value() < 10000);
    auto *cancel = dialog()->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.at(0).at(1).toBool(), true); // cancelled
    QCOMPARE(finished.at(0).at(2).toString(), QString());
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

QTEST_MAIN(TestExportProgress)
#include "tst_exportprogress.moc"

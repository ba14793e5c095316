// The issue's "done when", from the command line: on the built-in server, "Show monthly revenue
// as a line chart" gives a chart whose PNG, SVG, PDF and CSV exports open correctly, and the
// conversation exports to HTML and PDF — all with the real chartroom-cli binary.

#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    qint64 m_assetId = 0;

    int run(const QStringList &arguments, QByteArray *out = nullptr)
    {
        QProcess process;
        process.start(qEnvironmentVariable("CHARTROOM_CLI"),
            QStringList { u"--data-dir"_qs, m_dir.filePath(u"data"_qs) } + arguments);
        if (!process.waitForFinished(60000))
            return -1;
        if (out)
            *out = process.readAllStandardOutput();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QByteArray file(const QString &name)
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QByteArray out;
        QCOMPARE(run({ u"ask"_qs, u"--json"_qs, u"--agent"_qs, u"item"_qs,
                         u"Show monthly revenue as a line chart"_qs },
                     &out),
            0);
        const QJsonObject result
            = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
        m_assetId = result[u"assets"_qs][0][u"id"_qs].toInteger();
        QVERIFY(m_assetId > 0);
    }

    void chart_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << u"png"_qs;
        QTest::newRow("svg") << u"svg"_qs;
        QTest::newRow("pdf") << u"pdf"_qs;
        QTest::newRow("csv") << u"csv"_qs;
        QTest::newRow("json") << u"json"_qs;
    }

    void chart()
    {
        QFETCH(QString, format);
        const QString name = u"chart."_qs + format;
        QCOMPARE(
            run({ u"export"_qs, QString::number(m_assetId), u"--format"_qs, format, u"--out"_qs,
                m_dir.filePath(name), u"--width"_qs, u"800"_qs, u"--height"_qs, u"450"_qs }),
            0);
        const QByteArray bytes = file(name);
        if (format == u"png") {
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), QSize(800, 450));
        } else if (format == u"svg") {
            QVERIFY(bytes.contains("<svg"));
            QVERIFY(bytes.contains("Monthly revenue"));
        } else if (format == u"pdf") {
            QVERIFY(bytes.startsWith("%PDF"));
            QVERIFY(bytes.contains("/Type /Page"));
        } else if (format == u"csv") {
            const QList<QByteArray> lines = bytes.trimmed().split('\n');
            QCOMPARE(lines.first().trimmed(), QByteArray("Date,Revenue"));
            QCOMPARE(lines.size(), 37); // header + 36 months of the sample
        } else {
            QCOMPARE(QJsonDocument::fromJson(bytes)[u"type"_qs].toString(), u"line-chart"_qs);
        }
    }

    void conversation_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("html") << u"html"_qs;
        QTest::newRow("pdf") << u"pdf"_qs;
        QTest::newRow("md") << u"md"_qs;
        QTest::newRow("json") << u"json"_qs;
    }

    void conversation()
    {
        QFETCH(QString, format);
        const QString name = u"conversation."_qs + format;
        QCOMPARE(run({ u"export-conversation"_qs, u"1"_qs, u"--out"_qs, m_dir.filePath(name) }), 0);
        const QByteArray bytes = file(name);
        if (format == u"html") {
            QVERIFY(bytes.contains("Show monthly revenue as a line chart"));
            QVERIFY(bytes.contains("data:image/png;base64,")); // the chart, inlined
        } else if (format == u"pdf") {
            QVERIFY(bytes.startsWith("%PDF"));
            QVERIFY(bytes.contains("/Subtype /Image"));
        } else if (format == u"md") {
            QVERIFY(bytes.startsWith("# Show monthly revenue as a line chart"));
        } else {
            QCOMPARE(QJsonDocument::fromJson(bytes)[u"format"_qs].toString(),
                u"chartroom-conversation"_qs);
        }
    }

    void unwritableFileIsAClearError()
    {
        QCOMPARE(run({ u"export"_qs, QString::number(m_assetId), u"--format"_qs, u"png"_qs,
                     u"--out"_qs, m_dir.filePath(u"missing/folder/chart.png"_qs) }),
            1);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"

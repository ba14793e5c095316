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

using namespace Qt::StringLiterals;

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
            QStringList { u"--data-dir"_s, m_dir.filePath(u"data"_s) } + arguments);
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
        QCOMPARE(run({ u"ask"_s, u"--json"_s, u"--agent"_s, u"item"_s,
                         u"Show monthly revenue as a line chart"_s },
                     &out),
            0);
        const QJsonObject result
            = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
        m_assetId = result[u"assets"_s][0][u"id"_s].toInteger();
        QVERIFY(m_assetId > 0);
    }

    void chart_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << u"png"_s;
        QTest::newRow("svg") << u"svg"_s;
        QTest::newRow("pdf") << u"pdf"_s;
        QTest::newRow("csv") << u"csv"_s;
        QTest::newRow("json") << u"json"_s;
    }

    void chart()
    {
        QFETCH(QString, format);
        const QString name = u"chart."_s + format;
        QCOMPARE(run({ u"export"_s, QString::number(m_assetId), u"--format"_s, format, u"--out"_s,
                     m_dir.filePath(name), u"--width"_s, u"800"_s, u"--height"_s, u"450"_s }),
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
            QCOMPARE(QJsonDocument::fromJson(bytes)[u"type"_s].toString(), u"line-chart"_s);
        }
    }

    void conversation_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("html") << u"html"_s;
        QTest::newRow("pdf") << u"pdf"_s;
        QTest::newRow("md") << u"md"_s;
        QTest::newRow("json") << u"json"_s;
    }

    void conversation()
    {
        QFETCH(QString, format);
        const QString name = u"conversation."_s + format;
        QCOMPARE(run({ u"export-conversation"_s, u"1"_s, u"--out"_s, m_dir.filePath(name) }), 0);
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
            QCOMPARE(QJsonDocument::fromJson(bytes)[u"format"_s].toString(),
                u"chartroom-conversation"_s);
        }
    }

    void unwritableFileIsAClearError()
    {
        QCOMPARE(run({ u"export"_s, QString::number(m_assetId), u"--format"_s, u"png"_s, u"--out"_s,
                     m_dir.filePath(u"missing/folder/chart.png"_s) }),
            1);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"

// One chart to files, read back: PNG at the requested size, SVG that parses and holds the title
// as text, a one-page PDF, CSV that round-trips through an RFC 4180 reader, JSON equal to the
// item; unwritable paths fail in words; the conversation exporter's image.
#include "tests/ui/chart/chartsamples.h"
#include "ui/chart/chartexport.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
// RFC 4180: fields separated by commas, CRLF between records, quotes doubled inside quotes.
QList<QStringList> readCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestChartExport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    ChartData m_data = ChartSamples::monthlyRevenue(12);

private Q_SLOTS:
    void png_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("default") << ChartExport::defaultSize;
        QTest::newRow("small") << QSize(400, 300);
        QTest::newRow("wide") << QSize(1600, 500);
    }
    void png()
    {
        QFETCH(QSize, size);
        const QString path = m_dir.filePath(u"chart.png"_s);
        const auto error = ChartExport::write(m_data, ChartExport::Format::Png, path, size);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        const QImage image(path);
        QCOMPARE(image.size(), size);
    }

    void svgHoldsTheTitleAsText()
    {
        const QString path = m_dir.filePath(u"chart.svg"_s);
        QVERIFY(!ChartExport::write(m_data, ChartExport::Format::Svg, path, { 960, 540 }));
        QXmlStreamReader xml(readAll(path));
        QString text;
        bool svgRoot = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"svg")
                svgRoot = true;
            if (xml.isStartElement() && xml.name() == u"text")
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + u'\n';
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svgRoot);
        QVERIFY2(text.contains(m_data.title), qPrintable(text.left(400)));
        QVERIFY(text.contains(u"EMEA"_s));
    }

    void pdfHasOnePage()
    {
        const QString path = m_dir.filePath(u"chart.pdf"_s);
        QVERIFY(!ChartExport::write(m_data, ChartExport::Format::Pdf, path, { 960, 540 }));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(
            pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);
        QVERIFY(pdf.contains("/Count 1"));
    }

    void csvRoundTrips()
    {
        QJsonObject item = ChartSamples::monthlyRevenueItem();
        QJsonArray rows;
        rows << QJsonArray { u"2024-01-01T00:00:00.000Z"_s, u"North, \"East\""_s, 1234.5 }
             << QJsonArray { u"2024-02-01T00:00:00.000Z"_s, u"Line\nbreak"_s, QJsonValue() };
        const auto data = ChartData::fromItem(item, rows).value();
        const QString path = m_dir.filePath(u"chart.csv"_s);
        QVERIFY(!ChartExport::write(data, ChartExport::Format::Csv, path));
        const QList<QStringList> records = readCsv(QString::fromUtf8(readAll(path)));
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0), (QStringList { u"Date"_s, u"Region"_s, u"Revenue"_s }));
        QCOMPARE(
            records.at(1), (QStringList { u"2024-01-01"_s, u"North, \"East\""_s, u"1234.5"_s }));
        QCOMPARE(records.at(2), (QStringList { u"2024-02-01"_s, u"Line\nbreak"_s, QString() }));
    }

    void jsonEqualsTheItem()
    {
        const QString path = m_dir.filePath(u"chart.json"_s);
        QVERIFY(!ChartExport::write(m_data, ChartExport::Format::Json, path));
        QCOMPARE(
            QJsonDocument::fromJson(readAll(path)).object(), ChartSamples::monthlyRevenueItem());
    }

    void unwritableFileFailsInWords_data()
    {
        QTest::addColumn<int>("format");
        for (const auto f : { ChartExport::Format::Png, ChartExport::Format::Svg,
                 ChartExport::Format::Pdf, ChartExport::Format::Csv, ChartExport::Format::Json })
            QTest::newRow(qPrintable(ChartExport::suffix(f))) << int(f);
    }
    void unwritableFileFailsInWords()
    {
        QFETCH(int, format);
        const QString path = m_dir.filePath(u"no/such/folder/chart.out"_s);
        const auto error = ChartExport::write(m_data, ChartExport::Format(format), path);
        QVERIFY(error);
        QCOMPARE(error->code, ChartError::Code::Write);
        QVERIFY2(error->message.contains(path), qPrintable(error->message));
        QVERIFY(!QFile::exists(path));
    }

    void formats()
    {
        QCOMPARE(ChartExport::parseFormat(u"SVG"_s), ChartExport::Format::Svg);
        QVERIFY(!ChartExport::parseFormat(u"gif"_s));
    }

    void imageForTheConversationExporter()
    {
        Asset asset;
        asset.valueJson = QJsonDocument(ChartSamples::monthlyRevenueItem()).toJson();
        asset.dataJson
            = QJsonDocument(QJsonObject { { u"rows"_s, ChartSamples::monthlyRevenueRows(6) } })
                  .toJson();
        asset.dataTakenAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(ChartExport::image(asset, { 640, 360 }).size(), QSize(640, 360));
        asset.dataJson.clear();
        QVERIFY(ChartExport::image(asset, { 640, 360 }).isNull()); // no data: the placeholder
        asset.valueJson = R"({"type": "donut-chart"})";
        QVERIFY(ChartExport::image(asset, { 640, 360 }).isNull());
    }
};

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"

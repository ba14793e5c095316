// ConversationExporter: each format rendered from a realistic stored conversation, written to a
// file and read back (unwritable paths, unknown conversations and format names:
// tst_conversationexportfiles).

#include "app/export/chartlabel.h"
#include "app/export/conversationexporter.h"
#include "app/export/exporttext.h"
#include "app/export/markdownexport.h"
#include "tests/app/export/exportersuite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;

class TestConversationExporter : public ExporterSuite
{
    Q_OBJECT

private Q_SLOTS:
    void markdown_data();
    void markdown();
    void markdownFileIsTheCopiedText();
    void html_data();
    void html();
    void htmlIsSelfContained();
    void htmlInlinesTheRenderedChart();
    void htmlWithoutRendererShowsPlaceholders();
    void htmlRoundTripsThroughQTextDocument();
    void pdf();
    void pdfText_data();
    void pdfText();
    void json();

private:
    QByteArray exportBytes(ExportFormat format, ChartImageRenderer renderer, const QString &name);
};

QByteArray TestConversationExporter::exportBytes(
    ExportFormat format, ChartImageRenderer renderer, const QString &name)
{
    const QString path = m_out.filePath(name);
    const ConversationExporter exporter(std::move(renderer));
    const ExportStatus error = exporter.exportToFile(
        *m_fixture->store.repository, m_fixture->conversationId, format, path);
    if (error) {
        qWarning("%s", qPrintable(error->message));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestConversationExporter::markdown_data()
{
    QTest::addColumn<QString>("expected");
    const auto time = [this](int index) {
        auto messages = m_fixture->store.repository->messages(m_fixture->conversationId);
        return ExportText::time(messages->at(index).createdAt);
    };
    QTest::newRow("title") << u"# Revenue review Q2\n"_s;
    QTest::newRow("metadata") << u"*Backend: local · Created "_s;
    QTest::newRow("message count") << u" · 6 messages*"_s;
    QTest::newRow("question") << u"### You · " + time(0) + u"\n\nShow monthly revenue";
    QTest::newRow("answer header") << u"### Assistant · " + time(1) + u"\n\nHere is **monthly";
    QTest::newRow("table verbatim") << u"| Region | Revenue | Share |\n| :----- |"_s;
    QTest::newRow("nested list verbatim") << u"- Americas was flat\n  - except in `Q2`"_s;
    QTest::newRow("chart with snapshot")
        << u"📈 *Line chart: Monthly revenue* (asset %1, data as of 2024-05-14 10:03)"_s.arg(
               m_fixture->chartWithData);
    QTest::newRow("chart without snapshot")
        << u"📈 *Column chart: Revenue by region* (asset %1)\n"_s.arg(m_fixture->chartWithoutData);
    QTest::newRow("interrupted note")
        << u"- EMEA 31%\n\n> ⚠ Interrupted: the answer was stopped before it finished.\n"_s;
    QTest::newRow("text kept verbatim") << ExportFixture::trickyQuestion;
    QTest::newRow("error note") << u"> ⚠ Error: " + ExportFixture::errorDetail + u'\n';
}

void TestConversationExporter::markdown()
{
    QFETCH(QString, expected);
    const QString md = QString::fromUtf8(exportBytes(ExportFormat::Markdown, {}, u"c.md"_s));
    QVERIFY2(md.contains(expected), qPrintable(md));
}

void TestConversationExporter::markdownFileIsTheCopiedText()
{
    const QByteArray file = exportBytes(ExportFormat::Markdown, {}, u"copy.md"_s);
    const auto copied
        = ConversationExporter::markdown(*m_fixture->store.repository, m_fixture->conversationId);
    QVERIFY(copied);
    // Same text, except the export time in the metadata line.
    const QRegularExpression exported(u"Exported \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"_s);
    QCOMPARE(QString::fromUtf8(file).replace(exported, {}), QString(*copied).replace(exported, {}));
    QCOMPARE(copied->count(u"\n### "_s), 6);
}

void TestConversationExporter::html_data()
{
    QTest::addColumn<QString>("expected");
    QTest::newRow("doctype") << u"<!DOCTYPE html>\n<html lang=\"en\">"_s;
    QTest::newRow("charset") << u"<meta charset=\"utf-8\">"_s;
    QTest::newRow("title element") << u"<title>Revenue review Q2</title>"_s;
    QTest::newRow("inline css") << u"<style>"_s;
    QTest::newRow("heading") << u"<h1 class=\"title\">Revenue review Q2</h1>"_s;
    QTest::newRow("user message") << u"<section class=\"message user\""_s;
    QTest::newRow("assistant message") << u"<section class=\"message assistant\""_s;
    QTest::newRow("bold") << u"<strong>monthly revenue</strong>"_s;
    QTest::newRow("italic") << u"<em>fastest</em>"_s;
    QTest::newRow("inline code") << u"<code>Q2</code>"_s;
    // The column is aligned left by `:-----`, which md4c writes out (the walker did not).
    QTest::newRow("table header") << u"<th align=\"left\">Region</th>"_s;
    // md4c aligns a cell with an attribute (the walker wrote a style); the CSS keeps header
    // cells aligned too.
    QTest::newRow("right-aligned number") << u"<td align=\"right\">1,204,500</td>"_s;
    QTest::newRow("right-aligned header") << u"th[align=\"right\"], td[align=\"right\"]"_s;
    QTest::newRow("bullet list") << u"<ul>\n<li>EMEA grew"_s;
    QTest::newRow("nested list") << u"<li>Americas was flat<ul>\n<li>except in"_s;
    QTest::newRow("numbered list") << u"<ol>\n<li>Open the chart</li>"_s;
    QTest::newRow("escaped text")
        << u"Is revenue &lt; cost &amp; margin &gt; 10%? &lt;script&gt;alert(1)&lt;/script&gt;"_s;
    QTest::newRow("interrupted note")
        << u"<div class=\"note interrupted\">⚠ Interrupted: the answer was stopped"_s;
    QTest::newRow("error note") << u"<div class=\"note error\">⚠ Error: The analyst server"_s;
    QTest::newRow("chart caption")
        << u"<figcaption>Line chart: Monthly revenue · data as of 2024-05-14 10:03</figcaption>"_s;
    QTest::newRow("placeholder") << u"<div class=\"chart-title\">Revenue by region</div>\n"
                                    u"<div class=\"chart-note\">Chart not rendered: no stored "
                                    u"data</div>"_s;
    QTest::newRow("print styles") << u"@media print"_s;
    QTest::newRow("closed") << u"</main>\n</body>\n</html>\n"_s;
}

void TestConversationExporter::html()
{
    QFETCH(QString, expected);
    const QString html = QString::fromUtf8(
        exportBytes(ExportFormat::Html, ExportFixture::fakeRenderer(), u"c.html"_s));
    QVERIFY(!html.isEmpty());
    QVERIFY2(html.contains(expected), qPrintable(expected));
    QVERIFY(!html.contains(u"<script>"_s));
}

void TestConversationExporter::htmlIsSelfContained()
{
    const QString html = QString::fromUtf8(
        exportBytes(ExportFormat::Html, ExportFixture::fakeRenderer(), u"c.html"_s));
    QVERIFY(!html.isEmpty());
    static const QRegularExpression reference(
        u"(?:src|href)\\s*=\\s*(?![\"']?data:)|url\\(\\s*(?![\"']?data:)|@import|<link"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = reference.match(html);
    QVERIFY2(!match.hasMatch(), qPrintable(html.mid(match.capturedStart() - 40, 120)));
    QCOMPARE(html.count(u"src=\"data:image/png;base64,"_s), 1);
}

void TestConversationExporter::htmlInlinesTheRenderedChart()
{
    int calls = 0;
    const QString html = QString::fromUtf8(
        exportBytes(ExportFormat::Html, ExportFixture::fakeRenderer(&calls), u"c.html"_s));
    QCOMPARE(calls, 2); // both charts are offered to the renderer
    static const QRegularExpression img(
        u"<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"960\" height=\"480\" "
        u"alt=\"Monthly revenue\">"_s);
    const QRegularExpressionMatch match = img.match(html);
    QVERIFY2(match.hasMatch(), qPrintable(html.left(4000)));
    QImage image;
    QVERIFY(image.loadFromData(QByteArray::fromBase64(match.captured(1).toLatin1()), "PNG"));
    QCOMPARE(image.size(), QSize(960, 480));
    QCOMPARE(image.pixelColor(10, 10), QColor(Qt::white));
    QCOMPARE(image.pixelColor(10, 470), ExportFixture::fakeColour());
    // The chart without data falls back to the placeholder.
    QCOMPARE(html.count(u"<div class=\"placeholder\""_s), 1);
}

void TestConversationExporter::htmlWithoutRendererShowsPlaceholders()
{
    const QString html = QString::fromUtf8(exportBytes(ExportFormat::Html, {}, u"c.html"_s));
    QVERIFY(!html.contains(u"<img"_s));
    QCOMPARE(html.count(u"<div class=\"placeholder\""_s), 2);
    QVERIFY(html.contains(u"aria-label=\"Line chart: Monthly revenue\""_s));
    QVERIFY(html.contains(u"Chart not rendered: chart drawing is not available here"_s));
    QVERIFY(html.contains(u"Chart not rendered: no stored data"_s));
}

void TestConversationExporter::htmlRoundTripsThroughQTextDocument()
{
    const QString html = QString::fromUtf8(
        exportBytes(ExportFormat::Html, ExportFixture::fakeRenderer(), u"c.html"_s));
    QTextDocument document;
    document.setHtml(html);
    const QString text = document.toPlainText();
    for (const QString &expected :
        { u"Revenue review Q2"_s, u"You"_s, u"Assistant"_s, u"Show monthly revenue"_s, u"APAC"_s,
            u"702,300"_s, u"EMEA grew fastest (+12%)"_s, ExportFixture::trickyQuestion,
            u"Chart not rendered: no stored data"_s, ExportFixture::errorDetail }) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    QCOMPARE(document.metaInformation(QTextDocument::DocumentTitle), ExportFixture::title);
}

void TestConversationExporter::pdf()
{
    const QByteArray pdf
        = exportBytes(ExportFormat::Pdf, ExportFixture::fakeRenderer(), u"c.pdf"_s);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    static const QRegularExpression page(u"/Type\\s*/Page(?!s)"_s);
    QVERIFY(QString::fromLatin1(pdf).count(page) >= 1);
    QVERIFY(pdf.contains("/Subtype /Image")); // the rendered chart
    QVERIFY(pdf.contains("/Font")); // text, not a picture of text
    // The document title is in the info dictionary (UTF-16BE, hex or literal).
    QVERIFY(pdf.contains("/Title"));
    QVERIFY(pdf.contains("/Creator"));
}

void TestConversationExporter::pdfText_data()
{
    QTest::addColumn<QString>("expected");
    QTest::newRow("title") << ExportFixture::title;
    QTest::newRow("speaker") << u"Assistant"_s;
    QTest::newRow("table cell") << u"1,204,500"_s;
    QTest::newRow("caption") << u"Line chart: Monthly revenue"_s;
    QTest::newRow("placeholder") << u"Chart not rendered: no stored data"_s;
    QTest::newRow("interrupted") << u"Interrupted: the answer was stopped before it finished."_s;
    QTest::newRow("error") << ExportFixture::errorDetail;
}

void TestConversationExporter::pdfText()
{
    // Extracting the text needs poppler's pdftotext; the PDF checks above do not.
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QFETCH(QString, expected);
    QVERIFY(!exportBytes(ExportFormat::Pdf, ExportFixture::fakeRenderer(), u"t.pdf"_s).isEmpty());
    QProcess process;
    process.start(pdftotext, { u"-layout"_s, m_out.filePath(u"t.pdf"_s), u"-"_s });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString text = QString::fromUtf8(process.readAllStandardOutput())
                             .normalized(QString::NormalizationForm_KC) // ligatures: ﬁ → fi
                             .simplified();
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void TestConversationExporter::json()
{
    const QByteArray bytes = exportBytes(ExportFormat::Json, {}, u"c.json"_s);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(bytes, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(u"format").toString(), u"chartroom-conversation"_s);
    QCOMPARE(root.value(u"version").toInt(), 1);
    QVERIFY(
        QDateTime::fromString(root.value(u"exported_at").toString(), Qt::ISODateWithMs).isValid());
    const QJsonObject conversation = root.value(u"conversation").toObject();
    QCOMPARE(conversation.value(u"id").toInteger(), m_fixture->conversationId);
    QCOMPARE(conversation.value(u"title").toString(), ExportFixture::title);

    const auto stored = m_fixture->store.repository->messages(m_fixture->conversationId);
    const QJsonArray messages = root.value(u"messages").toArray();
    QCOMPARE(messages.size(), stored->size());
    for (int i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        QCOMPARE(m.value(u"message").toString(), stored->at(i).text);
        QCOMPARE(m.value(u"role").toString(), roleName(stored->at(i).role));
        QCOMPARE(m.value(u"status").toString(), statusName(stored->at(i).status));
    }
    QCOMPARE(messages.at(3).toObject().value(u"status").toString(), u"interrupted"_s);
    QCOMPARE(messages.at(5).toObject().value(u"error").toString(), ExportFixture::errorDetail);
    const QJsonArray assets = messages.at(1).toObject().value(u"assets").toArray();
    QCOMPARE(assets.size(), 2);
    QCOMPARE(assets.at(0).toObject().value(u"id").toInteger(), m_fixture->chartWithData);
    QVERIFY(assets.at(0).toObject().value(u"data").isArray());
    QVERIFY(!assets.at(0).toObject().value(u"data_taken_at").toString().isEmpty());
    QVERIFY(assets.at(1).toObject().value(u"data").isNull());
}

QTEST_MAIN(TestConversationExporter)
#include "tst_conversationexporter.moc"

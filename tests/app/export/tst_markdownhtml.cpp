// MarkdownHtml: Markdown to a clean HTML fragment, one construct per row.

#include "markdownhtml.h"

#include <QTest>

class TestMarkdownHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void convert_data();
    void convert();
};

void TestMarkdownHtml::convert_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    QTest::newRow("paragraph") << u"Hello world"_qs << u"<p>Hello world</p>\n"_qs;
    QTest::newRow("two paragraphs") << u"One\n\nTwo"_qs << u"<p>One</p>\n<p>Two</p>\n"_qs;
    QTest::newRow("bold") << u"a **b** c"_qs << u"<p>a <strong>b</strong> c</p>\n"_qs;
    QTest::newRow("italic") << u"a *b* c"_qs << u"<p>a <em>b</em> c</p>\n"_qs;
    QTest::newRow("strike-through") << u"a ~~b~~ c"_qs << u"<p>a <del>b</del> c</p>\n"_qs;
    QTest::newRow("inline code") << u"run `ls -l`"_qs << u"<p>run <code>ls -l</code></p>\n"_qs;
    QTest::newRow("escaped text") << u"a < b & c > d"_qs << u"<p>a &lt; b &amp; c &gt; d</p>\n"_qs;
    QTest::newRow("raw html stays text")
        << u"x <script>alert(1)</script>"_qs << u"&lt;script&gt;alert(1)&lt;/script&gt;"_qs;
    QTest::newRow("heading") << u"## Summary"_qs << u"<h2>"_qs;
    QTest::newRow("link") << u"see [docs](https://example.com/a?b=1&c=2)"_qs
                          << u"<a href=\"https://example.com/a?b=1&amp;c=2\">docs</a>"_qs;
    QTest::newRow("image becomes its alt text")
        << u"![sales chart](https://example.com/x.png)"_qs << u"[sales chart]"_qs;
    QTest::newRow("bullet list") << u"- a\n- b"_qs << u"<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"_qs;
    QTest::newRow("numbered list")
        << u"1. a\n2. b"_qs << u"<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"_qs;
    QTest::newRow("nested list")
        << u"- a\n  - a1\n  - a2\n- b"_qs
        << u"<ul>\n<li>a<ul>\n<li>a1</li>\n<li>a2</li>\n</ul>\n</li>\n<li>b</li>\n</ul>\n"_qs;
    QTest::newRow("task list") << u"- [x] done\n- [ ] todo"_qs << u"<li>☑ done</li>\n<li>☐ todo"_qs;
    QTest::newRow("list then paragraph")
        << u"- a\n\nafter"_qs << u"<ul>\n<li>a</li>\n</ul>\n<p>after</p>\n"_qs;
    QTest::newRow("table")
        << u"| Region | Revenue |\n| --- | ---: |\n| EMEA | 1,204 |\n| APAC | 702 |"_qs
        << u"<table>\n<thead>\n<tr><th>Region</th><th "
           u"style=\"text-align:right\">Revenue</th></tr>\n"
           u"</thead>\n<tbody>\n<tr><td>EMEA</td><td style=\"text-align:right\">1,204</td></tr>\n"
           u"<tr><td>APAC</td><td style=\"text-align:right\">702</td></tr>\n</tbody>\n</table>\n"_qs;
    QTest::newRow("fenced code")
        << u"```sql\nSELECT a < b\nFROM t\n```"_qs
        << u"<pre><code class=\"language-sql\">SELECT a &lt; b\nFROM t</code></pre>\n"_qs;
    QTest::newRow("block quote") << u"> quoted"_qs
                                 << u"<blockquote>\n<p>quoted</p>\n</blockquote>\n"_qs;
    QTest::newRow("rule") << u"a\n\n---\n\nb"_qs << u"<hr>\n"_qs;
    QTest::newRow("empty") << QString() << QString();
}

void TestMarkdownHtml::convert()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    const QString out = MarkdownHtml::toHtml(markdown);
    if (html.isEmpty())
        QCOMPARE(out, html);
    else
        QVERIFY2(out.contains(html), qPrintable(out));
    QVERIFY(!out.contains(u"style=\" "_qs)); // no QTextDocument inline styles
}

QTEST_MAIN(TestMarkdownHtml)
#include "tst_markdownhtml.moc"

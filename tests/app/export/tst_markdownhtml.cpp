// MarkdownHtml: Markdown to a clean HTML fragment, one construct per row. The expected markup is
// md4c's (CommonMark's reference HTML); where the former QTextDocument walker wrote it
// differently (task markers, table alignment, the code block's last newline) the rows keep what
// they check: the state of each task, the alignment of each cell, the code as written.

#include "app/export/markdownhtml.h"

#include <QTest>

using namespace Qt::StringLiterals;

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
    QTest::newRow("paragraph") << u"Hello world"_s << u"<p>Hello world</p>\n"_s;
    QTest::newRow("two paragraphs") << u"One\n\nTwo"_s << u"<p>One</p>\n<p>Two</p>\n"_s;
    QTest::newRow("bold") << u"a **b** c"_s << u"<p>a <strong>b</strong> c</p>\n"_s;
    QTest::newRow("italic") << u"a *b* c"_s << u"<p>a <em>b</em> c</p>\n"_s;
    QTest::newRow("strike-through") << u"a ~~b~~ c"_s << u"<p>a <del>b</del> c</p>\n"_s;
    QTest::newRow("inline code") << u"run `ls -l`"_s << u"<p>run <code>ls -l</code></p>\n"_s;
    QTest::newRow("escaped text") << u"a < b & c > d"_s << u"<p>a &lt; b &amp; c &gt; d</p>\n"_s;
    QTest::newRow("raw html stays text")
        << u"x <script>alert(1)</script>"_s << u"&lt;script&gt;alert(1)&lt;/script&gt;"_s;
    QTest::newRow("raw bold stays text") << u"<b>x</b>"_s << u"<p>&lt;b&gt;x&lt;/b&gt;</p>\n"_s;
    QTest::newRow("raw image stays text")
        << u"<img src=\"https://example.com/x.png\">"_s
        << u"<p>&lt;img src=&quot;https://example.com/x.png&quot;&gt;</p>\n"_s;
    QTest::newRow("raw html block stays text")
        << u"<div>\nblock\n</div>"_s << u"<p>&lt;div&gt;\nblock\n&lt;/div&gt;</p>\n"_s;
    QTest::newRow("underscores are emphasis, as on GitHub")
        << u"a _b_ c"_s << u"<p>a <em>b</em> c</p>\n"_s;
    QTest::newRow("heading") << u"## Summary"_s << u"<h2>"_s;
    QTest::newRow("link") << u"see [docs](https://example.com/a?b=1&c=2)"_s
                          << u"<a href=\"https://example.com/a?b=1&amp;c=2\">docs</a>"_s;
    QTest::newRow("image becomes its alt text")
        << u"![sales chart](https://example.com/x.png)"_s << u"<p>[sales chart]</p>\n"_s;
    QTest::newRow("image with a title and quotes") << u"![a \"b\"](x.png \"T\") and ![](y.png)"_s
                                                   << u"<p>[a &quot;b&quot;] and [image]</p>\n"_s;
    QTest::newRow("bullet list") << u"- a\n- b"_s << u"<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"_s;
    QTest::newRow("numbered list") << u"1. a\n2. b"_s << u"<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"_s;
    QTest::newRow("nested list")
        << u"- a\n  - a1\n  - a2\n- b"_s
        << u"<ul>\n<li>a<ul>\n<li>a1</li>\n<li>a2</li>\n</ul>\n</li>\n<li>b</li>\n</ul>\n"_s;
    QTest::newRow("task list") << u"- [x] done\n- [ ] todo"_s
                               << u"<li class=\"task-list-item\"><input type=\"checkbox\" "
                                  u"class=\"task-list-item-checkbox\" disabled checked>done</li>\n"
                                  u"<li class=\"task-list-item\"><input type=\"checkbox\" "
                                  u"class=\"task-list-item-checkbox\" disabled>todo</li>"_s;
    QTest::newRow("list then paragraph")
        << u"- a\n\nafter"_s << u"<ul>\n<li>a</li>\n</ul>\n<p>after</p>\n"_s;
    QTest::newRow("table")
        << u"| Region | Revenue |\n| --- | ---: |\n| EMEA | 1,204 |\n| APAC | 702 |"_s
        << u"<table>\n<thead>\n<tr>\n<th>Region</th>\n<th align=\"right\">Revenue</th>\n</tr>\n"
           u"</thead>\n<tbody>\n<tr>\n<td>EMEA</td>\n<td align=\"right\">1,204</td>\n</tr>\n"
           u"<tr>\n<td>APAC</td>\n<td align=\"right\">702</td>\n</tr>\n</tbody>\n</table>\n"_s;
    QTest::newRow("fenced code")
        << u"```sql\nSELECT a < b\nFROM t\n```"_s
        << u"<pre><code class=\"language-sql\">SELECT a &lt; b\nFROM t\n</code></pre>\n"_s;
    QTest::newRow("block quote") << u"> quoted"_s
                                 << u"<blockquote>\n<p>quoted</p>\n</blockquote>\n"_s;
    QTest::newRow("rule") << u"a\n\n---\n\nb"_s << u"<hr>\n"_s;
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
    QVERIFY(!out.contains(u"style="_s)); // no inline styles
    QVERIFY(!out.contains(u"<img"_s)); // nothing loaded from outside
}

QTEST_MAIN(TestMarkdownHtml)
#include "tst_markdownhtml.moc"

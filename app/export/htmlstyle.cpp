#include "app/export/htmlstyle.h"

using namespace Qt::StringLiterals;

QString HtmlStyle::css()
{
    return uR"(
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: #1f2328;
  font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 880px; margin: 24px auto; padding: 32px 40px 28px; background: #fff;
  border: 1px solid #e3e6ea; border-radius: 12px; }
header { border-bottom: 1px solid #e3e6ea; padding-bottom: 14px; margin-bottom: 8px; }
h1.title { font-size: 26px; line-height: 1.25; margin: 0 0 6px; }
.meta { color: #6a727d; font-size: 13px; }
.message { margin: 18px 0; padding: 14px 18px; border-radius: 10px; border: 1px solid #e3e6ea; }
.message.user { background: #eef4fd; border-color: #cddff7; margin-left: 10%; }
.message.assistant { background: #fff; border-left: 4px solid #7b61e8; }
.message.system { background: #f7f8fa; }
.speaker { font-size: 13px; font-weight: 600; margin-bottom: 6px; }
.user .speaker { color: #2f6fd0; }
.assistant .speaker { color: #5b3fd6; }
.speaker time { color: #6a727d; font-weight: 400; margin-left: 4px; }
.body > :first-child { margin-top: 0; }
.body > :last-child { margin-bottom: 0; }
.body p { margin: 0 0 10px; }
.body h1, .body h2, .body h3, .body h4 { margin: 14px 0 8px; line-height: 1.3; }
.body h1 { font-size: 20px; } .body h2 { font-size: 18px; } .body h3 { font-size: 16px; }
.body ul, .body ol { margin: 0 0 10px; padding-left: 24px; }
.body li { margin: 2px 0; }
.body li.task-list-item { list-style: none; }
.body li.task-list-item input { margin: 0 6px 0 -20px; }
table { border-collapse: collapse; margin: 10px 0 12px; font-size: 14px; }
th, td { border: 1px solid #d5d9df; padding: 5px 10px; vertical-align: top; }
th { background: #f5f6f8; font-weight: 600; text-align: left; }
th[align="right"], td[align="right"] { text-align: right; }
th[align="center"], td[align="center"] { text-align: center; }
tbody tr:nth-child(even) td { background: #fafbfc; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono",
  monospace; font-size: 0.9em; background: #f0f1f3; padding: 1px 4px; border-radius: 4px; }
pre { background: #f6f8fa; border: 1px solid #e6e8eb; border-radius: 6px; padding: 10px 12px;
  overflow-x: auto; line-height: 1.4; }
pre code { background: none; padding: 0; }
blockquote { margin: 8px 0; padding: 2px 12px; border-left: 3px solid #d0d4da; color: #4a525c; }
hr { border: none; border-top: 1px solid #e3e6ea; margin: 14px 0; }
a { color: #2f6fd0; }
figure.chart { margin: 14px 0 6px; }
figure.chart img { display: block; max-width: 100%; height: auto; border: 1px solid #e3e6ea;
  border-radius: 6px; }
figcaption { color: #6a727d; font-size: 12.5px; margin-top: 5px; }
.placeholder { border: 1px dashed #b9c0c9; border-radius: 8px; background: #f7f8fa;
  padding: 26px 16px; text-align: center; color: #4a525c; }
.placeholder .chart-type { font-size: 12px; text-transform: uppercase; letter-spacing: .05em;
  color: #6a727d; }
.placeholder .chart-title { font-size: 16px; font-weight: 600; margin: 4px 0; color: #1f2328; }
.placeholder .chart-note { font-size: 13px; }
.note { margin-top: 10px; padding: 8px 12px; border-radius: 6px; font-size: 14px; }
.note.interrupted, .note.incomplete { background: #fff6e0; color: #7a5300;
  border: 1px solid #f0d58a; }
.note.error { background: #fdecea; color: #8a1c12; border: 1px solid #f1b8b3; }
footer { color: #8a929c; font-size: 12px; margin-top: 26px; border-top: 1px solid #e3e6ea;
  padding-top: 10px; }
@media print {
  body { background: #fff; }
  main { margin: 0; padding: 0; max-width: none; border: none; }
  .message, figure.chart, tr { break-inside: avoid; }
}
)"_s;
}

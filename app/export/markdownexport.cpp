#include "app/export/markdownexport.h"

#include "app/export/chartlabel.h"
#include "app/export/exporttext.h"

QString MarkdownExport::escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (QStringView(u"\\`*_[]<>#|").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString MarkdownExport::write(const ExportedConversation &exported)
{
    QString md;
    md += u"# " + escaped(ExportText::title(exported.conversation)) + u"\n\n";
    md += u'*' + escaped(ExportText::metadata(exported)) + u"*\n";
    for (const Message &m : exported.messages) {
        md += u"\n---\n\n### " + ExportText::speaker(m) + u" · " + ExportText::time(m.createdAt)
            + u"\n\n";
        const QString text = m.text.trimmed();
        if (!text.isEmpty())
            md += text + u"\n\n";
        for (const Asset &asset : m.assets) {
            const ChartLabel chart = ChartLabel::fromAsset(asset);
            QString where = u"asset " + QString::number(asset.id);
            if (!chart.dataAsOf().isEmpty())
                where += u", " + chart.dataAsOf();
            md += u"📈 *" + escaped(chart.headline()) + u"* (" + where + u")\n\n";
        }
        if (const QString note = ExportText::statusNote(m); !note.isEmpty())
            md += u"> ⚠ " + note + u"\n\n";
        md.chop(1);
    }
    return md;
}

#include "ui/searchresultdelegate.h"

#include "models/conversationlistmodel.h"
#include "models/searchresultmodel.h"
#include "ui/itempanel.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
constexpr int paddingX = 10;
constexpr int paddingY = 7;
constexpr int titleGap = 2;
constexpr int snippetLines = 2;

QFont titleFont(const QFont &base)
{
    QFont f = base;
    f.setWeight(QFont::DemiBold);
    return f;
}

QFont snippetFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.9);
    return f;
}
} // namespace

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int height = QFontMetrics(titleFont(option.font)).height() + titleGap
        + snippetLines * QFontMetrics(snippetFont(option.font)).lineSpacing() + 2 * paddingY;
    return { 200, height };
}

void SearchResultDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto [text, muted] = drawItemPanel(painter, opt);

    const QRect content = option.rect.adjusted(paddingX, paddingY, -paddingX, -paddingY);
    const QFont title = titleFont(option.font);
    const QFontMetrics titleMetrics(title);
    painter->save();
    painter->setFont(title);
    painter->setPen(text);
    const QString titleText
        = ConversationListModel::displayTitle(index.data(SearchResultModel::TitleRole).toString());
    painter->drawText(QRect(content.left(), content.top(), content.width(), titleMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(titleText, Qt::ElideRight, content.width()));

    QTextDocument snippet;
    snippet.setDefaultFont(snippetFont(option.font));
    snippet.setDocumentMargin(0);
    // Snippets are plain text already (SearchResultModel strips the Markdown). A title hit
    // would only repeat the title, so it says where the match is instead.
    QString html = index.data(SearchResultModel::SnippetHtmlRole).toString();
    if (index.data(SearchResultModel::MatchRole).value<SearchResultModel::Match>()
        == SearchResultModel::Match::Title)
        html = u"<i>"_s + tr("Matched in the conversation title").toHtmlEscaped() + u"</i>"_s;
    snippet.setHtml(html);
    snippet.setTextWidth(content.width());
    const QRect snippetRect(content.left(), content.top() + titleMetrics.height() + titleGap,
        content.width(), content.bottom() - content.top() - titleMetrics.height() - titleGap);
    painter->translate(snippetRect.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text, muted);
    context.clip = QRectF(0, 0, snippetRect.width(), snippetRect.height());
    painter->setClipRect(context.clip);
    snippet.documentLayout()->draw(painter, context);
    painter->restore();
}

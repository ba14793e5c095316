// MessageDelegate's layout of one row: the markdown document, the cards, the chrome and their
// places (declared in messagedelegate.h; kept apart so messagedelegate.cpp stays about painting
// and events).
#include "app/core/timeformat.h"
#include "app/export/markdownpolicy.h"
#include "models/transcriptmodel.h"
#include "ui/assetcard.h"
#include "ui/chart/chartcard.h"
#include "ui/chart/chartcardcache.h"
#include "ui/codeblocks.h"
#include "ui/followupcard.h"
#include "ui/interpretationcard.h"
#include "ui/markdownstyle.h"
#include "ui/messagedelegate.h"

#include <QAbstractItemView>
#include <QBackingStore>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// The enum a row holds for `role`, or `fallback` when it holds none (a model that is not a
// TranscriptModel): a missing status is no status, a missing role not the user's.
template<typename E> E enumData(const QModelIndex &index, int role, E fallback)
{
    const QVariant data = index.data(role);
    return data.metaType() == QMetaType::fromType<E>() ? data.value<E>() : fallback;
}

bool isBlank(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

} // namespace

// A cut preview reaches past what a collapsed bubble shows (and the separator cutPoint() looks
// for just after it): at worst 3 bytes a UTF-16 unit.
static_assert((TranscriptModel::previewBytes - 3) / 3 > MessageDelegate::elideLimit + 2);

std::unique_ptr<QTextDocument> MessageDelegate::makeDocument(
    const QString &markdown, const QFont &font, int textWidth)
{
    auto document = std::make_unique<QTextDocument>();
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    document->setMarkdown(markdown, MarkdownPolicy::documentFeatures());
    MarkdownStyle::apply(document.get());
    if (CodeBlocks::mayHaveCode(markdown))
        CodeBlocks::style(document.get(), font);
    document->setTextWidth(textWidth);
    return document;
}

QStringList MessageDelegate::warmUpSamples()
{
    // Every letter, digit and common sign in each face a message uses (the glyph caches hold
    // each glyph of each face once it is drawn), and each kind of block; one sample per step.
    const QString glyphs = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
                           u".,;:!?%&@+=/'\"()€£$–—…·\\-"_s;
    return {
        u"## Revenue by region %1\n\nRevenue in EMEA grew, see [the report](https://example.com). %1"_s
            .arg(glyphs),
        u"**%1**"_s.arg(glyphs),
        u"*%1*"_s.arg(glyphs),
        u"***%1***"_s.arg(glyphs),
        u"`%1`"_s.arg(glyphs),
        u"- Laptops: up 4 %\n- Monitors: flat\n\n1. First\n2. Second\n\n> Costs stayed flat."_s,
        u"| Region | Revenue |\n| --- | ---: |\n| %1 | 1 200 |"_s.arg(glyphs),
        u"```sql\nSELECT region, SUM(revenue) FROM sales GROUP BY region; %1\n```"_s.arg(glyphs),
    };
}

QSize MessageDelegate::warmUp(const QAbstractItemView *view, const QString &markdown)
{
    constexpr qint64 sampleId = -1; // no stored message has it
    QStandardItemModel model;
    auto *item = new QStandardItem;
    const QDateTime now = QDateTime::currentDateTime();
    item->setData(sampleId, TranscriptModel::IdRole);
    item->setData(markdown, TranscriptModel::TextRole);
    item->setData(QVariant::fromValue(MessageRole::Assistant), TranscriptModel::RoleRole);
    item->setData(QVariant::fromValue(MessageStatus::Complete), TranscriptModel::StatusRole);
    item->setData(now, TranscriptModel::CreatedAtRole);
    item->setData(now, TranscriptModel::UpdatedAtRole);
    model.appendRow(item);
    const QModelIndex index = model.index(0, 0);

    QStyleOptionViewItem option;
    option.initFrom(view);
    option.widget = view;
    option.font = view->font();
    option.rect = QRect(QPoint(0, 0), QSize(viewWidth(option), 1));
    const int layouts = m_layoutCount;
    const QSize size = sizeHint(option, index);
    option.rect.setHeight(size.height());
    // In the window's own format, so that the glyph caches filled are the ones its paint uses.
    QImage::Format format = QImage::Format_ARGB32_Premultiplied;
    if (QBackingStore *store = view->window()->backingStore()) {
        if (const auto *device = dynamic_cast<const QImage *>(store->paintDevice()))
            format = device->format();
    }
    QImage image(option.rect.size().boundedTo(QSize(4000, 4000)), format);
    image.fill(view->palette().color(QPalette::Base)); // as under a real row
    {
        QPainter painter(&image);
        paint(&painter, option, index);
    }
    m_cache.remove(sampleId);
    m_sizes.remove(RowKey { sampleId });
    m_seen.remove(sampleId);
    m_unfinished.remove(sampleId);
    m_layoutCount = layouts;
    ++m_warmUps;
    return size;
}

MessageDelegate::Entry *MessageDelegate::layOut(
    const QStyleOptionViewItem &option, const QModelIndex &index, int width) const
{
    ++m_layoutCount;
    const qint64 id = index.data(TranscriptModel::IdRole).toLongLong();
    auto entry = std::make_unique<Entry>();
    entry->width = width;
    entry->progress = m_progress.value(id);
    entry->updatedAt = index.data(TranscriptModel::UpdatedAtRole).toDateTime();
    entry->user
        = enumData(index, TranscriptModel::RoleRole, MessageRole::Assistant) == MessageRole::User;
    entry->earlierVersion = index.data(TranscriptModel::SupersededRole).toBool();
    entry->name = entry->user ? tr("You") : tr("Assistant");
    if (entry->earlierVersion)
        entry->name = tr("%1 · earlier version").arg(entry->name);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    entry->time
        = TimeFormat::messageTime(index.data(TranscriptModel::CreatedAtRole).toDateTime(), now);

    BubbleLayout::Content content;
    const int maxText = BubbleLayout::maxTextWidth(width);
    // Until "Show all", the beginning the model holds: a long text opened from the store is only
    // its first previewBytes (TextCutRole), which is more than elideLimit shows. A model without
    // previews has its texts whole.
    const bool expanded = m_expanded.contains(id);
    const QVariant preview = expanded ? QVariant() : index.data(TranscriptModel::PreviewTextRole);
    const QString text
        = preview.isValid() ? preview.toString() : index.data(TranscriptModel::TextRole).toString();
    const bool textCut = !expanded && index.data(TranscriptModel::TextCutRole).toBool();
    entry->totalChars = text.size();
    // The first layout of a long message stops at firstLimit; the rest comes a turn later.
    const bool first = !m_seen.contains(id);
    m_seen.insert(id);
    qsizetype limit = elideLimit;
    if (first && text.size() > firstLimit && !expanded) {
        limit = firstLimit;
        m_unfinished.insert(id);
        m_unfinishedTimer.start();
    }
    entry->shownChars = expanded ? text.size() : MarkdownStyle::cutPoint(text, limit);
    Entry *previous = m_cache.object(id);
    if (entry->shownChars < text.size() || textCut) {
        const QVariant bytes = index.data(TranscriptModel::TextBytesRole);
        entry->showAll = MessageChrome::showAllText(
            bytes.isValid() ? bytes.toLongLong() : qint64(text.toUtf8().size()));
    }
    if (!isBlank(text)) {
        // Only the part shown is parsed: a 4 MB message costs what its first 10,000 characters do.
        entry->source = entry->shownChars < text.size() ? text.left(entry->shownChars) : text;
        // The same markdown at the same width keeps its document: a change of status, progress
        // or assets, or an answer streaming past elideLimit (its shown part no longer changes).
        if (previous && previous->document && previous->width == width
            && previous->document->defaultFont() == option.font
            && previous->source == entry->source) {
            entry->document = std::move(previous->document);
        } else {
            entry->document = makeDocument(entry->source, option.font, maxText);
        }
        if (CodeBlocks::mayHaveCode(entry->source))
            entry->code = CodeBlocks::find(*entry->document);
        const int ideal = int(std::ceil(entry->document->idealWidth()));
        content.text
            = QSize(std::min(ideal, maxText), int(std::ceil(entry->document->size().height())));
    }
    if (!entry->showAll.isEmpty())
        content.showAll = MessageChrome::showAllSize(option.font, entry->showAll);

    // How the analyst read the question (its chips) comes first, above the answer's text.
    QVariantList assets = index.data(TranscriptModel::AssetsRole).toList();
    const auto isChips = [](const QVariant &asset) {
        return asset.toMap().value(u"type"_s).toString() == InterpretationCard::AssetType;
    };
    std::stable_partition(assets.begin(), assets.end(), isChips);
    content.cardsAboveText = int(std::count_if(assets.cbegin(), assets.cend(), isChips));
    for (const QVariant &asset : std::as_const(assets)) {
        entry->cards << AssetSummary::fromAsset(asset.toMap());
        entry->followups << (asset.toMap().value(u"type"_s).toString() == FollowupCard::AssetType
                ? FollowupCard::questionsOf(asset.toMap().value(u"valueJson"_s).toByteArray())
                : QStringList());
        entry->chips << (asset.toMap().value(u"type"_s).toString() == InterpretationCard::AssetType
                ? InterpretationCard::tokensOf(asset.toMap().value(u"valueJson"_s).toByteArray())
                : QStringList());
        if (!entry->chips.last().isEmpty()) {
            entry->chartIds << 0;
            content.cards << InterpretationCard::sizeFor(entry->chips.last(), option.font, maxText);
        } else if (!entry->followups.last().isEmpty()) {
            entry->chartIds << 0;
            content.cards << FollowupCard::sizeFor(entry->followups.last(), option.font, maxText);
        } else if (m_charts
            && ChartCardCache::isChartAsset(asset.toMap().value(u"type"_s).toString())) {
            const ChartCardCache::Card card = m_charts->card(asset.toMap());
            entry->chartIds << card.assetId;
            content.cards << ChartCard::sizeFor(maxText, option.font, card.state);
        } else {
            entry->chartIds << 0;
            content.cards << AssetCard::sizeFor(entry->cards.last(), option.font, maxText);
        }
    }

    entry->chrome
        = MessageChrome::describe(index.data(TranscriptModel::StatusRole).value<MessageStatus>(),
            entry->user, index.data(TranscriptModel::ErrorRole).toString(),
            entry->document != nullptr, entry->progress);
    if (entry->earlierVersion)
        entry->chrome.retry = false; // asking again is for the current version
    content.status
        = MessageChrome::statusSize(option.font, entry->chrome, maxText, content.text.width());
    if (entry->chrome.retry)
        content.action = MessageChrome::actionSize(option.font);
    content.footer = MessageChrome::footerSize(option.font, entry->chrome.footerText);
    content.header = MessageChrome::headerSize(option.font, entry->name, entry->time);

    entry->layout.emplace(
        width, entry->user ? BubbleLayout::Side::Right : BubbleLayout::Side::Left, content);
    Entry *raw = entry.get();
    m_sizes.insert(
        RowKey { id }, { raw->updatedAt, width, raw->progress, raw->layout->sizeHint() });
    m_cache.insert(id, entry.release());
    return raw;
}

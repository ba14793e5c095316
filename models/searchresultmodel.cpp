#include "models/searchresultmodel.h"

#include "models/conversationlistmodel.h"
#include "models/modelslog.h"
#include "models/repository.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

SearchResultModel::SearchResultModel(Repository &repository, QObject *parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, [this] { search(m_query, m_filter); });
    connect(
        &m_repository, &Repository::conversationChanged, this, &SearchResultModel::scheduleRefresh);
    connect(
        &m_repository, &Repository::conversationRemoved, this, &SearchResultModel::scheduleRefresh);
    connect(&m_repository, &Repository::messageAdded, this, &SearchResultModel::scheduleRefresh);
}

void SearchResultModel::scheduleRefresh()
{
    if (!m_query.trimmed().isEmpty())
        m_refresh.start();
}

void SearchResultModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    if (!m_query.trimmed().isEmpty())
        search(m_query, m_filter);
}

QString SearchResultModel::plainSnippet(const QString &markdown)
{
    static const QRegularExpression rule(u"\\|?[ \\t]*:?-{3,}:?[ \\t]*(?=\\||$|\\n)"_s);
    static const QRegularExpression image(u"!?\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression lineStart(
        u"(^|\\n)[ \\t]*(?:#{1,6}[ \\t]+|>[ \\t]*|[-*+][ \\t]+|\\d+\\.[ \\t]+)"_s);
    static const QRegularExpression space(u"\\s+"_s);
    QString text = markdown;
    text.replace(rule, u" "_s);
    text.replace(image, u"\\1"_s);
    text.replace(lineStart, u"\\1"_s);
    text.remove(u"**"_s).remove(u"__"_s).remove(u"~~"_s).remove(u'`');
    text.replace(u'|', u' ');
    text.replace(space, u" "_s);
    return text.trimmed();
}

bool SearchResultModel::setQuery(const QString &query)
{
    return search(query, m_filter);
}

bool SearchResultModel::setFilter(const SearchFilter &filter)
{
    return search(m_query, filter);
}

bool SearchResultModel::search(const QString &query, const SearchFilter &filter)
{
    m_query = query;
    m_filter = filter;
    m_error.clear();
    QList<SearchHit> hits;
    if (!query.trimmed().isEmpty()) {
        auto result = m_repository.search(query, maxHits, filter);
        if (result) {
            QSet<qint64> seen;
            for (SearchHit hit : std::as_const(*result)) {
                if (m_grouping == Grouping::PerConversation) {
                    if (seen.contains(hit.conversationId))
                        continue;
                    seen.insert(hit.conversationId);
                }
                hit.snippet = plainSnippet(hit.snippet);
                hits << hit;
            }
        } else {
            m_error = result.error().toString();
            qCWarning(lcModels, "Search: %s", qUtf8Printable(m_error));
        }
    }
    beginResetModel();
    m_hits = hits;
    endResetModel();
    return m_error.isEmpty();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(ConversationListModel::displayTitle(hit.conversationTitle) + u'\n'
            + hit.snippetWith({}, {}));
    case ConversationIdRole:
        return hit.conversationId;
    case MessageIdRole:
        return hit.messageId;
    case TitleRole:
        return hit.conversationTitle;
    case SnippetRole:
        return hit.snippet;
    case SnippetHtmlRole: {
        QString escaped = hit.snippet.toHtmlEscaped();
        escaped.replace(SearchHit::markStart, u"<b>"_s);
        escaped.replace(SearchHit::markEnd, u"</b>"_s);
        return escaped;
    }
    case AtRole:
        return hit.at;
    case RankRole:
        return hit.rank;
    case MatchRole:
        return QVariant::fromValue(hit.messageId == 0 ? Match::Title : Match::Message);
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ConversationIdRole, "conversationId");
    names.insert(MessageIdRole, "messageId");
    names.insert(TitleRole, "title");
    names.insert(SnippetRole, "snippet");
    names.insert(SnippetHtmlRole, "snippetHtml");
    names.insert(AtRole, "at");
    names.insert(RankRole, "rank");
    names.insert(MatchRole, "match");
    return names;
}

#include "app/analyst/textmatch.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QHash<QString, QString> &synonyms()
{
    static const QHash<QString, QString> map = {
        { u"sale"_s, u"revenue"_s },
        { u"turnover"_s, u"revenue"_s },
        { u"income"_s, u"revenue"_s },
        { u"quantity"_s, u"unit"_s },
        { u"volume"_s, u"unit"_s },
        { u"qty"_s, u"unit"_s },
        { u"expense"_s, u"cost"_s },
        { u"spend"_s, u"cost"_s },
        { u"spending"_s, u"cost"_s },
        { u"area"_s, u"region"_s },
        { u"market"_s, u"region"_s },
        { u"territory"_s, u"region"_s },
        { u"item"_s, u"product"_s },
    };
    return map;
}

} // namespace

QStringList TextMatch::words(const QString &text, bool lower)
{
    QStringList out;
    QString current;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            current.append(lower ? c.toLower() : c);
        } else if (!current.isEmpty()) {
            out.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

int TextMatch::distance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({ d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost });
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

QString TextMatch::singular(const QString &word)
{
    if (word.size() > 4 && word.endsWith(u"ies"))
        return word.chopped(3) + u'y';
    if (word.size() > 4 && (word.endsWith(u"sses") || word.endsWith(u"xes")))
        return word.chopped(2);
    if (word.size() > 3 && word.endsWith(u's') && !word.endsWith(u"ss"))
        return word.chopped(1);
    return word;
}

QString TextMatch::canonical(const QString &word)
{
    const QString one = singular(word);
    return synonyms().value(one, one);
}

bool TextMatch::isKeyword(const QString &word)
{
    static const QSet<QString> keywords = { u"show"_s, u"what"_s, u"which"_s, u"when"_s, u"most"_s,
        u"best"_s, u"least"_s, u"much"_s, u"many"_s, u"each"_s, u"every"_s, u"with"_s, u"from"_s,
        u"over"_s, u"time"_s, u"trend"_s, u"chart"_s, u"plot"_s, u"graph"_s, u"line"_s, u"data"_s,
        u"year"_s, u"years"_s, u"month"_s, u"months"_s, u"week"_s, u"weeks"_s, u"daily"_s,
        u"weekly"_s, u"monthly"_s, u"yearly"_s, u"quarter"_s, u"quarters"_s, u"quarterly"_s,
        u"annual"_s, u"average"_s, u"mean"_s, u"total"_s, u"count"_s, u"number"_s, u"highest"_s,
        u"lowest"_s, u"peak"_s, u"compare"_s, u"versus"_s, u"this"_s, u"that"_s, u"there"_s,
        u"their"_s, u"these"_s, u"those"_s, u"them"_s, u"have"_s, u"into"_s, u"than"_s, u"then"_s,
        u"give"_s, u"tell"_s, u"about"_s, u"across"_s, u"between"_s, u"during"_s, u"margin"_s,
        u"profit"_s, u"price"_s, u"minimum"_s, u"maximum"_s, u"some"_s, u"last"_s, u"next"_s };
    return keywords.contains(word);
}

bool TextMatch::matches(const QString &word, const QString &target)
{
    if (word.isEmpty() || target.isEmpty())
        return false;
    if (word == target || singular(word) == singular(target))
        return true;
    if (canonical(word) == canonical(target))
        return true;
    if (isKeyword(word) || word.size() < 4 || target.size() < 4 || word.at(0) != target.at(0))
        return false;
    const int allowed = word.size() >= 8 ? 2 : 1;
    if (distance(word, target) <= allowed)
        return true;
    return distance(singular(word), singular(target)) <= allowed;
}

bool TextMatch::isFiller(const QString &word)
{
    static const QSet<QString> filler = { u"a"_s, u"an"_s, u"the"_s, u"of"_s, u"in"_s, u"for"_s,
        u"by"_s, u"per"_s, u"and"_s, u"or"_s, u"to"_s, u"from"_s, u"between"_s, u"with"_s,
        u"each"_s, u"every"_s, u"all"_s, u"across"_s, u"on"_s, u"at"_s, u"as"_s, u"is"_s, u"was"_s,
        u"were"_s, u"are"_s, u"be"_s, u"been"_s, u"being"_s, u"did"_s, u"do"_s, u"does"_s, u"has"_s,
        u"have"_s, u"had"_s, u"what"_s, u"whats"_s, u"which"_s, u"who"_s, u"how"_s, u"when"_s,
        u"where"_s, u"much"_s, u"many"_s, u"sold"_s, u"sell"_s, u"made"_s, u"make"_s, u"earned"_s,
        u"generated"_s, u"spent"_s, u"get"_s, u"got"_s, u"only"_s, u"just"_s, u"now"_s, u"also"_s,
        u"then"_s, u"about"_s, u"overall"_s, u"so"_s, u"far"_s, u"my"_s, u"our"_s, u"we"_s, u"i"_s,
        u"you"_s, u"it"_s, u"its"_s, u"this"_s, u"that"_s, u"these"_s, u"those"_s, u"there"_s,
        u"their"_s, u"than"_s, u"compared"_s, u"against"_s, u"side"_s, u"show"_s, u"me"_s,
        u"give"_s, u"list"_s, u"display"_s, u"tell"_s, u"please"_s, u"over"_s, u"time"_s,
        u"category"_s, u"categories"_s, u"type"_s, u"types"_s, u"kind"_s, u"kinds"_s,
        u"breakdown"_s, u"split"_s, u"broken"_s, u"down"_s, u"group"_s, u"grouped"_s, u"figures"_s,
        u"numbers"_s, u"amount"_s, u"level"_s, u"performance"_s, u"results"_s, u"summary"_s,
        u"overview"_s, u"period"_s, u"since"_s, u"until"_s, u"through"_s, u"thru"_s, u"during"_s,
        u"within"_s, u"into"_s, u"see"_s, u"view"_s, u"can"_s, u"could"_s, u"would"_s, u"will"_s,
        u"up"_s, u"out"_s, u"full"_s, u"whole"_s, u"entire"_s, u"data"_s, u"dataset"_s, u"table"_s,
        u"as"_s, u"s"_s, u"it"_s, u"same"_s, u"instead"_s, u"again"_s, u"together"_s,
        u"respectively"_s, u"value"_s, u"values"_s, u"versus"_s, u"vs"_s, u"compare"_s,
        u"comparison"_s, u"number"_s, u"total"_s, u"totals"_s, u"sum"_s, u"combined"_s, u"along"_s,
        u"alongside"_s, u"one"_s, u"first"_s, u"most"_s, u"least"_s, u"any"_s, u"some"_s, u"let"_s,
        u"lets"_s, u"want"_s, u"like"_s, u"need"_s, u"know"_s, u"find"_s, u"look"_s, u"chart"_s,
        u"line"_s, u"graph"_s, u"plot"_s, u"draw"_s, u"trend"_s, u"trends"_s, u"timeline"_s,
        u"year"_s, u"quarter"_s, u"month"_s, u"week"_s, u"day"_s, u"date"_s, u"dates"_s,
        u"recorded"_s, u"happened"_s, u"performed"_s, u"did"_s, u"achieved"_s, u"brought"_s,
        u"bring"_s, u"come"_s, u"came"_s, u"during"_s, u"do"_s, u"across"_s, u"split"_s, u"rows"_s,
        u"records"_s, u"entries"_s };
    return filler.contains(word);
}

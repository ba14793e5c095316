#include "app/cli/historycommand.h"

#include "models/jsonformat.h"
#include "models/repository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QString localTime(const QDateTime &t)
{
    return t.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

QString speaker(MessageRole role)
{
    switch (role) {
    case MessageRole::User:
        return u"You"_s;
    case MessageRole::Assistant:
        return u"Assistant"_s;
    case MessageRole::System:
        return u"System"_s;
    }
    return {};
}
} // namespace

HistoryCommand::HistoryCommand(Repository &repository, const Output &output, bool json)
    : m_repository(repository)
    , m_output(output)
    , m_json(json)
{
}

QString HistoryCommand::usage()
{
    return u"usage: chartroom-cli history list | show ID | search QUERY [--backend NAME] "
           u"[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--has-chart] [--json] [--data-dir DIR]"_s;
}

int HistoryCommand::run(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == u"list" && arguments.size() == 1)
        return list();
    if (sub == u"show" && arguments.size() == 2)
        return show(arguments.at(1));
    if (sub == u"search" && arguments.size() >= 2)
        return search(arguments.mid(1));
    m_output.error(usage());
    return ExitUsage;
}

int HistoryCommand::list()
{
    QList<Conversation> all;
    constexpr int page = 500;
    for (;;) {
        auto rows = m_repository.conversations(page, int(all.size()));
        if (!rows) {
            m_output.error(rows.error().message);
            return ExitFailure;
        }
        all << *rows;
        if (rows->size() < page)
            break;
    }
    if (m_json) {
        QJsonArray array;
        for (const Conversation &c : std::as_const(all)) {
            QJsonObject o = JsonFormat::conversation(c);
            if (auto n = m_repository.messageCount(c.id))
                o.insert(u"message_count"_s, *n);
            array << o;
        }
        m_output.json(QJsonObject { { u"conversations"_s, array } });
        return ExitOk;
    }
    if (all.isEmpty()) {
        m_output.line(u"No conversations yet."_s);
        return ExitOk;
    }
    for (const Conversation &c : std::as_const(all)) {
        m_output.line(QString::number(c.id).rightJustified(6) + u"  " + localTime(c.updatedAt)
            + u"  " + (c.title.isEmpty() ? u"(untitled)"_s : c.title));
    }
    return ExitOk;
}

int HistoryCommand::show(const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0) {
        m_output.error(u"\"" + idText + u"\" is not a conversation id (a positive number).");
        return ExitUsage;
    }
    auto conversation = m_repository.conversation(id);
    if (!conversation || conversation->deleted) {
        m_output.error(conversation ? u"Conversation " + idText + u" was deleted."
                                    : conversation.error().message);
        return ExitFailure;
    }
    auto messages = m_repository.messages(id, 0, std::numeric_limits<int>::max());
    if (!messages) {
        m_output.error(messages.error().message);
        return ExitFailure;
    }
    if (m_json) {
        QJsonObject o = JsonFormat::conversation(*conversation);
        QJsonArray array;
        for (const Message &m : std::as_const(*messages))
            array << JsonFormat::message(m);
        o.insert(u"messages"_s, array);
        m_output.json(o);
        return ExitOk;
    }
    m_output.line(u"# " + conversation->title);
    for (const Message &m : std::as_const(*messages)) {
        m_output.line();
        QString header = speaker(m.role) + u" · " + localTime(m.createdAt);
        if (m.status != MessageStatus::Complete)
            header += u" · " + statusName(m.status);
        m_output.line(header);
        if (!m.text.isEmpty())
            m_output.line(m.text);
        if (!m.errorDetail.isEmpty())
            m_output.line(u"[" + m.errorDetail + u"]");
        for (const Asset &a : m.assets)
            m_output.line(u"[asset " + QString::number(a.id) + u": " + a.type + u"]");
    }
    return ExitOk;
}

int HistoryCommand::search(const QStringList &arguments)
{
    QStringList words;
    SearchFilter filter;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(u"--")) {
            words << argument;
            continue;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        if (name == u"has-chart" && equals < 0) {
            filter.hasChart = true;
            continue;
        }
        if (name != u"backend" && name != u"from" && name != u"to") {
            m_output.error(u"unknown search option \"" + argument + u"\"");
            m_output.error(usage());
            return ExitUsage;
        }
        QString value;
        if (equals >= 0) {
            value = argument.mid(equals + 1);
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
        }
        if (value.isEmpty()) {
            m_output.error(u"--" + name + u" needs a value.");
            return ExitUsage;
        }
        if (name == u"backend") {
            filter.backend = value;
            continue;
        }
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid()) {
            m_output.error(u"--" + name + u" wants a date as YYYY-MM-DD, not \"" + value + u"\".");
            return ExitUsage;
        }
        (name == u"from" ? filter.from : filter.to) = date;
    }
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to) {
        m_output.error(u"--from must not be after --to."_s);
        return ExitUsage;
    }
    if (words.isEmpty()) {
        m_output.error(usage());
        return ExitUsage;
    }
    return search(words.join(u' '), filter);
}

int HistoryCommand::search(const QString &query, const SearchFilter &filter)
{
    auto hits = m_repository.search(query, 50, filter);
    if (!hits) {
        m_output.error(hits.error().message);
        return ExitFailure;
    }
    if (m_json) {
        QJsonArray array;
        for (const SearchHit &h : std::as_const(*hits))
            array << JsonFormat::searchHit(h);
        m_output.json(QJsonObject { { u"query"_s, query }, { u"hits"_s, array } });
        return ExitOk;
    }
    if (hits->isEmpty()) {
        m_output.line(u"No matches for \"" + query + u"\".");
        return ExitOk;
    }
    for (const SearchHit &h : std::as_const(*hits)) {
        const QString where = h.messageId ? u"message " + QString::number(h.messageId) : u"title"_s;
        m_output.line(u"conversation " + QString::number(h.conversationId) + u" (" + where + u") "
            + h.conversationTitle);
        m_output.line(u"    " + h.snippetWith(u"["_s, u"]"_s));
    }
    return ExitOk;
}

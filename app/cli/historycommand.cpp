#include "app/cli/historycommand.h"

#include "app/export/exporttext.h"
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

} // namespace

HistoryCommand::HistoryCommand(Repository &repository, CommandLine line, const Output &output)
    : Command(output)
    , m_repository(repository)
    , m_line(std::move(line))
    , m_json(m_line.json())
{
}

QList<QCommandLineOption> HistoryCommand::options()
{
    return {
        { u"backend"_s, u"history search: only this backend's conversations."_s, u"NAME"_s },
        { u"from"_s, u"history search: from this day."_s, u"YYYY-MM-DD"_s },
        { u"to"_s, u"history search: up to this day."_s, u"YYYY-MM-DD"_s },
        { u"has-chart"_s, u"history search: only answers with a chart."_s },
    };
}

QString HistoryCommand::usage()
{
    return u"usage: chartroom-cli history list | show ID | search QUERY [--backend NAME] "
           u"[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--has-chart] [--json] [--data-dir DIR]"_s;
}

int HistoryCommand::run()
{
    const QStringList words = m_line.positional();
    const QString sub = words.value(0);
    if (const auto &failure = m_line.failure()) {
        if (sub != u"search")
            return usageError(*failure, usage());
        if (failure->kind == CommandLine::Failure::Kind::MissingValue) {
            m_output.error(failure->option + u" needs a value.");
        } else {
            m_output.error(u"unknown search option \"" + failure->option + u"\"");
            m_output.error(usage());
        }
        return ExitUsage;
    }
    if (sub == u"search" && words.size() >= 2)
        return search(words.mid(1));
    // The filters are for search only.
    const bool filtered = m_line.isSet(u"backend"_s) || m_line.isSet(u"from"_s)
        || m_line.isSet(u"to"_s) || m_line.isSet(u"has-chart"_s);
    if (sub == u"list" && words.size() == 1 && !filtered)
        return list();
    if (sub == u"show" && words.size() == 2 && !filtered)
        return show(words.at(1));
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
        QString header = ExportText::speaker(m) + u" · " + localTime(m.createdAt);
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

int HistoryCommand::search(const QStringList &words)
{
    SearchFilter filter;
    filter.hasChart = m_line.isSet(u"has-chart"_s);
    for (const QString &name : { u"backend"_s, u"from"_s, u"to"_s }) {
        if (!m_line.isSet(name))
            continue;
        const QString value = m_line.value(name);
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

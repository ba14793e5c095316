#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

// Domain types shared by the store, the item models, the application core and the UI.
// Ids are the local SQLite row ids; remote ids are the backend's own identifiers.

// A message's role and status are enums with meta-data (Q_ENUM_NS): item models hand them to the
// views as typed values, and they are spelled through QMetaEnum (enumnames.h). A QVariant holding
// one converts to its stored spelling, so `data(role).toString()` reads "streaming".
namespace MessageEnums {
Q_NAMESPACE
enum class MessageRole { User, Assistant, System };
Q_ENUM_NS(MessageRole)
enum class MessageStatus { Pending, Streaming, Complete, Interrupted, Error };
Q_ENUM_NS(MessageStatus)
} // namespace MessageEnums
using MessageEnums::MessageRole;
using MessageEnums::MessageStatus;

// The spelling SQLite stores ("user", "streaming"): the key in lower case.
QString roleName(MessageRole role);
QString statusName(MessageStatus status);
// Parse the stored spelling back; returns false on an unknown value.
bool parseRole(const QString &text, MessageRole *role);
bool parseStatus(const QString &text, MessageStatus *status);

struct Conversation
{
    qint64 id = 0;
    QString backend = QStringLiteral("local");
    QString remoteId;
    QString title;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool deleted = false;

    // The title a conversation started by `prompt` gets: its first line, cut at a word
    // boundary near 60 characters (the chat session and the built-in server name them alike).
    static QString titleFor(const QString &prompt);
    // How much of a prompt titleFor() looks at (a 4 MB paste is not simplified whole).
    static constexpr qsizetype titleLookAt = 960;
};

struct Asset
{
    qint64 id = 0;
    qint64 messageId = 0;
    QString remoteId;
    QString type; // "item", "workflow", ...
    QByteArray valueJson; // the asset definition as received
    QByteArray dataJson; // snapshot of the data the asset shows (may be empty)
    QDateTime dataTakenAt; // when the snapshot was taken (invalid when none)
    QDateTime createdAt;
};

// A question as the composer holds it: what was typed and a long paste kept beside the text box.
// The message's text is the typed text, a blank line and the paste (the paste alone when nothing
// but blanks was typed). Kept apart until then, so that joining a 4 MB paste (a copy) can happen
// off the window's thread.
struct QuestionText
{
    QuestionText() = default;
    QuestionText(const QString &typedText, const QString &pastedText = {}) // NOLINT: implicit
        : typed(typedText)
        , pasted(pastedText)
    {
    }
    QString typed;
    QString pasted;

    QString joined() const;
    // The length of joined(), without building it.
    qsizetype size() const;
    // Nothing but white space in either part.
    bool isBlank() const;
    // The start of joined(), at least `length` characters of it when there are (for a title).
    QString start(qsizetype length) const;
};

struct Message
{
    qint64 id = 0;
    qint64 conversationId = 0;
    QString remoteId;
    MessageRole role = MessageRole::User;
    QString agent;
    QString task;
    QString localeId;
    QString text;
    MessageStatus status = MessageStatus::Complete;
    QString errorDetail;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 seq = 0; // order within the conversation, 1-based
    // When an edited question or a regenerated answer replaced this one (invalid: it is the
    // current version; an earlier one stays in the history, shown as such).
    QDateTime supersededAt;
    // Backend-specific state to resume an unfinished answer (JSON; empty when none).
    QByteArray resumeState;
    QList<Asset> assets;
};

// A hit of a full-text search: a message (messageId != 0) or a conversation title.
struct SearchHit
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QString conversationTitle;
    // Plain text around the match; matched terms are wrapped in SearchHit::markStart/markEnd.
    QString snippet;
    MessageRole role = MessageRole::User;
    QDateTime at;
    double rank = 0;

    static constexpr QChar markStart = QChar(0x02);
    static constexpr QChar markEnd = QChar(0x03);
    // The snippet with the marks replaced, e.g. by "<b>" and "</b>" (text is not escaped).
    QString snippetWith(const QString &open, const QString &close) const;
};

Q_DECLARE_METATYPE(Conversation)
Q_DECLARE_METATYPE(Message)
Q_DECLARE_METATYPE(QuestionText)

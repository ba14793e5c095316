#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

class AnswerStream;
class LookerSession;
class LuzmoClient;
class QObject;

// What the chat session asks of a backend.
struct PromptRequest
{
    QString text;
    QString remoteConversationId; // empty: the backend starts a new conversation
    QString agent = QStringLiteral("analyst"); // Luzmo: "item" or "analyst"
    QString task = QStringLiteral("generate"); // Luzmo: "generate", "suggest" or "describe"
    QString localeId = QStringLiteral("en");
    bool stream = true;
};

// A system that answers prompts (Luzmo, the local server, workflow chat, Looker). Each turns
// its wire format into an AnswerStream of StreamEvents.
class Backend
{
public:
    virtual ~Backend() = default;
    // The name stored with conversations, e.g. "local" or "luzmo".
    virtual QString id() const = 0;
    // A short description for people, e.g. "Luzmo at https://api.luzmo.com".
    virtual QString displayName() const = 0;
    // Checks the request before anything is sent; an error message in words, or empty.
    virtual QString validate(const PromptRequest &request) const = 0;
    // Starts the request; the stream is owned by `parent`.
    virtual AnswerStream *ask(const PromptRequest &request, QObject *parent) = 0;
    // Continues an unfinished answer from AnswerStream::savedState(), re-sending what had
    // arrived; nullptr when this backend cannot resume (the default).
    virtual AnswerStream *resume(const QByteArray &savedState, QObject *parent)
    {
        Q_UNUSED(savedState);
        Q_UNUSED(parent);
        return nullptr;
    }

    // Capabilities beyond answering; nullptr when this backend has none (the default).
    // The Luzmo client that fetches chart items' data (for snapshots) and syncs Luzmo history.
    virtual LuzmoClient *luzmoClient() { return nullptr; }
    // The Looker session that syncs Looker conversations.
    virtual LookerSession *lookerSession() { return nullptr; }
};

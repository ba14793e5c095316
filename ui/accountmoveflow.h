#pragma once

#include <QObject>

class BackendRegistry;
class ChatSession;
class ErrorBanner;
class Repository;
class QWidget;

// A conversation whose account was removed: says so in the error banner (in words, never the
// account's id) with "Move to another account…", which asks for one of the current accounts
// (MoveConversationDialog) and moves the conversation there: its backend becomes that account
// and its remote id is cleared, so the next question starts a new remote conversation on it.
class AccountMoveFlow : public QObject
{
    Q_OBJECT
public:
    AccountMoveFlow(
        Repository &repository, ChatSession &session, ErrorBanner *banner, QWidget *window);

    // The accounts to offer (not owned; nullptr: none, nothing can be moved).
    void setBackendRegistry(BackendRegistry *backends) { m_backends = backends; }
    // When conversation `id`'s account was removed, shows so in the banner and returns true;
    // otherwise hides what it showed earlier for another conversation and returns false.
    bool explain(qint64 id);
    // Asks which account to continue conversation `id` on and moves it; false when cancelled,
    // when there is no account to offer, or when the store failed (said in the banner).
    bool moveConversation(qint64 id);

private:
    bool removed(qint64 id) const;

    Repository &m_repository;
    ChatSession &m_session;
    ErrorBanner *m_banner;
    QWidget *m_window;
    BackendRegistry *m_backends = nullptr;
    qint64 m_shownFor = 0; // the conversation the banner speaks of, or 0
};

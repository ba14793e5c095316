#pragma once

#include "app/accounts/account.h"
#include "app/chat/backend.h"

#include <QList>
#include <QPointer>

#include <memory>

class DeferredAnswerStream;
class QNetworkAccessManager;

// One remote account (Luzmo, workflow, Looker) as a chat backend; the built-in Local account is
// the local server's own backend, made by the entry point. Here: id() is the account id, and
// requests get the account's agent and task. The real backend (LuzmoBackend, WorkflowBackend or
// LookerBackend) is built once the secret is known: until setSecret() or setSecretError(),
// questions wait (a DeferredAnswerStream) and are sent when it arrives, or end with the keychain's
// refusal in words.
class AccountBackend : public Backend
{
public:
    AccountBackend(QNetworkAccessManager &network, Account account);
    ~AccountBackend() override;

    QString id() const override { return m_account.id; }
    QString displayName() const override;
    QString validate(const PromptRequest &request) const override;
    AnswerStream *ask(const PromptRequest &request, QObject *parent) override;

    const Account &account() const { return m_account; }
    bool isSecretLoading() const { return m_loading; }
    void setSecret(const QString &secret);
    // The keychain refused: waiting and later questions fail with `message`.
    void setSecretError(const QString &message);
    // Set when no keychain exists, so "needs a token" explains why it was not kept.
    void setKeychainUnavailable(bool unavailable) { m_noKeychain = unavailable; }
    // The inner backend's capabilities; nullptr before the secret.
    LuzmoClient *luzmoClient() override;
    LookerSession *lookerSession() override;

private:
    void build();
    PromptRequest adjusted(const PromptRequest &request) const;

    QNetworkAccessManager &m_network;
    Account m_account;
    std::unique_ptr<Backend> m_owned;
    Backend *m_inner = nullptr; // m_owned.get()
    bool m_loading = true;
    bool m_noKeychain = false;
    QString m_secretError;
    QList<QPointer<DeferredAnswerStream>> m_waiting;
    QList<PromptRequest> m_waitingRequests;
};

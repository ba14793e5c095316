#include "ui/accountmoveflow.h"

#include "app/core/backendregistry.h"
#include "app/core/chatsession.h"
#include "models/repository.h"
#include "ui/errorbanner.h"
#include "ui/moveconversationdialog.h"

using namespace Qt::StringLiterals;

AccountMoveFlow::AccountMoveFlow(
    Repository &repository, ChatSession &session, ErrorBanner *banner, QWidget *window)
    : QObject(window)
    , m_repository(repository)
    , m_session(session)
    , m_banner(banner)
    , m_window(window)
{
}

bool AccountMoveFlow::removed(qint64 id) const
{
    const auto conversation = m_repository.conversation(id);
    return conversation && m_session.accountRemoved(*conversation);
}

bool AccountMoveFlow::explain(qint64 id)
{
    if (id != 0 && removed(id)) {
        m_shownFor = id;
        m_banner->showErrorWithAction(ChatSession::removedAccountMessage(),
            tr("Move to another account…"), [this, id] { moveConversation(id); });
        return true;
    }
    if (m_shownFor != 0) {
        m_shownFor = 0;
        m_banner->hide();
    }
    return false;
}

bool AccountMoveFlow::moveConversation(qint64 id)
{
    const auto conversation = m_repository.conversation(id);
    if (!conversation || !m_backends)
        return false;
    QList<MoveConversationDialog::Choice> choices;
    for (const Account &a : m_backends->settings().accounts) {
        if (m_backends->backendFor(a.id))
            choices.append(
                { a.id, a.name.trimmed().isEmpty() ? Account::kindTitle(a.kind) : a.name });
    }
    if (choices.isEmpty()) {
        m_banner->showError(tr("There is no other account to move this conversation to: add one "
                               "in Settings."));
        return false;
    }
    MoveConversationDialog dialog(conversation->title, choices, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenAccountId().isEmpty())
        return false;
    // No remote id: the next question starts a new remote conversation on the chosen account.
    if (StoreStatus e
        = m_repository.setConversationRemoteId(id, QString(), dialog.chosenAccountId())) {
        m_banner->showError(tr("The conversation could not be moved: %1").arg(e->message));
        return false;
    }
    explain(id);
    return true;
}

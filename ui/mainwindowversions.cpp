// MainWindow: the last turn's versions (issue 16.4). Edit Last Question puts the question in the
// composer (Composer::editQuestion), and its Send Again goes to ChatSession::resend (send());
// Regenerate Last Answer asks the same question again. What they replace stays in the
// transcript as an earlier version.
#include "app/core/chatsession.h"
#include "models/repository.h"
#include "models/transcriptmodel.h"
#include "ui/accountmoveflow.h"
#include "ui/composer.h"
#include "ui/errorbanner.h"
#include "ui/mainwindow.h"
#include "ui/transcriptview.h"

void MainWindow::editQuestion(qint64 questionId)
{
    if (questionId == 0)
        questionId = m_transcript->lastQuestionId();
    if (questionId == 0) {
        m_error->showError(tr("This conversation has no question to edit yet."));
        return;
    }
    const StoreResult<Message> question = m_repository.message(questionId);
    if (!question) {
        m_error->showError(tr("The question could not be read: %1").arg(question.error().message));
        return;
    }
    m_error->hide();
    m_composer->editQuestion(questionId, question->text);
}

void MainWindow::regenerate(qint64 answerId)
{
    if (answerId == 0)
        answerId = m_transcript->lastAnswerId();
    if (answerId == 0) {
        m_error->showError(tr("This conversation has no answer to regenerate yet."));
        return;
    }
    const StoreResult<qint64> asked = m_session.regenerate(answerId);
    if (!asked && m_moveFlow->explain(currentConversation()))
        return; // its account was removed: the banner offers to move it
    if (!asked) {
        m_error->showError(tr("Could not regenerate the answer: %1").arg(asked.error().message));
        return;
    }
    m_error->hide();
    m_view->scrollToNewest();
}

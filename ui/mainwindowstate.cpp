// MainWindow's saved state per data folder (geometry, panes, the last open conversation) and
// the status bar's account line (declared in mainwindow.h; kept apart so mainwindow.cpp stays
// about the window's panes and the conversation shown).
#include "app/core/backendregistry.h"
#include "app/core/csvimporter.h"
#include "models/repository.h"
#include "models/transcriptmodel.h"
#include "ui/mainwindow.h"

#include <QCloseEvent>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QSplitter>

using namespace Qt::StringLiterals;

namespace {
const auto geometryKey = u"mainWindow/geometry"_s;
const auto stateKey = u"mainWindow/state"_s;
const auto splitterKey = u"mainWindow/splitter"_s;
const auto conversationKey = u"mainWindow/conversation"_s;

} // namespace

QString MainWindow::settingsGroupFor(const QString &dataDirectory)
{
    const QFileInfo folder(dataDirectory);
    const QString path = folder.exists() ? folder.canonicalFilePath() : folder.absoluteFilePath();
    return u"dataFolders/"_s
        + QString::fromLatin1(
            QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

void MainWindow::updateBackendLabel()
{
    if (!m_backendLabel)
        return;
    if (!m_backends) {
        m_backendLabel->setText(tr("No backend configured"));
        return;
    }
    // Where the next answer comes from: a conversation started remotely continues on its own
    // account (ChatSession::backendFor); one not started yet on its own account when that
    // exists (e.g. moved there), else on the default, like a new one.
    const auto conversation = m_repository.conversation(currentConversation());
    const QString backend = currentConversation() && conversation
            && (!conversation->remoteId.isEmpty() || m_backends->backendFor(conversation->backend))
        ? conversation->backend
        : QString();
    if (!backend.isEmpty() && !m_backends->settings().resolve(backend)) {
        m_backendLabel->setText(tr("The account of this conversation was removed"));
        return;
    }
    m_backendLabel->setText(tr("Answers from: %1").arg(m_backends->description(backend)));
}

void MainWindow::restoreSettings()
{
    restoreGeometry(m_settings->value(geometryKey).toByteArray());
    restoreState(m_settings->value(stateKey).toByteArray());
    m_splitter->restoreState(m_settings->value(splitterKey).toByteArray());
    const qint64 last = m_settings->value(conversationKey).toLongLong();
    if (last != 0 && m_repository.conversation(last))
        openConversation(last);
}

void MainWindow::saveSettings()
{
    m_settings->setValue(geometryKey, saveGeometry());
    m_settings->setValue(stateKey, saveState());
    m_settings->setValue(splitterKey, m_splitter->saveState());
    m_settings->setValue(conversationKey, currentConversation());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // An import still running is cancelled (nothing of it is kept) and its thread ended.
    if (m_importer)
        m_importer->cancelAndWait();
    saveSettings();
    QMainWindow::closeEvent(event);
}

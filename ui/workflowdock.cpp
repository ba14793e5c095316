#include "workflowdock.h"

#include "chatsession.h"
#include "transcriptmodel.h"
#include "workflowpanel.h"

#include <QJsonDocument>

WorkflowDock::WorkflowDock(ChatSession &session, TranscriptModel &transcript, QWidget *parent)
    : QDockWidget(tr("Workflow"), parent)
    , m_transcript(transcript)
    , m_panel(new WorkflowPanel(this))
{
    setObjectName(u"workflowDock"_qs);
    setWidget(m_panel);
    hide();
    connect(m_panel, &WorkflowPanel::workflowShown, this, &QWidget::show);
    connect(&session, &ChatSession::streamStarted, this,
        [this](qint64, AnswerStream *stream) { m_panel->follow(stream); });
    connect(
        &m_transcript, &QAbstractItemModel::modelReset, this, &WorkflowDock::showStoredWorkflow);
    connect(&m_transcript, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            if (roles.contains(TranscriptModel::AssetsRole))
                showStoredWorkflow();
        });
}

void WorkflowDock::showStoredWorkflow()
{
    // The newest workflow definition of the open conversation, if any.
    for (int row = m_transcript.rowCount() - 1; row >= 0; --row) {
        const QVariantList assets
            = m_transcript.index(row).data(TranscriptModel::AssetsRole).toList();
        for (auto it = assets.crbegin(); it != assets.crend(); ++it) {
            const QVariantMap asset = it->toMap();
            if (asset.value(u"type"_qs).toString() == u"workflow") {
                m_panel->showDefinition(
                    QJsonDocument::fromJson(asset.value(u"valueJson"_qs).toByteArray()).object());
                return;
            }
        }
    }
    m_panel->clear();
    hide();
}

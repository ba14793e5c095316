#include "ui/workflowdock.h"

#include "app/chat/answerstream.h"
#include "app/core/chatsession.h"
#include "models/transcriptmodel.h"
#include "ui/workflow/workflowgraphwidget.h"
#include "ui/workflowpanel.h"

#include <QJsonDocument>
#include <QTabWidget>

using namespace Qt::StringLiterals;

WorkflowDock::WorkflowDock(ChatSession &session, TranscriptModel &transcript, QWidget *parent)
    : QDockWidget(tr("Workflow"), parent)
    , m_transcript(transcript)
    , m_panel(new WorkflowPanel(this))
    , m_graph(new WorkflowGraphWidget(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"workflowDock"_s);
    m_tabs->setObjectName(u"workflowTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_graph, tr("Graph"));
    m_tabs->addTab(m_panel, tr("Details"));
    setWidget(m_tabs);
    connect(m_panel, &WorkflowPanel::nodesChanged, m_graph,
        [this] { m_graph->showDefinition(m_panel->shownDefinition()); });
    hide();
    connect(m_panel, &WorkflowPanel::workflowShown, this, &QWidget::show);
    connect(&session, &ChatSession::streamStarted, this,
        [this](qint64 messageId, AnswerStream *stream) {
            if (!m_panel->follow(stream))
                return;
            m_live = stream;
            m_liveMessageId = messageId;
            connect(stream, &AnswerStream::ended, this, [this] { m_live = nullptr; });
        });
    connect(
        &m_transcript, &QAbstractItemModel::modelReset, this, &WorkflowDock::showStoredWorkflow);
    connect(&m_transcript, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            if (roles.contains(TranscriptModel::AssetsRole))
                showStoredWorkflow();
        });
}

bool WorkflowDock::showsLiveAnswer() const
{
    if (!m_live)
        return false;
    for (int row = m_transcript.rowCount() - 1; row >= 0; --row) {
        if (m_transcript.index(row).data(TranscriptModel::IdRole).toLongLong() == m_liveMessageId)
            return true;
    }
    return false;
}

void WorkflowDock::showStoredWorkflow()
{
    if (showsLiveAnswer())
        return; // its nodes are already shown, live; the stored definition comes at the end

    // The newest workflow definition of the open conversation, if any.
    for (int row = m_transcript.rowCount() - 1; row >= 0; --row) {
        const QVariantList assets
            = m_transcript.index(row).data(TranscriptModel::AssetsRole).toList();
        for (auto it = assets.crbegin(); it != assets.crend(); ++it) {
            const QVariantMap asset = it->toMap();
            if (asset.value(u"type"_s).toString() == u"workflow") {
                m_panel->showDefinition(
                    QJsonDocument::fromJson(asset.value(u"valueJson"_s).toByteArray()).object());
                return;
            }
        }
    }
    m_panel->clear();
    hide();
}

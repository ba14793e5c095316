#include "ui/outboxqueuelist.h"

#include "app/core/outboxsender.h"
#include "models/outbox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

OutboxQueueList::OutboxQueueList(Outbox &outbox, OutboxSender &sender, QWidget *parent)
    : QWidget(parent)
    , m_outbox(outbox)
    , m_sender(sender)
    , m_rows(new QVBoxLayout(this))
{
    setObjectName(u"outboxQueueList"_s);
    m_rows->setContentsMargins(10, 10, 10, 10);
    m_rows->setSpacing(6);
    connect(&m_outbox, &Outbox::changed, this, &OutboxQueueList::refresh);
    refresh();
}

void OutboxQueueList::refresh()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            // Later: the row's own Cancel may be the one being clicked.
            w->hide();
            w->setParent(nullptr);
            w->deleteLater();
        }
        delete item;
    }
    const auto queued = m_outbox.queued();
    m_count = queued ? int(queued->size()) : 0;
    if (!queued) {
        m_rows->addWidget(new QLabel(queued.error().message, this));
        return;
    }
    if (queued->isEmpty()) {
        auto *empty = new QLabel(tr("Nothing is waiting to be sent."), this);
        empty->setObjectName(u"outboxEmpty"_s);
        m_rows->addWidget(empty);
        return;
    }
    for (const OutboxEntry &entry : *queued) {
        auto *row = new QWidget(this);
        row->setObjectName(u"outboxRow"_s);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        const QString line = entry.text.simplified();
        auto *label = new QLabel(row);
        label->setObjectName(u"outboxRowText"_s);
        label->setText(label->fontMetrics().elidedText(line, Qt::ElideRight, 360));
        label->setToolTip(entry.text);
        auto *cancel = new QPushButton(tr("Cancel"), row);
        cancel->setObjectName(u"outboxCancel"_s);
        cancel->setToolTip(tr("Don't send this question"));
        cancel->setProperty("outboxId", entry.id);
        const qint64 id = entry.id;
        connect(cancel, &QPushButton::clicked, this, [this, id] {
            const StoreResult<bool> cancelled = m_sender.cancel(id);
            if (!cancelled)
                Q_EMIT failed(cancelled.error().message);
            else if (!*cancelled)
                Q_EMIT failed(tr("That question is already being sent."));
            refresh();
        });
        layout->addWidget(label, 1);
        layout->addWidget(cancel);
        m_rows->addWidget(row);
    }
}

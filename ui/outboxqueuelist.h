#pragma once

#include <QWidget>

class Outbox;
class OutboxSender;
class QVBoxLayout;

// The questions waiting in the outbox, oldest first, each with a Cancel button.
class OutboxQueueList : public QWidget
{
    Q_OBJECT
public:
    OutboxQueueList(Outbox &outbox, OutboxSender &sender, QWidget *parent = nullptr);

    int count() const { return m_count; }
    void refresh();

Q_SIGNALS:
    void failed(const QString &message);

private:
    Outbox &m_outbox;
    OutboxSender &m_sender;
    QVBoxLayout *m_rows;
    int m_count = 0;
};

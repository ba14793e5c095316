#pragma once

#include <QFrame>

#include <functional>

class Connectivity;
class Outbox;
class OutboxQueueList;
class OutboxSender;
class QLabel;
class QToolButton;

// "You're offline — 2 questions will be sent when Luzmo is reachable again.", above the
// composer while a backend is unreachable (or the system has no network). "Show queue" opens
// the list of waiting questions, each with its own Cancel.
class OfflineBanner : public QFrame
{
    Q_OBJECT
public:
    OfflineBanner(Connectivity &connectivity, Outbox &outbox, OutboxSender &sender,
        QWidget *parent = nullptr);

    // A backend's name for people (e.g. BackendRegistry's display names); default: the id.
    using NameResolver = std::function<QString(const QString &backendId)>;
    void setNameResolver(NameResolver resolver);

    QString text() const;
    // The queue list (in its popup; shown by "Show queue").
    OutboxQueueList *queueList() const { return m_list; }
    void showQueue();
    void refresh();

Q_SIGNALS:
    // Cancelling failed (a store error), in words.
    void failed(const QString &message);

private:
    QString names(const QStringList &backendIds) const;

    Connectivity &m_connectivity;
    Outbox &m_outbox;
    NameResolver m_names;
    QLabel *m_label;
    QToolButton *m_showQueue;
    QFrame *m_popup;
    OutboxQueueList *m_list;
};

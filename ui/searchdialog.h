#pragma once

#include "models/searchfilter.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListView;
class Repository;
class SearchResultModel;

// Ctrl+K: a command-palette search over the whole history. Results follow the query as it is
// typed (debounced) and the filters (backend, date range, has chart) as they change; Up/Down
// move through the hits, Enter (or a click) opens one, Esc closes. Runs on the local store only,
// so it works with the network off.
class SearchDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SearchDialog(Repository &repository, QWidget *parent = nullptr);

    // Shows the palette over its parent: fresh backend list, the last query selected, results
    // run again (the history may have changed).
    void popup();
    SearchFilter filter() const;

    QLineEdit *queryField() const { return m_query; }
    QComboBox *backendFilter() const { return m_backend; }
    QDateEdit *fromDate() const { return m_from; }
    QDateEdit *toDate() const { return m_to; }
    QCheckBox *hasChartFilter() const { return m_hasChart; }
    QListView *results() const { return m_results; }
    SearchResultModel *model() const { return m_model; }
    QLabel *statusLabel() const { return m_status; }

    static constexpr int searchDelay = 150; // ms after the last keystroke
    // A date edit showing this day reads "Any" (no bound).
    static QDate anyDate() { return QDate(2000, 1, 1); }

Q_SIGNALS:
    // `messageId` is 0 for a hit in a conversation's title.
    void resultChosen(qint64 conversationId, qint64 messageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createFilterRow();
    void refreshBackends();
    void runSearch();
    void moveSelection(int delta);
    void choose(const QModelIndex &index);
    void updateStatus(bool ok);

    Repository &m_repository;
    SearchResultModel *m_model;
    QLineEdit *m_query;
    QComboBox *m_backend;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QCheckBox *m_hasChart;
    QListView *m_results;
    QLabel *m_status;
    QTimer m_searchTimer;
};

#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

// An inline, dismissable error line: what failed, in words a person can act on, and optionally
// the one action that helps (e.g. "Move to another account…").
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    // Shows `message` without an action.
    void showError(const QString &message);
    // Shows `message` with a button `actionText` that runs `action`.
    void showErrorWithAction(
        const QString &message, const QString &actionText, std::function<void()> action);
    QString message() const;
    QPushButton *actionButton() const { return m_action; }

private:
    QLabel *m_label;
    QPushButton *m_action;
    std::function<void()> m_run;
};

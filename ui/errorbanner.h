#pragma once

#include <QFrame>

class QLabel;

// An inline, dismissable error line: what failed, in words a person can act on.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &message);
    QString message() const;

private:
    QLabel *m_label;
};

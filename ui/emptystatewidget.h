#pragma once

#include <QWidget>

// Shown in place of the transcript when no conversation is open: a short invitation and a few
// example questions that fill the composer when clicked.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    static QStringList examplePrompts();

Q_SIGNALS:
    void promptChosen(const QString &prompt);
};

#pragma once

#include <QWidget>

class QAction;
class QPlainTextEdit;
class QPushButton;

// Where the question is typed: a growing text box, Send (Ctrl+Return, Ctrl+Enter) and Stop.
// Send is enabled when there is text and no answer is streaming; Stop only while one is.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void clear();
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void focusEditor();

    QPlainTextEdit *editor() const { return m_edit; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }

Q_SIGNALS:
    void sendRequested(const QString &text);
    void stopRequested();

private:
    void requestSend();
    void updateButtons();
    void updateHeight();

    QPlainTextEdit *m_edit;
    QPushButton *m_send;
    QPushButton *m_stop;
    QAction *m_sendAction;
    bool m_busy = false;
};

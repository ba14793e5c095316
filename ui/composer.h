#pragma once

#include "models/types.h"

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

// Where the question is typed: a growing text box, Send (Ctrl+Return, Ctrl+Enter) and Stop.
// Send is enabled when there is text and no answer is streaming; Stop only while one is.
// A paste longer than pasteLimit characters does not go into the text box (laying 4 MB out
// there would freeze the window): it is kept as is and shown as a chip ("Pasted text ·
// 4,194,304 characters", with a button to remove it); text() is the typed text followed by it.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    static constexpr qsizetype pasteLimit = 100000;

    QString text() const;
    // What was typed and the long paste, apart (text() is them joined).
    QuestionText question() const;
    // Puts a question back as it was (a question that could not be sent).
    void setQuestion(const QuestionText &question);
    // The long paste kept beside the text box (empty: none).
    QString pastedText() const { return m_pasted; }
    // Replaces what is in the composer (a text over pasteLimit is kept as a long paste is).
    void setText(const QString &text);
    // Ends any edit (editQuestion()) too.
    void clear();
    // Puts the conversation's last question `questionId` in the composer to be edited; a bar
    // above the text box says so and offers Cancel, and Send becomes "Send Again" (the caller
    // sends it with ChatSession::resend()).
    void editQuestion(qint64 questionId, const QuestionText &question);
    // The question being edited (0: a new question is being written).
    qint64 editingId() const { return m_editing; }
    void cancelEdit();
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void focusEditor();

    QPlainTextEdit *editor() const { return m_edit; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }
    QWidget *pastedChip() const { return m_chip; }
    QWidget *editBar() const { return m_editBar; }

Q_SIGNALS:
    void sendRequested(const QuestionText &question);
    void stopRequested();

private:
    void requestSend();
    void updateButtons();
    void updateHeight();
    void setPasted(const QString &text);
    void setEditing(qint64 questionId);

    QPlainTextEdit *m_edit;
    QWidget *m_chip;
    QLabel *m_chipLabel;
    QString m_pasted;
    QPushButton *m_send;
    QPushButton *m_stop;
    QAction *m_sendAction;
    QWidget *m_editBar;
    qint64 m_editing = 0;
    bool m_busy = false;
};

#include "ui/composer.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace {
constexpr int minLines = 2;
constexpr int maxLines = 8;

// The text box: a plain-text paste longer than Composer::pasteLimit is handed to `onLong`
// instead of being inserted.
class ComposerEdit : public QPlainTextEdit
{
public:
    ComposerEdit(std::function<void(const QString &)> onLong, QWidget *parent)
        : QPlainTextEdit(parent)
        , m_onLong(std::move(onLong))
    {
    }

protected:
    void insertFromMimeData(const QMimeData *source) override
    {
        if (source->hasText()) {
            const QString text = source->text();
            if (text.size() > Composer::pasteLimit) {
                m_onLong(text);
                return;
            }
        }
        QPlainTextEdit::insertFromMimeData(source);
    }

private:
    std::function<void(const QString &)> m_onLong;
};
} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_edit(new ComposerEdit([this](const QString &text) { setPasted(text); }, this))
    , m_chip(new QWidget(this))
    , m_chipLabel(new QLabel(m_chip))
    , m_send(new QPushButton(tr("Send"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_sendAction(new QAction(tr("Send"), this))
    , m_editBar(new QWidget(this))
{
    setObjectName(u"composer"_s);
    m_edit->setObjectName(u"composerEdit"_s);
    m_edit->setPlaceholderText(tr("Ask about your data… (Ctrl+Return to send)"));
    m_edit->setTabChangesFocus(true);
    m_edit->setFrameShape(QFrame::NoFrame);
    m_edit->document()->setDocumentMargin(6);
    m_send->setObjectName(u"sendButton"_s);
    m_stop->setObjectName(u"stopButton"_s);
    // Clicking a button leaves the focus in the text box, ready for the next question.
    m_send->setFocusPolicy(Qt::TabFocus);
    m_stop->setFocusPolicy(Qt::TabFocus);
    m_send->setToolTip(tr("Send the question (Ctrl+Return)"));
    m_stop->setToolTip(tr("Stop the answer that is streaming"));
    m_edit->setAccessibleName(tr("Question"));
    m_edit->setAccessibleDescription(tr("Type a question about your data; Ctrl+Return sends it"));
    m_send->setAccessibleName(tr("Send question"));
    m_send->setAccessibleDescription(m_send->toolTip());
    m_stop->setAccessibleName(tr("Stop answer"));
    m_stop->setAccessibleDescription(m_stop->toolTip());

    m_sendAction->setObjectName(u"actionSend"_s);
    m_sendAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_sendAction);

    auto *frame = new QFrame(this);
    frame->setObjectName(u"composerFrame"_s);
    auto *frameLayout = new QHBoxLayout(frame);
    frameLayout->setContentsMargins(6, 4, 8, 4);
    frameLayout->setSpacing(8);
    m_chip->setObjectName(u"pastedChip"_s);
    auto *chipLayout = new QHBoxLayout(m_chip);
    chipLayout->setContentsMargins(6, 2, 0, 0);
    chipLayout->setSpacing(4);
    auto *removePasted = new QToolButton(m_chip);
    removePasted->setObjectName(u"removePasted"_s);
    removePasted->setText(u"✕"_s);
    removePasted->setAutoRaise(true);
    removePasted->setToolTip(tr("Remove the pasted text"));
    connect(removePasted, &QToolButton::clicked, this, [this] { setPasted({}); });
    chipLayout->addWidget(m_chipLabel);
    chipLayout->addWidget(removePasted);
    chipLayout->addStretch();
    m_chip->hide();
    m_editBar->setObjectName(u"editBar"_s);
    auto *editBarLayout = new QHBoxLayout(m_editBar);
    editBarLayout->setContentsMargins(6, 2, 0, 2);
    editBarLayout->setSpacing(4);
    auto *editLabel = new QLabel(
        tr("Editing your last question: sending it again keeps the earlier version."), m_editBar);
    editLabel->setWordWrap(true);
    auto *cancelEditButton = new QToolButton(m_editBar);
    cancelEditButton->setObjectName(u"cancelEdit"_s);
    cancelEditButton->setText(tr("Cancel"));
    cancelEditButton->setAutoRaise(true);
    cancelEditButton->setToolTip(tr("Stop editing and empty the text box"));
    connect(cancelEditButton, &QToolButton::clicked, this, &Composer::cancelEdit);
    editBarLayout->addWidget(editLabel, 1);
    editBarLayout->addWidget(cancelEditButton);
    m_editBar->hide();
    auto *editColumn = new QVBoxLayout;
    editColumn->setSpacing(0);
    editColumn->addWidget(m_editBar);
    editColumn->addWidget(m_chip);
    editColumn->addWidget(m_edit, 1);
    frameLayout->addLayout(editColumn, 1);
    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(6);
    buttons->addStretch();
    buttons->addWidget(m_stop);
    buttons->addWidget(m_send);
    frameLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 6, 18, 14);
    layout->addWidget(frame);

    connect(m_send, &QPushButton::clicked, this, &Composer::requestSend);
    connect(m_sendAction, &QAction::triggered, this, &Composer::requestSend);
    connect(m_stop, &QPushButton::clicked, this, &Composer::stopRequested);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        updateButtons();
        updateHeight();
    });
    updateButtons();
    updateHeight();
}

QString Composer::text() const
{
    return question().joined();
}

QuestionText Composer::question() const
{
    return { m_edit->toPlainText(), m_pasted };
}

void Composer::setQuestion(const QuestionText &question)
{
    setText(question.typed);
    if (!question.pasted.isEmpty())
        setPasted(question.pasted);
}

void Composer::setPasted(const QString &text)
{
    m_pasted = text;
    m_chipLabel->setText(tr("Pasted text · %1 characters").arg(QLocale().toString(text.size())));
    m_chip->setVisible(!text.isEmpty());
    updateButtons();
}

void Composer::setText(const QString &text)
{
    // A long text (a question given back after it could not be saved) is kept beside the text
    // box, as its paste was.
    const bool isLong = text.size() > pasteLimit;
    setPasted(isLong ? text : QString());
    m_edit->setPlainText(isLong ? QString() : text);
    m_edit->moveCursor(QTextCursor::End);
}

void Composer::clear()
{
    setPasted({});
    m_edit->clear();
    setEditing(0);
}

void Composer::editQuestion(qint64 questionId, const QuestionText &question)
{
    setQuestion(question);
    setEditing(questionId);
    focusEditor();
}

void Composer::cancelEdit()
{
    clear();
}

void Composer::setEditing(qint64 questionId)
{
    m_editing = questionId;
    m_editBar->setVisible(questionId != 0);
    m_send->setText(questionId != 0 ? tr("Send Again") : tr("Send"));
    m_send->setAccessibleName(
        questionId != 0 ? tr("Send the edited question again") : tr("Send question"));
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void Composer::focusEditor()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
}

void Composer::requestSend()
{
    if (!m_send->isEnabled())
        return;
    Q_EMIT sendRequested(question());
}

void Composer::updateButtons()
{
    // Called on every change: find the first non-blank character instead of copying the whole
    // text out (a 4 MB paste would copy 4 MB per keystroke).
    static const QRegularExpression nonBlank(u"\\S"_s);
    const bool hasText = !m_edit->document()->find(nonBlank).isNull() || !m_pasted.isEmpty();
    m_send->setEnabled(hasText && !m_busy);
    m_sendAction->setEnabled(hasText && !m_busy);
    m_stop->setEnabled(m_busy);
}

void Composer::updateHeight()
{
    const QFontMetrics fm(m_edit->font());
    const int lines = std::clamp(m_edit->document()->lineCount(), minLines, maxLines);
    const int margins = int(2 * m_edit->document()->documentMargin()) + 2 * m_edit->frameWidth();
    m_edit->setFixedHeight(lines * fm.lineSpacing() + margins + 4);
}

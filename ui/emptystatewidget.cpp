#include "ui/emptystatewidget.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"emptyState"_s);
    auto *title = new QLabel(tr("Ask a question about your data to start a conversation"), this);
    title->setObjectName(u"emptyStateTitle"_s);
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *hint = new QLabel(tr("Answers stream in as text and charts, and everything stays on "
                               "this computer. Try one of these:"),
        this);
    hint->setObjectName(u"emptyStateHint"_s);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);

    auto *column = new QVBoxLayout;
    column->setSpacing(10);
    column->addWidget(title);
    column->addWidget(hint);
    column->addSpacing(8);
    for (const QString &prompt : examplePrompts()) {
        auto *button = new QPushButton(prompt, this);
        button->setObjectName(u"examplePrompt"_s);
        button->setCursor(Qt::PointingHandCursor);
        connect(
            button, &QPushButton::clicked, this, [this, prompt] { Q_EMIT promptChosen(prompt); });
        column->addWidget(button);
    }

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column, 4);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

QStringList EmptyStateWidget::examplePrompts()
{
    // HelpAnswer::examples() for the bundled Sales sample (a trend, a ranking, a filtered
    // number); tst_questiontable checks they are the same and asks each one. Not translated:
    // the built-in analyst reads English questions.
    return { u"Show monthly revenue as a line chart"_s,
        u"Which region had the highest revenue last year?"_s, u"Total units for Dock in 2024"_s };
}

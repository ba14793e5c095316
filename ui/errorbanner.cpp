#include "ui/errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setObjectName(u"errorBanner"_s);
    setAccessibleName(tr("Error"));
    setAccessibleDescription(tr("What went wrong, and what you can do about it"));
    m_label->setObjectName(u"errorBannerText"_s);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(u"errorBannerAction"_s);
    m_action->hide();
    auto *close = new QToolButton(this);
    close->setObjectName(u"errorBannerClose"_s);
    close->setText(u"✕"_s);
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run(); // may show another message, or hide the banner
    });
    hide();
}

void ErrorBanner::showError(const QString &message)
{
    showErrorWithAction(message, {}, {});
}

void ErrorBanner::showErrorWithAction(
    const QString &message, const QString &actionText, std::function<void()> action)
{
    m_label->setText(message);
    m_run = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty() && m_run);
    show();
}

QString ErrorBanner::message() const
{
    return isHidden() ? QString() : m_label->text();
}

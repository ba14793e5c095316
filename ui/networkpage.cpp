#include "ui/networkpage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

NetworkPage::NetworkPage(QWidget *parent)
    : QWidget(parent)
    , m_system(new QRadioButton(tr("Use the s&ystem's proxy settings"), this))
    , m_none(new QRadioButton(tr("&No proxy"), this))
    , m_manual(new QRadioButton(tr("&Manual proxy:"), this))
    , m_fields(new QWidget(this))
    , m_type(new QComboBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(u"networkPage"_s);
    m_system->setObjectName(u"proxySystem"_s);
    m_none->setObjectName(u"proxyNone"_s);
    m_manual->setObjectName(u"proxyManual"_s);
    m_type->setObjectName(u"proxyType"_s);
    m_type->addItem(tr("HTTP"), u"http"_s);
    m_type->addItem(tr("SOCKS5"), u"socks5"_s);
    m_host->setObjectName(u"proxyHost"_s);
    m_host->setPlaceholderText(u"proxy.example.com"_s);
    m_port->setObjectName(u"proxyPort"_s);
    m_port->setRange(1, 65535);
    m_user->setObjectName(u"proxyUser"_s);
    m_user->setPlaceholderText(tr("Optional"));
    m_password->setObjectName(u"proxyPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept in the system keychain"));
    m_message->setObjectName(u"proxyMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *modes = new QButtonGroup(this);
    for (QRadioButton *b : { m_system, m_none, m_manual })
        modes->addButton(b);

    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_type);
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(new QLabel(tr("Port:"), this));
    hostRow->addWidget(m_port);
    auto *form = new QFormLayout(m_fields);
    form->setContentsMargins(22, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_host); // a row of several fields has no buddy of its own
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_message);

    auto *note = new QLabel(tr("Chartroom's own server on this computer (127.0.0.1) is always "
                               "reached directly, never through a proxy."),
        this);
    note->setObjectName(u"loopbackNote"_s);
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(m_system);
    layout->addWidget(m_none);
    layout->addWidget(m_manual);
    layout->addWidget(m_fields);
    layout->addWidget(note);
    layout->addStretch();

    for (QRadioButton *b : { m_system, m_none, m_manual })
        connect(b, &QRadioButton::toggled, this, &NetworkPage::updateState);
    for (QLineEdit *e : { m_host, m_user, m_password })
        connect(e, &QLineEdit::textChanged, this, &NetworkPage::updateState);
    connect(m_port, &QSpinBox::valueChanged, this, &NetworkPage::updateState);
    connect(m_type, &QComboBox::currentIndexChanged, this, &NetworkPage::updateState);
    setProxy(ProxySettings {});
}

void NetworkPage::setProxy(const ProxySettings &proxy)
{
    (proxy.mode == ProxySettings::Mode::Manual        ? m_manual
            : proxy.mode == ProxySettings::Mode::None ? m_none
                                                      : m_system)
        ->setChecked(true);
    m_type->setCurrentIndex(proxy.type == ProxySettings::Type::Socks5 ? 1 : 0);
    m_host->setText(proxy.host);
    m_port->setValue(proxy.port);
    m_user->setText(proxy.user);
    m_password->setText(proxy.password);
    updateState();
}

ProxySettings NetworkPage::proxy() const
{
    ProxySettings p;
    p.mode = m_manual->isChecked() ? ProxySettings::Mode::Manual
        : m_none->isChecked()      ? ProxySettings::Mode::None
                                   : ProxySettings::Mode::System;
    p.type = m_type->currentData().toString() == u"socks5" ? ProxySettings::Type::Socks5
                                                           : ProxySettings::Type::Http;
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.user = m_user->text().trimmed();
    p.password = p.user.isEmpty() ? QString() : m_password->text();
    return p;
}

void NetworkPage::updateState()
{
    m_fields->setEnabled(m_manual->isChecked());
    m_password->setEnabled(!m_user->text().trimmed().isEmpty());
    const QString p = problem();
    m_message->setText(p);
    m_message->setVisible(!p.isEmpty());
    Q_EMIT edited();
}

#include "ui/accounteditor.h"

#include "app/accounts/secretstore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *smallLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    return label;
}
} // namespace

AccountEditor::AccountEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_title(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_secretNote(smallLabel(u"secretNote"_s, this))
    , m_transport(new QComboBox(this))
    , m_agent(new QComboBox(this))
    , m_task(new QComboBox(this))
    , m_lookerAgent(new QLineEdit(this))
    , m_message(smallLabel(u"accountMessage"_s, this))
{
    setObjectName(u"accountEditor"_s);
    m_title->setObjectName(u"accountTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_name->setObjectName(u"accountName"_s);
    m_url->setObjectName(u"accountUrl"_s);
    m_url->setClearButtonEnabled(true);
    m_version->setObjectName(u"accountVersion"_s);
    m_version->setPlaceholderText(u"0.1.0"_s);
    m_key->setObjectName(u"accountKey"_s);
    m_secret->setObjectName(u"accountSecret"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_transport->setObjectName(u"accountTransport"_s);
    m_transport->addItem(tr("Server-Sent Events (HTTP)"), u"sse"_s);
    m_transport->addItem(tr("Socket.IO (WebSocket)"), u"socketio"_s);
    m_agent->setObjectName(u"accountAgent"_s);
    m_agent->addItem(tr("Analyst: answers questions about the data"), u"analyst"_s);
    m_agent->addItem(tr("Item: builds a chart"), u"item"_s);
    m_task->setObjectName(u"accountTask"_s);
    m_task->addItem(tr("Generate"), u"generate"_s);
    m_task->addItem(tr("Suggest"), u"suggest"_s);
    m_task->addItem(tr("Describe"), u"describe"_s);
    m_lookerAgent->setObjectName(u"accountLookerAgent"_s);
    m_lookerAgent->setPlaceholderText(tr("Optional"));
    m_message->hide();

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Address:"), m_url);
    m_form->addRow(tr("API &version:"), m_version);
    m_form->addRow(tr("&Key:"), m_key);
    m_form->addRow(tr("&Secret:"), m_secret);
    m_form->addRow(QString(), m_secretNote);
    m_form->addRow(tr("&Transport:"), m_transport);
    m_form->addRow(tr("A&gent:"), m_agent);
    m_form->addRow(tr("T&ask:"), m_task);
    m_form->addRow(tr("A&gent id:"), m_lookerAgent);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addWidget(m_message);
    layout->addStretch();

    for (QLineEdit *edit : { m_name, m_url, m_version, m_key, m_secret, m_lookerAgent })
        connect(edit, &QLineEdit::textChanged, this, &AccountEditor::updateState);
    for (QComboBox *box : { m_transport, m_agent, m_task })
        connect(box, &QComboBox::currentIndexChanged, this, &AccountEditor::updateState);
    setAccount(Account::local());
}

void AccountEditor::setRowVisible(QWidget *field, bool visible)
{
    if (QWidget *label = m_form->labelForField(field))
        label->setVisible(visible);
    field->setVisible(visible);
}

void AccountEditor::setAccount(const Account &account)
{
    m_updating = true;
    m_account = account;
    const Account::Kind kind = account.kind;
    const bool local = account.isLocal();
    const bool luzmo = kind == Account::Kind::Luzmo;
    m_title->setText(local ? tr("Chartroom's own server on this computer")
                           : tr("%1 account").arg(Account::kindTitle(kind)));
    m_name->setText(account.name);
    m_url->setText(account.baseUrl);
    m_url->setPlaceholderText(Account::exampleUrl(kind));
    m_version->setText(account.apiVersion);
    m_key->setText(account.keyId);
    m_secret->setText(account.secret);
    m_secret->setPlaceholderText(Account::secretLabel(kind));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_key)))
        label->setText(Account::keyLabel(kind) + u':');
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_secret)))
        label->setText(Account::secretLabel(kind) + u':');
    m_transport->setCurrentIndex(account.transport == LuzmoConfig::Transport::SocketIo ? 1 : 0);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(account.agent)));
    m_task->setCurrentIndex(std::max(0, m_task->findData(account.task)));
    m_lookerAgent->setText(kind == Account::Kind::Looker ? account.agent : QString());

    setRowVisible(m_name, !local);
    setRowVisible(m_url, !local);
    setRowVisible(m_version, luzmo);
    setRowVisible(m_key, !Account::keyLabel(kind).isEmpty());
    setRowVisible(m_secret, account.hasSecret());
    setRowVisible(m_secretNote, account.hasSecret());
    setRowVisible(m_transport, luzmo);
    setRowVisible(m_agent, local || luzmo);
    setRowVisible(m_task, local || luzmo);
    setRowVisible(m_lookerAgent, kind == Account::Kind::Looker);
    m_updating = false;
    updateState();
}

Account AccountEditor::account() const
{
    Account a = m_account;
    if (a.isLocal()) {
        a.agent = m_agent->currentData().toString();
        a.task = m_task->currentData().toString();
        return a;
    }
    a.name = m_name->text().trimmed();
    a.baseUrl = m_url->text().trimmed();
    a.apiVersion
        = m_version->text().trimmed().isEmpty() ? a.apiVersion : m_version->text().trimmed();
    a.keyId = m_key->text().trimmed();
    a.secret = m_secret->text();
    a.transport = m_transport->currentData().toString() == u"socketio"
        ? LuzmoConfig::Transport::SocketIo
        : LuzmoConfig::Transport::Sse;
    if (a.kind == Account::Kind::Looker) {
        a.agent = m_lookerAgent->text().trimmed();
    } else if (a.kind == Account::Kind::Luzmo) {
        a.agent = m_agent->currentData().toString();
        a.task = m_task->currentData().toString();
    }
    return a;
}

void AccountEditor::setKeychainAvailable(bool available)
{
    m_keychain = available;
    updateState();
}

void AccountEditor::updateState()
{
    if (m_updating)
        return;
    const bool analyst = m_agent->currentData().toString() == u"analyst";
    if (analyst && m_task->currentData().toString() != u"generate") {
        m_updating = true;
        m_task->setCurrentIndex(m_task->findData(u"generate"_s));
        m_updating = false;
    }
    m_task->setEnabled(!analyst);
    m_task->setToolTip(analyst ? tr("The analyst agent only generates answers.") : QString());
    m_secretNote->setText(m_keychain
            ? tr("Kept in the system keychain, never in Chartroom's files.")
            : SecretStore::unavailableMessage());
    const QString problem = account().problem();
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    Q_EMIT edited();
}

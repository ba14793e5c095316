#include "ui/settingsdialog.h"

#include "app/accounts/secretstore.h"
#include "models/repository.h"
#include "ui/accounteditor.h"
#include "ui/networkpage.h"
#include "ui/theme/theme.h"
#include "ui/theme/themedstylesheet.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const auto dialogStyle = uR"(
#accountMessage, #proxyMessage, #settingsProblem { color: @errorText; }
#secretNote, #keychainNote, #loopbackNote, #themeNote { color: @mutedText; }
)"_s;

QString listText(const Account &a, bool isDefault)
{
    const QString kind = a.isLocal() ? SettingsDialog::tr("built in") : Account::kindTitle(a.kind);
    QString text = a.name + u"\n" + kind;
    if (isDefault)
        text += SettingsDialog::tr(" · default");
    return text;
}
} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_editor(new AccountEditor(this))
    , m_default(new QComboBox(this))
    , m_stream(new QCheckBox(tr("&Stream answers (text appears as it is written)"), this))
    , m_keychainNote(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_network(new NetworkPage(this))
    , m_theme(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    ThemedStyleSheet::apply(this, dialogStyle);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_list->setObjectName(u"accountList"_s);
    m_add->setObjectName(u"addAccount"_s);
    m_remove->setObjectName(u"removeAccount"_s);
    m_default->setObjectName(u"defaultAccount"_s);
    m_stream->setObjectName(u"streamBox"_s);
    m_keychainNote->setObjectName(u"keychainNote"_s);
    m_keychainNote->setWordWrap(true);
    m_problem->setObjectName(u"settingsProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_tabs->addTab(createAccountsPage(), tr("A&ccounts"));
    m_tabs->addTab(m_network, tr("&Network"));
    m_tabs->addTab(createAppearancePage(), tr("A&ppearance"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 12);
    layout->setSpacing(10);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsDialog::showCurrent);
    connect(m_editor, &AccountEditor::edited, this, &SettingsDialog::editorChanged);
    connect(m_remove, &QPushButton::clicked, this, &SettingsDialog::removeCurrent);
    connect(m_network, &NetworkPage::edited, this, &SettingsDialog::updateState);
    connect(m_default, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_settings.setDefault(m_default->currentData().toString());
        fillList();
    });
    setKeychainAvailable(true);
    setSettings(AccountSettings {});
    resize(720, 500);
}

QWidget *SettingsDialog::createAccountsPage()
{
    auto *page = new QWidget(this);
    auto *addMenu = new QMenu(m_add);
    for (Account::Kind kind :
        { Account::Kind::Luzmo, Account::Kind::Workflow, Account::Kind::Looker }) {
        QAction *action = addMenu->addAction(tr("%1 account").arg(Account::kindTitle(kind)));
        action->setObjectName(u"add_"_s + Account::kindName(kind));
        connect(action, &QAction::triggered, this, [this, kind] { addAccount(kind); });
    }
    m_add->setMenu(addMenu);
    m_list->setMinimumWidth(200);
    m_list->setMaximumWidth(240);
    m_list->setSpacing(2);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(buttons);

    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addLayout(left);
    top->addWidget(m_editor, 1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Default for new conversations:"), m_default);
    form->addRow(QString(), m_stream);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addLayout(top, 1);
    layout->addLayout(form);
    layout->addWidget(m_keychainNote);
    return page;
}

QWidget *SettingsDialog::createAppearancePage()
{
    auto *page = new QWidget(this);
    m_theme->setObjectName(u"themeBox"_s);
    m_theme->addItem(tr("System"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);
    auto *note = new QLabel(tr("System follows the desktop's light or dark look. Exported "
                               "conversations and charts are always light, for reports and "
                               "printing."),
        page);
    note->setObjectName(u"themeNote"_s);
    note->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(12, 12, 12, 12);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(QString(), note);
    return page;
}

void SettingsDialog::setThemeName(const QString &name)
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(name)));
}

QString SettingsDialog::themeName() const
{
    return m_theme->currentData().toString();
}

void SettingsDialog::setSettings(const AccountSettings &settings)
{
    m_settings = settings;
    m_settings.normalize();
    m_stream->setChecked(m_settings.stream);
    m_network->setProxy(m_settings.proxy);
    fillList();
    m_list->setCurrentRow(0);
    showCurrent();
}

AccountSettings SettingsDialog::settings() const
{
    AccountSettings s = m_settings;
    s.stream = m_stream->isChecked();
    s.proxy = m_network->proxy();
    return s;
}

void SettingsDialog::setLocalAvailable(bool available)
{
    m_localAvailable = available;
    fillList();
}

void SettingsDialog::setKeychainAvailable(bool available)
{
    m_editor->setKeychainAvailable(available);
    m_keychainNote->setText(available
            ? tr("Tokens and secrets are kept in the system keychain, never in Chartroom's "
                 "settings, history or logs.")
            : SecretStore::unavailableMessage());
}

void SettingsDialog::addAccount(Account::Kind kind)
{
    Account a = Account::create(kind);
    int n = 1;
    while (std::any_of(m_settings.accounts.cbegin(), m_settings.accounts.cend(),
        [&a](const Account &other) { return other.name == a.name; }))
        a.name = tr("%1 %2").arg(Account::kindTitle(kind)).arg(++n);
    m_settings.accounts.append(a); // not valid yet: OK waits until it is
    fillList();
    selectAccount(a.id);
    m_editor->nameEdit()->setFocus();
}

void SettingsDialog::selectAccount(const QString &id)
{
    for (int i = 0; i < m_settings.accounts.size(); ++i) {
        if (m_settings.accounts.at(i).id == id)
            m_list->setCurrentRow(i);
    }
}

QString SettingsDialog::currentAccountId() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_settings.accounts.size() ? m_settings.accounts.at(row).id
                                                        : QString();
}

void SettingsDialog::fillList()
{
    m_filling = true;
    const int row = m_list->currentRow();
    if (m_list->count() != m_settings.accounts.size()) {
        m_list->clear();
        for (int i = 0; i < m_settings.accounts.size(); ++i)
            m_list->addItem(QString());
    }
    for (int i = 0; i < m_settings.accounts.size(); ++i) {
        const Account &a = m_settings.accounts.at(i);
        QListWidgetItem *item = m_list->item(i);
        item->setText(listText(a, a.id == m_settings.defaultId));
        item->setData(Qt::UserRole, a.id);
        const bool broken = !a.problem().isEmpty() || (a.isLocal() && !m_localAvailable);
        item->setForeground(broken ? Theme::current().errorText : palette().color(QPalette::Text));
    }
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
    fillDefaultBox();
    m_filling = false;
    updateState();
}

void SettingsDialog::fillDefaultBox()
{
    const bool wasFilling = std::exchange(m_filling, true);
    m_default->clear();
    for (const Account &a : std::as_const(m_settings.accounts))
        m_default->addItem(a.name, a.id);
    m_default->setCurrentIndex(std::max(0, m_default->findData(m_settings.defaultId)));
    m_filling = wasFilling;
}

void SettingsDialog::showCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_settings.accounts.size())
        return;
    const bool wasFilling = std::exchange(m_filling, true);
    m_editor->setAccount(m_settings.accounts.at(row));
    m_filling = wasFilling;
    if (m_settings.accounts.at(row).isLocal()) {
        m_editor->message()->setText(m_localAvailable
                ? QString()
                : tr("The built-in server is not running in this session: its answers will say "
                     "so."));
        m_editor->message()->setVisible(!m_localAvailable);
    }
    m_remove->setEnabled(!m_settings.accounts.at(row).isLocal());
    m_remove->setToolTip(m_settings.accounts.at(row).isLocal()
            ? tr("The built-in Local account cannot be removed.")
            : QString());
}

void SettingsDialog::editorChanged()
{
    if (m_filling)
        return;
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_settings.accounts.size())
        return;
    const Account edited = m_editor->account();
    if (edited.id != m_settings.accounts.at(row).id)
        return;
    m_settings.accounts[row] = edited;
    fillList();
}

void SettingsDialog::removeCurrent()
{
    const QString id = currentAccountId();
    const int row = m_list->currentRow();
    const Account *account = m_settings.find(id);
    if (!account || account->isLocal() || !confirmRemoval(*account) || m_settings.remove(id))
        return;
    fillList();
    m_list->setCurrentRow(std::min(row, static_cast<int>(m_settings.accounts.size()) - 1));
    showCurrent();
}

bool SettingsDialog::confirmRemoval(const Account &account)
{
    const QString name
        = account.name.trimmed().isEmpty() ? Account::kindTitle(account.kind) : account.name;
    int count = -1;
    if (m_repository) {
        if (auto n = m_repository->conversationCountOn(account.id))
            count = *n;
        // Conversations of older versions name the account that took over their backend so.
        if (count >= 0 && account.id == m_settings.legacyLuzmoId) {
            if (auto legacy = m_repository->conversationCountOn(u"luzmo"_s))
                count += *legacy;
        }
    }
    QString what;
    if (count < 0)
        what = tr("Its conversations stay in your history and can be read offline; to continue "
                  "them, move them to another account.");
    else if (count == 0)
        what = tr("It has no conversations in your history.");
    else if (count == 1)
        what = tr("Its one conversation stays in your history and can be read offline; to "
                  "continue it, move it to another account.");
    else
        what = tr("Its %1 conversations stay in your history and can be read offline; to "
                  "continue them, move them to another account.")
                   .arg(count);
    QMessageBox box(QMessageBox::Question, tr("Remove Account"),
        tr("Remove the account “%1”?").arg(name) + u"\n\n"_s + what, QMessageBox::Cancel, this);
    box.setObjectName(u"removeAccountQuestion"_s);
    QPushButton *remove = box.addButton(tr("Remove Account"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmRemoveAccount"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == remove;
}

QPushButton *SettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void SettingsDialog::updateState()
{
    QString problem;
    for (const Account &a : std::as_const(m_settings.accounts)) {
        if (const QString p = a.problem(); !p.isEmpty()) {
            problem = tr("“%1”: %2")
                          .arg(a.name.trimmed().isEmpty() ? Account::kindTitle(a.kind) : a.name, p);
            break;
        }
    }
    if (problem.isEmpty() && !m_network->problem().isEmpty())
        problem = tr("Network: %1").arg(m_network->problem());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty());
}

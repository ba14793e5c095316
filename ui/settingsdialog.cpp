#include "settingsdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {
const auto dialogStyle = uR"(
#hostMessage { color: #a31f14; }
#tokenNote, #localHint, #taskHint { color: #6a727d; }
)"_qs;

QLabel *hintLabel(const QString &name, QWidget *parent)
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

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_local(new QRadioButton(tr("&Local (built in)"), this))
    , m_luzmo(new QRadioButton(tr("Lu&zmo"), this))
    , m_localHint(hintLabel(u"localHint"_qs, this))
    , m_luzmoFields(new QWidget(this))
    , m_host(new QLineEdit(this))
    , m_hostMessage(hintLabel(u"hostMessage"_qs, this))
    , m_key(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_agent(new QComboBox(this))
    , m_task(new QComboBox(this))
    , m_taskHint(hintLabel(u"taskHint"_qs, this))
    , m_stream(new QCheckBox(tr("&Stream answers (text appears as it is written)"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_qs);
    setWindowTitle(tr("Settings"));
    setStyleSheet(dialogStyle);
    m_local->setObjectName(u"localBackend"_qs);
    m_luzmo->setObjectName(u"luzmoBackend"_qs);
    m_host->setObjectName(u"hostEdit"_qs);
    m_key->setObjectName(u"keyEdit"_qs);
    m_token->setObjectName(u"tokenEdit"_qs);
    m_version->setObjectName(u"versionEdit"_qs);
    m_agent->setObjectName(u"agentBox"_qs);
    m_task->setObjectName(u"taskBox"_qs);
    m_stream->setObjectName(u"streamBox"_qs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(createBackendGroup());
    layout->addWidget(createAnswersGroup());
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_local, &QRadioButton::toggled, this, &SettingsDialog::updateState);
    connect(m_host, &QLineEdit::textChanged, this, &SettingsDialog::updateState);
    connect(m_agent, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateState);
    setSettings(BackendSettings {});
    setMinimumWidth(520);
}

QWidget *SettingsDialog::createBackendGroup()
{
    auto *group = new QGroupBox(tr("Backend"), this);
    auto *kinds = new QButtonGroup(group);
    kinds->addButton(m_local);
    kinds->addButton(m_luzmo);

    m_host->setPlaceholderText(u"https://api.luzmo.com"_qs);
    m_host->setClearButtonEnabled(true);
    m_key->setPlaceholderText(tr("API key id"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("API token"));
    m_version->setPlaceholderText(u"0.1.0"_qs);
    m_version->setMaximumWidth(120);
    m_hostMessage->hide();

    auto *tokenNote = hintLabel(u"tokenNote"_qs, this);
    tokenNote->setText(tr("The token is kept in memory until Chartroom quits; keychain "
                          "support comes later."));

    auto *form = new QFormLayout(m_luzmoFields);
    form->setContentsMargins(22, 2, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Host URL:"), m_host);
    form->addRow(QString(), m_hostMessage);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(tr("API &token:"), m_token);
    form->addRow(QString(), tokenNote);
    form->addRow(tr("API &version:"), m_version);

    auto *layout = new QVBoxLayout(group);
    layout->setSpacing(6);
    layout->addWidget(m_local);
    auto *hintRow = new QVBoxLayout;
    hintRow->setContentsMargins(22, 0, 0, 4);
    hintRow->addWidget(m_localHint);
    layout->addLayout(hintRow);
    layout->addWidget(m_luzmo);
    layout->addWidget(m_luzmoFields);
    return group;
}

QWidget *SettingsDialog::createAnswersGroup()
{
    auto *group = new QGroupBox(tr("Answers"), this);
    m_agent->addItem(tr("Analyst: answers questions about the data"), u"analyst"_qs);
    m_agent->addItem(tr("Item: builds a chart"), u"item"_qs);
    m_task->addItem(tr("Generate"), u"generate"_qs);
    m_task->addItem(tr("Suggest"), u"suggest"_qs);
    m_task->addItem(tr("Describe"), u"describe"_qs);
    m_taskHint->setText(tr("The analyst agent only generates answers."));

    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Agent:"), m_agent);
    form->addRow(tr("T&ask:"), m_task);
    form->addRow(QString(), m_taskHint);
    form->addRow(QString(), m_stream);
    return group;
}

void SettingsDialog::setSettings(const BackendSettings &settings)
{
    (settings.kind == BackendSettings::Kind::Luzmo ? m_luzmo : m_local)->setChecked(true);
    m_host->setText(settings.host);
    m_key->setText(settings.key);
    m_token->setText(settings.token);
    m_version->setText(settings.apiVersion);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(settings.agent)));
    m_task->setCurrentIndex(std::max(0, m_task->findData(settings.task)));
    m_stream->setChecked(settings.stream);
    updateState();
}

BackendSettings SettingsDialog::settings() const
{
    BackendSettings s;
    s.kind = m_luzmo->isChecked() ? BackendSettings::Kind::Luzmo : BackendSettings::Kind::Local;
    s.host = m_host->text().trimmed();
    s.key = m_key->text().trimmed();
    s.token = m_token->text();
    s.apiVersion
        = m_version->text().trimmed().isEmpty() ? s.apiVersion : m_version->text().trimmed();
    s.agent = m_agent->currentData().toString();
    s.task = m_task->isEnabled() ? m_task->currentData().toString() : u"generate"_qs;
    s.stream = m_stream->isChecked();
    return s;
}

void SettingsDialog::setLocalAvailable(bool available)
{
    m_localAvailable = available;
    updateState();
}

QPushButton *SettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void SettingsDialog::updateState()
{
    const bool luzmo = m_luzmo->isChecked();
    m_luzmoFields->setEnabled(luzmo);
    m_localHint->setText(m_localAvailable
            ? tr("Answers come from Chartroom's own server on this computer.")
            : tr("Chartroom's own server on this computer. It is not part of this version yet: "
                 "answers will say so until it is."));
    const QString problem = luzmo ? BackendSettings::hostProblem(m_host->text()) : QString();
    m_hostMessage->setText(problem);
    if (m_hostMessage->isHidden() != problem.isEmpty()) {
        m_hostMessage->setVisible(!problem.isEmpty());
        // Make room for the message rather than squeezing the fields.
        if (isVisible() && layout()) {
            layout()->activate();
            resize(width(), std::max(height(), sizeHint().height()));
        }
    }
    okButton()->setEnabled(problem.isEmpty());

    const bool analyst = m_agent->currentData().toString() == u"analyst";
    if (analyst)
        m_task->setCurrentIndex(m_task->findData(u"generate"_qs));
    m_task->setEnabled(!analyst);
    m_taskHint->setVisible(analyst);
}

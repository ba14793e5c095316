#pragma once

#include "app/accounts/account.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

// The fields of one account, shown for its kind: name, address, API version, key id, the secret
// (a password field), the Luzmo transport, and the agent/task defaults. Local shows only its
// agent and task. The first problem is shown in words under the fields.
class AccountEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AccountEditor(QWidget *parent = nullptr);

    void setAccount(const Account &account);
    // The account as edited (the id and kind are those given to setAccount()).
    Account account() const;
    void setKeychainAvailable(bool available);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *versionEdit() const { return m_version; }
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *secretEdit() const { return m_secret; }
    QLineEdit *lookerAgentEdit() const { return m_lookerAgent; }
    QComboBox *transportBox() const { return m_transport; }
    QComboBox *agentBox() const { return m_agent; }
    QComboBox *taskBox() const { return m_task; }
    QLabel *message() const { return m_message; }
    QLabel *secretNote() const { return m_secretNote; }

Q_SIGNALS:
    void edited();

private:
    void updateState();
    void setRowVisible(QWidget *field, bool visible);

    Account m_account;
    QFormLayout *m_form;
    QLabel *m_title;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_version;
    QLineEdit *m_key;
    QLineEdit *m_secret;
    QLabel *m_secretNote;
    QComboBox *m_transport;
    QComboBox *m_agent;
    QComboBox *m_task;
    QLineEdit *m_lookerAgent;
    QLabel *m_message;
    bool m_keychain = true;
    bool m_updating = false;
};

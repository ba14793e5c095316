#pragma once

#include "backendsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QWidget;

// Settings…: where answers come from (the built-in local server or a Luzmo account with its
// address, API key, token and version) and the agent, task and streaming defaults. The address
// is checked as it is typed; OK stays disabled while it is unusable. The dialog says plainly
// that the token is kept in memory only.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const BackendSettings &settings);
    BackendSettings settings() const;
    // Whether the built-in local server is available in this build (only changes a hint).
    void setLocalAvailable(bool available);

    QRadioButton *localButton() const { return m_local; }
    QRadioButton *luzmoButton() const { return m_luzmo; }
    QLineEdit *hostEdit() const { return m_host; }
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *versionEdit() const { return m_version; }
    QComboBox *agentBox() const { return m_agent; }
    QComboBox *taskBox() const { return m_task; }
    QCheckBox *streamBox() const { return m_stream; }
    QLabel *hostMessage() const { return m_hostMessage; }
    QPushButton *okButton() const;

private:
    QWidget *createBackendGroup();
    QWidget *createAnswersGroup();
    void updateState();

    QRadioButton *m_local;
    QRadioButton *m_luzmo;
    QLabel *m_localHint;
    QWidget *m_luzmoFields;
    QLineEdit *m_host;
    QLabel *m_hostMessage;
    QLineEdit *m_key;
    QLineEdit *m_token;
    QLineEdit *m_version;
    QComboBox *m_agent;
    QComboBox *m_task;
    QLabel *m_taskHint;
    QCheckBox *m_stream;
    QDialogButtonBox *m_buttons;
    bool m_localAvailable = false;
};

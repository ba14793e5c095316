#pragma once

#include "app/accounts/proxysettings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

// Settings ▸ Network: the system's proxy (default), no proxy, or a manual HTTP/SOCKS5 proxy
// with an optional user and password (the password goes to the keychain). Says that the
// built-in server on this computer is always reached directly.
class NetworkPage : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkPage(QWidget *parent = nullptr);

    void setProxy(const ProxySettings &proxy);
    ProxySettings proxy() const;
    QString problem() const { return proxy().problem(); }

    QRadioButton *systemButton() const { return m_system; }
    QRadioButton *noneButton() const { return m_none; }
    QRadioButton *manualButton() const { return m_manual; }
    QComboBox *typeBox() const { return m_type; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *message() const { return m_message; }

Q_SIGNALS:
    void edited();

private:
    void updateState();

    QRadioButton *m_system;
    QRadioButton *m_none;
    QRadioButton *m_manual;
    QWidget *m_fields;
    QComboBox *m_type;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_message;
};

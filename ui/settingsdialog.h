#pragma once

#include "app/accounts/accountsettings.h"

#include <QDialog>

class AccountEditor;
class NetworkPage;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class Repository;

// Settings…: the Accounts page (the built-in Local account and any Luzmo, workflow or Looker
// accounts: add, edit, remove (after asking), and the default for new conversations; secrets in
// password fields, said to go to the keychain — or, when there is none, to stay in memory) and the
// Network page (proxy), and the Appearance page (the theme: System, Light or Dark). Problems are
// shown in words as they are typed; OK stays disabled while any account or the proxy is unusable.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const AccountSettings &settings);
    AccountSettings settings() const;
    // Whether the built-in local server is available in this build (only changes a hint).
    void setLocalAvailable(bool available);
    // Whether secrets can go to a keychain; when not, the dialog says they stay in memory.
    void setKeychainAvailable(bool available);
    // The store (not owned), so that removing an account can say how many conversations it
    // has; without one the question says it without the number.
    void setRepository(const Repository *repository) { m_repository = repository; }

    // Adds a new account of `kind` and selects it (what the Add menu's items do).
    void addAccount(Account::Kind kind);
    void selectAccount(const QString &id);
    QString currentAccountId() const;

    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *accountList() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QComboBox *defaultBox() const { return m_default; }
    QCheckBox *streamBox() const { return m_stream; }
    AccountEditor *editor() const { return m_editor; }
    NetworkPage *networkPage() const { return m_network; }
    QLabel *keychainNote() const { return m_keychainNote; }
    QLabel *problemLabel() const { return m_problem; }
    // The Appearance page's theme: "system", "light" or "dark" (ThemeController's names).
    void setThemeName(const QString &name);
    QString themeName() const;
    QComboBox *themeBox() const { return m_theme; }
    QPushButton *okButton() const;

private:
    QWidget *createAccountsPage();
    QWidget *createAppearancePage();
    void fillList();
    void fillDefaultBox();
    void showCurrent();
    void editorChanged();
    void removeCurrent();
    bool confirmRemoval(const Account &account);
    void updateState();

    AccountSettings m_settings;
    QTabWidget *m_tabs;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    AccountEditor *m_editor;
    QComboBox *m_default;
    QCheckBox *m_stream;
    QLabel *m_keychainNote;
    QLabel *m_problem;
    NetworkPage *m_network;
    QComboBox *m_theme;
    QDialogButtonBox *m_buttons;
    const Repository *m_repository = nullptr;
    bool m_localAvailable = false;
    bool m_filling = false;
};

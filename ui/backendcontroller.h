#pragma once

#include "backendsettings.h"

#include <QObject>

#include <memory>
#include <vector>

class Backend;
class ChatSession;
class LuzmoBackend;
class LuzmoClient;
class QNetworkAccessManager;
class QSettings;

// Turns the backend settings into the chat session's backend: builds a LuzmoBackend for a Luzmo
// account, or uses the built-in local server's backend (handed in by the entry point with
// setLocalBackend(); until then there is none, and the session says so in the answer). Saves the
// settings except the token, which stays in this object's memory until the app quits.
// Owned by the entry point; not a singleton.
class BackendController : public QObject
{
    Q_OBJECT
public:
    BackendController(ChatSession &session, QNetworkAccessManager &network, QSettings &settings,
        QObject *parent = nullptr);
    ~BackendController() override;

    // Applies the saved settings (no token: a Luzmo backend then asks for it in its answers).
    void restore();
    // Saves `settings` (not the token) and applies them to the session.
    void apply(const BackendSettings &settings);
    BackendSettings settings() const { return m_settings; }

    // The built-in local server's backend (not owned; nullptr: not available).
    void setLocalBackend(Backend *backend);
    bool hasLocalBackend() const { return m_local != nullptr; }
    Backend *activeBackend() const;
    // The Luzmo client of backend `id` ("local" or "luzmo", as conversations store it), for
    // chart data queries; nullptr when that backend is not available.
    LuzmoClient *clientFor(const QString &id) const;
    // For people: "Luzmo at https://api.luzmo.com", "Local (built in)", ...
    QString description() const;

Q_SIGNALS:
    void changed();

private:
    void applyToSession();

    ChatSession &m_session;
    QNetworkAccessManager &m_network;
    QSettings &m_store;
    BackendSettings m_settings;
    Backend *m_local = nullptr;
    std::unique_ptr<LuzmoBackend> m_luzmo;
    // Replaced while an answer was arriving: kept until it has ended.
    std::vector<std::unique_ptr<LuzmoBackend>> m_retired;
};

#pragma once

// Shared by tst_mainwindow and tst_mainwindowtranscript: the main window over a real store and
// chat session with its own settings file, and no backend registry (so no backend is set up).
#include "app/core/chatsession.h"
#include "models/types.h"
#include "tests/support/tempstore.h"
#include "tests/ui/windowfixture.h"
#include "ui/mainwindow.h"

#include <QSettings>
#include <QTemporaryDir>

#include <memory>

// A real store, a chat session and the main window with its own settings file.
struct MainWindowFixture
{
    MainWindowFixture()
        : session(*store.repository)
        , settings(settingsDir.filePath(QStringLiteral("chartroom.ini")), QSettings::IniFormat)
    {
    }
    std::unique_ptr<MainWindow> makeWindow()
    {
        return std::make_unique<MainWindow>(*store.repository, session, &settings);
    }
    TempStore store;
    ChatSession session;
    QTemporaryDir settingsDir;
    QSettings settings;
};

inline Message message(qint64 conversation, MessageRole role, const QString &text,
    MessageStatus status = MessageStatus::Complete, const QString &error = {})
{
    Message m;
    m.conversationId = conversation;
    m.role = role;
    m.text = text;
    m.status = status;
    m.errorDetail = error;
    return m;
}

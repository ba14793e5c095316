#pragma once

// Shared by the widget suites: a real store, a chat session, a backend registry with its own
// settings file, the real main window, and helpers to answer modal dialogs and take screenshots.
#include "app/core/backendregistry.h"
#include "app/core/chatsession.h"
#include "tests/support/tempstore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

struct WindowFixture
{
    WindowFixture()
        : session(*store.repository)
        , settings(settingsFile(), QSettings::IniFormat)
        , backends(session, network, settings)
    {
    }
    QString settingsFile() const { return settingsDir.filePath(QStringLiteral("chartroom.ini")); }
    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(*store.repository, session, &settings);
        window->setBackendRegistry(&backends);
        return window;
    }

    TempStore store;
    QNetworkAccessManager network;
    ChatSession session;
    QTemporaryDir settingsDir;
    QSettings settings;
    BackendRegistry backends;
};

// Answers the next modal dialog of type D as soon as it is shown; a message box's text goes to
// `seenText` when given.
template<typename D> void answerDialog(std::function<void(D *)> answer, QString *seenText = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer, seenText] {
        if (auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            if (seenText) {
                if (auto *box = qobject_cast<QMessageBox *>(dialog))
                    *seenText = box->text();
            }
            answer(dialog);
        }
    });
    timer->start();
}

inline bool showAndActivate(QWidget *window)
{
    window->show();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowExposed(window) && QTest::qWaitForWindowActive(window);
}

inline QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("CHARTROOM_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

#pragma once

// The built-in analyst server on loopback, over the fixture's store folder, as the window's
// Local backend (the default with no saved choice), for widget suites that need real answers
// with charts.
#include "app/luzmo/luzmobackend.h"
#include "app/server/localserver.h"
#include "tests/ui/windowfixture.h"
#include "ui/composer.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

#include <memory>

struct LocalAnswers
{
    // `streamDelayMs`: the pause between two frames of an answer (0: the server's own), longer
    // when a test must act while one streams.
    explicit LocalAnswers(WindowFixture &fixture, int streamDelayMs = 0)
        : f(fixture)
        , server(optionsFor(fixture, streamDelayMs))
    {
    }
    // Starts the server and makes it the session's backend; the reason when it cannot start.
    QString start()
    {
        if (const QString error = server.start(); !error.isEmpty())
            return error;
        LuzmoConfig config;
        config.host = QUrl(server.url());
        config.key = server.key();
        config.token = server.token();
        backend = std::make_unique<LuzmoBackend>(f.network, config, QStringLiteral("local"));
        f.backends.setLocalBackend(backend.get());
        f.backends.restore(); // no saved choice: Local is the default
        return QString();
    }
    // Types `question` into the window's composer, clicks Send and waits for the answer's end.
    bool ask(MainWindow *window, const QString &question)
    {
        QSignalSpy finished(&f.session, &ChatSession::answerFinished);
        QTest::keyClicks(window->composer()->editor(), question);
        QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
        return finished.wait(15000);
    }
    static LocalServer::Options optionsFor(WindowFixture &fixture, int streamDelayMs)
    {
        LocalServer::Options options;
        options.dataDirectory = fixture.store.dir.path();
        if (streamDelayMs > 0)
            options.streamDelayMs = streamDelayMs;
        return options;
    }

    WindowFixture &f;
    LocalServer server;
    std::unique_ptr<LuzmoBackend> backend;
};

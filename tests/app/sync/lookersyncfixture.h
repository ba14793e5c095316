#pragma once

// The fixture of the Looker sync suites: a strict FakeLookerServer on loopback per test, a
// LookerSyncSource run through the real SyncEngine into a TempStore, and plain SQL readers of
// what the store holds (the expected values of the tests).

#include "app/core/chatsession.h"
#include "app/looker/lookerbackend.h"
#include "app/looker/lookermessagemapper.h"
#include "app/looker/lookersession.h"
#include "app/sync/lookersyncsource.h"
#include "tests/app/sync/syncrun.h"
#include "tests/support/fakelookerserver.h"
#include "tests/support/tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

#include <memory>

class LookerSyncFixture : public QObject
{
    Q_OBJECT

protected:
    // A new fake server for each test (call from init()).
    void startServer();

    std::unique_ptr<FakeLookerServer> m_server;
    QNetworkAccessManager m_network;

    LookerConfig config(const QString &secret = QStringLiteral("looker-secret")) const;
    SyncRun sync(TempStore &store, int pageSize = 0,
        const QString &secret = QStringLiteral("looker-secret"), int searchPageSize = 0);
    static QString query(TempStore &store, const QString &sql);
    // "title:deleted" of the looker conversations, by remote id.
    static QString conversations(TempStore &store);
    // "role:text" of a conversation's messages, in their order.
    static QString messages(TempStore &store, const QString &remoteId);
    // "type" of a conversation's assets, in message and asset order.
    static QString assets(TempStore &store, const QString &remoteId);
    static QString snapshot(TempStore &store);
};

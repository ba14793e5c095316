#include "tests/app/sync/lookersyncfixture.h"

using namespace Qt::StringLiterals;

void LookerSyncFixture::startServer()
{
    m_server = std::make_unique<FakeLookerServer>();
    QVERIFY(m_server->listen());
}

LookerConfig LookerSyncFixture::config(const QString &secret) const
{
    LookerConfig c;
    c.baseUrl = m_server->baseUrl();
    c.clientId = u"looker-id"_s;
    c.clientSecret = secret;
    return c;
}

SyncRun LookerSyncFixture::sync(
    TempStore &store, int pageSize, const QString &secret, int searchPageSize)
{
    LookerSession session(m_network, config(secret));
    LookerSyncSource source(session, u"looker"_s);
    if (pageSize > 0)
        source.setPageSize(pageSize);
    if (searchPageSize > 0)
        source.setSearchPageSize(searchPageSize);
    SyncEngine engine(*store.repository, source);
    return SyncRun::of(engine, 20000);
}

QString LookerSyncFixture::query(TempStore &store, const QString &sql)
{
    QSqlQuery q(store.database.connection());
    if (!q.exec(sql))
        return u"<error>"_s;
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString();
    return rows.join(u'|');
}

QString LookerSyncFixture::conversations(TempStore &store)
{
    return query(store,
        u"SELECT title || ':' || deleted FROM conversations WHERE backend = 'looker' "
        u"ORDER BY remote_id"_s);
}

QString LookerSyncFixture::messages(TempStore &store, const QString &remoteId)
{
    return query(store,
        u"SELECT m.role || ':' || m.text FROM messages m JOIN conversations c ON "
        u"c.id = m.conversation_id WHERE c.remote_id = '%1' ORDER BY m.seq"_s.arg(remoteId));
}

QString LookerSyncFixture::assets(TempStore &store, const QString &remoteId)
{
    return query(store,
        u"SELECT a.type || '=' || COALESCE(a.remote_id, '') FROM message_assets a JOIN "
        u"messages m ON m.id = a.message_id JOIN conversations c ON c.id = m.conversation_id "
        u"WHERE c.remote_id = '%1' ORDER BY m.seq, a.id"_s.arg(remoteId));
}

QString LookerSyncFixture::snapshot(TempStore &store)
{
    return query(store,
               u"SELECT id || ':' || text || ':' || updated_at || ':' || seq FROM messages"_s)
        + u'#'
        + query(store,
            u"SELECT id || ':' || title || ':' || updated_at || ':' || deleted "
            u"FROM conversations"_s);
}

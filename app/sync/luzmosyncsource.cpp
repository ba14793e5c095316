#include "app/sync/luzmosyncsource.h"

#include "app/luzmo/luzmoclient.h"
#include "app/net/apicall.h"
#include "app/sync/luzmosyncprotocol.h"

#include <algorithm>

using namespace Qt::StringLiterals;

LuzmoSyncSource::LuzmoSyncSource(LuzmoClient &client, QString backendId, QObject *parent)
    : SyncSource(parent)
    , m_client(client)
    , m_backendId(std::move(backendId))
{
}

ApiCall *LuzmoSyncSource::start(const QJsonObject &find)
{
    ApiCall *call = m_client.get(u"aiconversation"_s, find, this);
    m_call = call;
    connect(call, &ApiCall::failed, this, [this, call](const ApiError &error) {
        call->deleteLater();
        Q_EMIT failed(error);
    });
    return call;
}

void LuzmoSyncSource::fetchPage(const QString &cursor)
{
    const int size = pageSize();
    ApiCall *call = start(LuzmoSyncProtocol::pageFind(cursor, size));
    connect(call, &ApiCall::succeeded, this, [this, call, cursor, size](const QByteArray &body) {
        call->deleteLater();
        QString error;
        const SyncPage page = LuzmoSyncProtocol::readPage(body, cursor, size, &error);
        if (!error.isEmpty()) {
            Q_EMIT failed(ApiErrors::make(ApiError::Code::Protocol, error));
            return;
        }
        qsizetype messages = 0;
        for (const RemoteConversation &c : page.conversations)
            messages += c.messages.size();
        if (!page.conversations.isEmpty()) {
            const qsizetype perConversation
                = std::max<qsizetype>(1, messages / page.conversations.size());
            m_pageSize
                = int(std::clamp<qsizetype>(messageBudget / perConversation, 1, maxPageSize));
        }
        Q_EMIT pageFetched(page);
    });
}

void LuzmoSyncSource::fetchIds()
{
    m_ids.clear();
    fetchIdsFrom(0);
}

void LuzmoSyncSource::fetchIdsFrom(int offset)
{
    ApiCall *call = start(LuzmoSyncProtocol::idsFind(offset, idsPageSize));
    connect(call, &ApiCall::succeeded, this, [this, call, offset](const QByteArray &body) {
        call->deleteLater();
        QString error;
        const QStringList ids = LuzmoSyncProtocol::readIds(body, &error);
        if (!error.isEmpty()) {
            Q_EMIT failed(ApiErrors::make(ApiError::Code::Protocol, error));
            return;
        }
        for (const QString &id : ids)
            m_ids.insert(id);
        if (ids.size() >= idsPageSize)
            fetchIdsFrom(offset + int(ids.size()));
        else
            Q_EMIT idsFetched(m_ids);
    });
}

void LuzmoSyncSource::cancel()
{
    if (m_call && !m_call->isFinished())
        m_call->abort();
}

#include "app/looker/lookerconversationsearch.h"

#include "app/looker/lookercall.h"
#include "app/looker/lookerrequests.h"

#include <QJsonArray>
#include <QJsonDocument>

LookerConversationSearch::LookerConversationSearch(LookerSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

void LookerConversationSearch::start()
{
    abort();
    m_found.clear();
    m_pages = 0;
    fetch(0);
}

void LookerConversationSearch::abort()
{
    if (m_call && !m_call->isFinished())
        m_call->abort();
}

void LookerConversationSearch::fetch(int offset)
{
    auto *call
        = new LookerCall(&m_session, LookerRequests::searchConversations(m_pageSize, offset), this);
    m_call = call;
    connect(call, &LookerCall::succeeded, this, [this, call, offset](const QByteArray &body) {
        call->deleteLater();
        ++m_pages;
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isArray()) {
            Q_EMIT failed(ApiErrors::make(
                ApiError::Code::Protocol, tr("Looker's list of conversations could not be read.")));
            return;
        }
        const QJsonArray page = document.array();
        for (const QJsonValue &value : page) {
            if (value.isObject())
                m_found.append(value.toObject());
        }
        if (page.size() < m_pageSize)
            Q_EMIT finished(m_found);
        else
            fetch(offset + int(page.size()));
    });
    connect(call, &LookerCall::failed, this, [this, call](const ApiError &error) {
        call->deleteLater();
        Q_EMIT failed(error);
    });
    call->start();
}

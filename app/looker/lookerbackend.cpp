#include "app/looker/lookerbackend.h"

#include "app/looker/lookeranswerstream.h"
#include "app/looker/lookerconversationsearch.h"

#include <QPointer>

using namespace Qt::StringLiterals;

LookerBackend::LookerBackend(QNetworkAccessManager &network, LookerConfig config, QString id)
    : m_session(network, std::move(config))
    , m_id(std::move(id))
{
}

QString LookerBackend::displayName() const
{
    return u"Looker at "_s + config().baseUrl.toDisplayString();
}

QString LookerBackend::validate(const PromptRequest &request) const
{
    const LookerConfig &c = config();
    if (!c.baseUrl.isValid() || c.baseUrl.host().isEmpty())
        return QObject::tr("The Looker backend needs the address of the Looker instance "
                           "(Settings).");
    if (c.clientId.isEmpty() || c.clientSecret.isEmpty())
        return QObject::tr("The Looker backend needs an API key: client id and client secret "
                           "(Settings).");
    if (request.text.trimmed().isEmpty())
        return QObject::tr("Type a question first.");
    return {};
}

AnswerStream *LookerBackend::ask(const PromptRequest &request, QObject *parent)
{
    return new LookerAnswerStream(&m_session, request, parent);
}

void LookerBackend::listConversations(
    QObject *context, std::function<void(const LookerConversations &)> done)
{
    auto *search = new LookerConversationSearch(m_session, context);
    QObject::connect(search, &LookerConversationSearch::finished, context,
        [search, done](const QList<QJsonObject> &found) {
            search->deleteLater();
            LookerConversations result;
            for (const QJsonObject &object : found)
                result.conversations.append(LookerConversation::fromJson(object));
            done(result);
        });
    QObject::connect(
        search, &LookerConversationSearch::failed, context, [search, done](const ApiError &error) {
            search->deleteLater();
            done(LookerConversations { {}, error });
        });
    search->start();
}

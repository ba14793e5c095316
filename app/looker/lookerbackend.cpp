#include "lookerbackend.h"

#include "lookeranswerstream.h"
#include "lookercall.h"
#include "lookerrequests.h"

#include <QPointer>

LookerBackend::LookerBackend(QNetworkAccessManager &network, LookerConfig config, QString id)
    : m_session(network, std::move(config))
    , m_id(std::move(id))
{
}

QString LookerBackend::displayName() const
{
    return u"Looker at "_qs + config().baseUrl.toDisplayString();
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
    auto *call = new LookerCall(&m_session, LookerRequests::listConversations(), context);
    QObject::connect(call, &LookerCall::succeeded, context, [call, done](const QByteArray &body) {
        call->deleteLater();
        LookerConversations result;
        if (auto list = LookerConversation::listFromJson(body))
            result.conversations = *list;
        else
            result.error = ApiErrors::make(ApiError::Code::Protocol,
                QObject::tr("Looker's list of conversations could not be read."));
        done(result);
    });
    QObject::connect(call, &LookerCall::failed, context, [call, done](const ApiError &error) {
        call->deleteLater();
        done(LookerConversations { {}, error });
    });
    call->start();
}

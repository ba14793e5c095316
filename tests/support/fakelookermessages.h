#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The Looker shapes the tests script and seed, as Looker's OpenAPI file writes them: ChatMessages
// {timestamp, messageId?, systemMessage: {text | data | chart | error}}, stored
// ConversationMessages {message, type, order}, and Looker's error bodies. FakeLookerServer
// inherits them, so a test writes FakeLookerServer::text(...).
class FakeLookerMessages
{
public:
    // {message: {timestamp, userMessage: {text}}, type: "user", order} and a system answer
    // {message: <a ChatMessage>, type: "system", order}, as Chartroom persists a turn.
    static QJsonObject userTurn(const QString &text, int order);
    static QJsonObject systemTurn(const QString &text, int order);
    static QJsonObject systemTurn(const QJsonObject &chatMessage, int order);

    // Scripted system messages, in Looker's documented shapes.
    static QJsonObject text(
        const QString &text, const QString &textType = QStringLiteral("FINAL_RESPONSE"));
    static QJsonObject thought(
        const QString &summary, const QString &textType = QStringLiteral("THOUGHT"));
    static QJsonObject data(const QString &question, const QJsonArray &rows,
        const QString &name = QStringLiteral("monthly_revenue"));
    // A chart part {query{instructions, dataResultName?}, result{vegaConfig (a Vega-Lite spec as
    // text)}}.
    static QJsonObject chart(const QJsonObject &vegaLite, const QString &dataResultName = {});
    static QJsonObject followups(const QStringList &questions);
    static QJsonObject errorMessage(const QString &text);
    // The same message with its messageId (ChatMessage.messageId).
    static QJsonObject withId(QJsonObject chatMessage, const QString &messageId);
    // {message, documentation_url, errors: [{field, code, message, documentation_url}]}
    static QByteArray validationBody(const QList<QPair<QString, QString>> &fieldErrors);
    static QByteArray messageBody(const QString &message);
};

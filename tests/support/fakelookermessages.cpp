#include "tests/support/fakelookermessages.h"

#include "tests/support/fakelookerschema.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

QJsonObject FakeLookerMessages::userTurn(const QString &text, int order)
{
    return { { u"message"_s,
                 QJsonObject { { u"timestamp"_s, u"2025-06-01T10:00:00Z"_s },
                     { u"userMessage"_s, QJsonObject { { u"text"_s, text } } } } },
        { u"type"_s, u"user"_s }, { u"order"_s, order } };
}

QJsonObject FakeLookerMessages::systemTurn(const QString &text, int order)
{
    QJsonObject message = FakeLookerMessages::text(text);
    message.insert(u"timestamp"_s, u"2025-06-01T10:00:01Z"_s);
    return systemTurn(message, order);
}

QJsonObject FakeLookerMessages::systemTurn(const QJsonObject &chatMessage, int order)
{
    return { { u"message"_s, chatMessage }, { u"type"_s, u"system"_s }, { u"order"_s, order } };
}

QJsonObject FakeLookerMessages::text(const QString &text, const QString &textType)
{
    const QJsonObject part { { u"parts"_s, QJsonArray { text } }, { u"textType"_s, textType } };
    return { { u"timestamp"_s, u"2025-06-01T10:00:00Z"_s },
        { u"systemMessage"_s, QJsonObject { { u"text"_s, part } } } };
}

QJsonObject FakeLookerMessages::thought(const QString &summary, const QString &textType)
{
    const QJsonObject part { { u"parts"_s,
                                 QJsonArray { summary, QString(summary + u" (in full)"_s) } },
        { u"textType"_s, textType } };
    return { { u"timestamp"_s, u"2025-06-01T10:00:00Z"_s },
        { u"systemMessage"_s, QJsonObject { { u"text"_s, part } } } };
}

QJsonObject FakeLookerMessages::data(
    const QString &question, const QJsonArray &rows, const QString &name)
{
    const QJsonObject query { { u"question"_s, question },
        { u"looker"_s,
            QJsonObject { { u"model"_s, u"thelook"_s }, { u"explore"_s, u"orders"_s } } } };
    QJsonArray fields;
    if (!rows.isEmpty()) {
        const QJsonObject first = rows.first().toObject();
        for (auto it = first.begin(); it != first.end(); ++it)
            fields.append(QJsonObject { { u"name"_s, it.key() },
                { u"type"_s, it->isDouble() ? u"FLOAT64"_s : u"STRING"_s } });
    }
    const QJsonObject result { { u"name"_s, name },
        { u"schema"_s, QJsonObject { { u"fields"_s, fields } } }, { u"data"_s, rows } };
    return { { u"timestamp"_s, u"2025-06-01T10:00:01Z"_s },
        { u"systemMessage"_s,
            QJsonObject {
                { u"data"_s, QJsonObject { { u"query"_s, query }, { u"result"_s, result } } } } } };
}

QJsonObject FakeLookerMessages::chart(const QJsonObject &vegaLite, const QString &dataResultName)
{
    QJsonObject query { { u"instructions"_s, u"Draw it"_s } };
    if (!dataResultName.isEmpty())
        query.insert(u"dataResultName"_s, dataResultName);
    const QJsonObject result { { u"vegaConfig"_s,
        QString::fromUtf8(QJsonDocument(vegaLite).toJson(QJsonDocument::Compact)) } };
    return { { u"timestamp"_s, u"2025-06-01T10:00:02Z"_s },
        { u"systemMessage"_s,
            QJsonObject { { u"chart"_s,
                QJsonObject { { u"query"_s, query }, { u"result"_s, result } } } } } };
}

QJsonObject FakeLookerMessages::followups(const QStringList &questions)
{
    const QJsonObject part { { u"parts"_s, QJsonArray::fromStringList(questions) },
        { u"textType"_s, u"FOLLOWUP_QUESTIONS"_s } };
    return { { u"timestamp"_s, u"2025-06-01T10:00:03Z"_s },
        { u"systemMessage"_s, QJsonObject { { u"text"_s, part } } } };
}

QJsonObject FakeLookerMessages::withId(QJsonObject chatMessage, const QString &messageId)
{
    chatMessage.insert(u"messageId"_s, messageId);
    return chatMessage;
}

QJsonObject FakeLookerMessages::errorMessage(const QString &text)
{
    return { { u"systemMessage"_s,
        QJsonObject { { u"error"_s, QJsonObject { { u"text"_s, text } } } } } };
}

QByteArray FakeLookerMessages::validationBody(const QList<QPair<QString, QString>> &fieldErrors)
{
    QList<FakeLookerSchema::FieldError> errors;
    for (const auto &[field, message] : fieldErrors)
        errors.append({ field, u"invalid"_s, message });
    return FakeLookerSchema::validationBody(errors);
}

QByteArray FakeLookerMessages::messageBody(const QString &message)
{
    return FakeLookerSchema::messageBody(message);
}

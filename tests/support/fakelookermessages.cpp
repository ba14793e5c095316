#include "fakelookermessages.h"

#include "fakelookerschema.h"

#include <QJsonDocument>

QJsonObject FakeLookerMessages::userTurn(const QString &text, int order)
{
    return { { u"message"_qs,
                 QJsonObject { { u"timestamp"_qs, u"2025-06-01T10:00:00Z"_qs },
                     { u"userMessage"_qs, QJsonObject { { u"text"_qs, text } } } } },
        { u"type"_qs, u"user"_qs }, { u"order"_qs, order } };
}

QJsonObject FakeLookerMessages::systemTurn(const QString &text, int order)
{
    QJsonObject message = FakeLookerMessages::text(text);
    message.insert(u"timestamp"_qs, u"2025-06-01T10:00:01Z"_qs);
    return systemTurn(message, order);
}

QJsonObject FakeLookerMessages::systemTurn(const QJsonObject &chatMessage, int order)
{
    return { { u"message"_qs, chatMessage }, { u"type"_qs, u"system"_qs }, { u"order"_qs, order } };
}

QJsonObject FakeLookerMessages::text(const QString &text, const QString &textType)
{
    const QJsonObject part { { u"parts"_qs, QJsonArray { text } }, { u"textType"_qs, textType } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:00Z"_qs },
        { u"systemMessage"_qs, QJsonObject { { u"text"_qs, part } } } };
}

QJsonObject FakeLookerMessages::thought(const QString &summary, const QString &textType)
{
    const QJsonObject part { { u"parts"_qs,
                                 QJsonArray { summary, QString(summary + u" (in full)"_qs) } },
        { u"textType"_qs, textType } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:00Z"_qs },
        { u"systemMessage"_qs, QJsonObject { { u"text"_qs, part } } } };
}

QJsonObject FakeLookerMessages::data(
    const QString &question, const QJsonArray &rows, const QString &name)
{
    const QJsonObject query { { u"question"_qs, question },
        { u"looker"_qs,
            QJsonObject { { u"model"_qs, u"thelook"_qs }, { u"explore"_qs, u"orders"_qs } } } };
    QJsonArray fields;
    if (!rows.isEmpty()) {
        const QJsonObject first = rows.first().toObject();
        for (auto it = first.begin(); it != first.end(); ++it)
            fields.append(QJsonObject { { u"name"_qs, it.key() },
                { u"type"_qs, it->isDouble() ? u"FLOAT64"_qs : u"STRING"_qs } });
    }
    const QJsonObject result { { u"name"_qs, name },
        { u"schema"_qs, QJsonObject { { u"fields"_qs, fields } } }, { u"data"_qs, rows } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:01Z"_qs },
        { u"systemMessage"_qs,
            QJsonObject { { u"data"_qs,
                QJsonObject { { u"query"_qs, query }, { u"result"_qs, result } } } } } };
}

QJsonObject FakeLookerMessages::chart(const QJsonObject &vegaLite, const QString &dataResultName)
{
    QJsonObject query { { u"instructions"_qs, u"Draw it"_qs } };
    if (!dataResultName.isEmpty())
        query.insert(u"dataResultName"_qs, dataResultName);
    const QJsonObject result { { u"vegaConfig"_qs,
        QString::fromUtf8(QJsonDocument(vegaLite).toJson(QJsonDocument::Compact)) } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:02Z"_qs },
        { u"systemMessage"_qs,
            QJsonObject { { u"chart"_qs,
                QJsonObject { { u"query"_qs, query }, { u"result"_qs, result } } } } } };
}

QJsonObject FakeLookerMessages::followups(const QStringList &questions)
{
    const QJsonObject part { { u"parts"_qs, QJsonArray::fromStringList(questions) },
        { u"textType"_qs, u"FOLLOWUP_QUESTIONS"_qs } };
    return { { u"timestamp"_qs, u"2025-06-01T10:00:03Z"_qs },
        { u"systemMessage"_qs, QJsonObject { { u"text"_qs, part } } } };
}

QJsonObject FakeLookerMessages::withId(QJsonObject chatMessage, const QString &messageId)
{
    chatMessage.insert(u"messageId"_qs, messageId);
    return chatMessage;
}

QJsonObject FakeLookerMessages::errorMessage(const QString &text)
{
    return { { u"systemMessage"_qs,
        QJsonObject { { u"error"_qs, QJsonObject { { u"text"_qs, text } } } } } };
}

QByteArray FakeLookerMessages::validationBody(const QList<QPair<QString, QString>> &fieldErrors)
{
    QList<FakeLookerSchema::FieldError> errors;
    for (const auto &[field, message] : fieldErrors)
        errors.append({ field, u"invalid"_qs, message });
    return FakeLookerSchema::validationBody(errors);
}

QByteArray FakeLookerMessages::messageBody(const QString &message)
{
    return FakeLookerSchema::messageBody(message);
}

// The built-in server's request decoding: the input is a request body as LocalServer reads it
// ({action, find, properties}); `find` goes through FindQuery (over a few stored messages) and
// DataRequest, `properties` through AiPromptRequest. Properties: a data query and an AIPrompt
// request read from JSON write out JSON that reads back the same.
#include "app/protocol/aipromptrequest.h"
#include "app/protocol/datarequest.h"
#include "app/server/findquery.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>

namespace {

const QList<QJsonObject> &storedRows()
{
    static const QList<QJsonObject> rows = [] {
        QList<QJsonObject> out;
        const QByteArray json = R"([
            {"id":"a","role":"user","n":3,"created_at":"2024-01-01T10:00:00.000Z","message":"Show revenue"},
            {"id":"b","role":"assistant","n":1.5,"created_at":"2024-01-02T10:00:00.000Z","message":null,
             "aiMessageAssets":[{"id":"x","type":"item"}]},
            {"id":"c","n":-2,"flag":true,"tags":["a","b"],"meta":{"k":"v"}}])";
        for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
            out << v.toObject();
        return out;
    }();
    return rows;
}

QString text(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonObject body
        = QJsonDocument::fromJson(FuzzInput::view(data, size).toByteArray()).object();
    const QJsonObject find = body.value(u"find").toObject();

    const FindQuery::Result found = FindQuery::apply(storedRows(), find);
    for (const QJsonObject &row : found.rows)
        FindQuery::select(row, find.value(u"attributes"), { QStringLiteral("aiMessageAssets") });

    if (const auto query = DataRequest::fromJson(find)) {
        const QJsonObject sent = DataRequest::toJson(*query);
        const auto again = DataRequest::fromJson(sent);
        FuzzInput::check(again.has_value(), "a data query's JSON does not read back", text(sent));
        FuzzInput::check(DataRequest::toJson(*again) == sent, "a data query reads back changed",
            text(sent), text(DataRequest::toJson(*again)));
    }

    const AiPromptRequest request
        = AiPromptRequest::fromProperties(body.value(u"properties").toObject());
    request.validate();
    const QJsonObject properties = request.toProperties();
    const QJsonObject again = AiPromptRequest::fromProperties(properties).toProperties();
    FuzzInput::check(again == properties, "AIPrompt properties read back changed", text(properties),
        text(again));
    return 0;
}

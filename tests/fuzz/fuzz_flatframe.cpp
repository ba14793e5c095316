// The two ways an answer stream frame is decoded must agree (as tst_flatframe checks for its
// frames): the fast paths (FlatFrame with FlatObject, JsonFastPath, behind AiPromptDecoder::decode)
// and the QJsonDocument path (AiPromptDecoder::decodeJson). Aborts on any difference: the same
// event (raw included), or the same error; JsonFastPath's object is QJsonDocument's; a finish frame
// FinishFrame reads is QJsonDocument's finish event, its result read by FinishResult::fromJson.
#include "app/protocol/aipromptdecoder.h"
#include "app/protocol/finishframe.h"
#include "app/protocol/flatframe.h"
#include "app/protocol/jsonfastpath.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>

namespace {

QString describe(const StreamEvent &e)
{
    const auto json = [](const QJsonObject &o) {
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    return QStringLiteral("%1 %2 [%3|%4|%5] index=%6 text=%7 progress=%8 assetType=%9 assetId=%10")
               .arg(int(e.type))
               .arg(e.typeName, e.conversationId, e.userMessageId, e.assistantMessageId)
               .arg(e.index)
               .arg(e.text, e.progressMessage, e.assetType, e.assetId)
        + QStringLiteral(" error=%1 result=%2 null=%3 raw=%4 sizes=%5,%6")
              .arg(e.errorMessage, e.result ? json(*e.result) : QStringLiteral("none"))
              .arg(int(e.resultIsNull))
              .arg(json(e.raw))
              .arg(e.text.size())
              .arg(e.errorMessage.size());
}

void compareEvents(const StreamEvent &a, const StreamEvent &b, const char *what)
{
    FuzzInput::check(a.raw == b.raw && a.result == b.result, what, describe(a), describe(b));
    FuzzInput::check(describe(a) == describe(b), what, describe(a), describe(b));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using FuzzInput::check;
    const QByteArrayView frame = FuzzInput::view(data, size);
    const AiPromptDecoder::Result slow = AiPromptDecoder::decodeJson(frame);
    const AiPromptDecoder::Result decoded = AiPromptDecoder::decode(frame);
    check(slow.has_value() == decoded.has_value(), "decode and decodeJson: one fails");
    if (!slow) {
        check(decoded.error().code == slow.error().code
                && decoded.error().message == slow.error().message
                && decoded.error().frame == slow.error().frame,
            "decode and decodeJson: other errors", decoded.error().message, slow.error().message);
    } else {
        compareEvents(*decoded, *slow, "decode and decodeJson: other events");
    }

    FlatFrame flat;
    if (FlatFrame::read(frame, flat)) {
        check(slow.has_value(), "FlatFrame reads a frame QJsonDocument cannot");
        compareEvents(AiPromptDecoder::toEvent(flat), *slow, "FlatFrame and decodeJson differ");
    }

    FinishFrame finish;
    if (FinishFrame::read(frame, finish)) {
        check(slow.has_value() && slow->type == StreamEvent::Type::Finish,
            "FinishFrame reads a frame that is no finish to QJsonDocument");
        const std::optional<FinishResult> result
            = slow->result ? std::optional(FinishResult::fromJson(*slow->result)) : std::nullopt;
        check(finish.conversationId == slow->conversationId
                && finish.userMessageId == slow->userMessageId
                && finish.assistantMessageId == slow->assistantMessageId
                && finish.resultIsNull == slow->resultIsNull && finish.result == result,
            "FinishFrame and decodeJson differ", describe(*slow));
    }

    if (const auto fast = JsonFastPath::parseObject(frame)) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(frame.toByteArray(), &error);
        check(error.error == QJsonParseError::NoError && document.isObject(),
            "JsonFastPath reads a text QJsonDocument cannot");
        check(*fast == document.object() && QJsonDocument(*fast).toJson() == document.toJson(),
            "JsonFastPath and QJsonDocument differ",
            QString::fromUtf8(QJsonDocument(*fast).toJson(QJsonDocument::Compact)),
            QString::fromUtf8(document.toJson(QJsonDocument::Compact)));
    }
    return 0;
}

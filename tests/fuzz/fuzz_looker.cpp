// Looker's chat answer as LookerAnswerStream reads it: the first byte's low bit chooses the
// content type (text/event-stream or JSON), the rest arrives in the chunks the input chooses;
// each message read is mapped by LookerMessageMapper and applied to an answer. Property: the
// messages read, and the answer built from them, do not depend on the chunk splits.
#include "app/looker/lookerchatparser.h"
#include "app/looker/lookermessagemapper.h"
#include "app/stream/answerassembler.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>

namespace {

struct Run
{
    LookerChatParser parser;
    LookerMessageMapper mapper;
    AnswerAssembler answer;
    QByteArray messages; // every message read (or "!" for an unreadable one), for the comparison

    explicit Run(QByteArrayView contentType) { parser.setContentType(contentType); }
    void apply(const QList<StreamEvent> &events)
    {
        for (const StreamEvent &event : events)
            answer.apply(event);
    }
    void feed(QByteArrayView chunk)
    {
        for (const LookerChatParser::Item &item : parser.feed(chunk)) {
            if (!item) {
                messages += "!\n";
                answer.applyInvalidFrame(item.error());
                continue;
            }
            messages += QJsonDocument(*item).toJson(QJsonDocument::Compact) + '\n';
            apply(mapper.map(*item));
        }
    }
    bool end()
    {
        const bool cut = parser.finish();
        apply(mapper.finish());
        answer.end();
        return cut;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView input = FuzzInput::view(data, size);
    const QByteArrayView contentType
        = FuzzInput::takeByte(input) & 1 ? "text/event-stream" : "application/json";
    const FuzzInput::Split split(input);
    Run whole(contentType);
    whole.feed(split.body);
    const bool wholeCut = whole.end();
    Run pieces(contentType);
    split.forEachChunk([&](QByteArrayView chunk) { pieces.feed(chunk); });
    const bool piecesCut = pieces.end();

    using FuzzInput::check;
    check(whole.messages == pieces.messages, "Looker messages differ with the chunk splits",
        QString::fromUtf8(whole.messages), QString::fromUtf8(pieces.messages));
    check(wholeCut == piecesCut, "LookerChatParser::finish() differs with the chunk splits");
    check(whole.answer.text() == pieces.answer.text(), "Looker answer differs with the splits");
    return 0;
}

// The SSE parser and the answer assembler over a byte stream cut where the input says
// (FuzzInput::Split). Properties: the events, and so the assembled answer, are the same whether
// the body arrives in one chunk or in the chosen pieces; and the assembler's fast path
// (applyFrame: simdjson) builds the same text as the QJsonDocument path (decodeJson + apply).
#include "app/protocol/aipromptdecoder.h"
#include "app/stream/answerassembler.h"
#include "app/stream/sseparser.h"
#include "tests/fuzz/fuzzinput.h"

namespace {

struct Run
{
    SseParser parser;
    AnswerAssembler fast;
    AnswerAssembler slow;
    QByteArray events; // type, data and id of every event, for the comparison

    void feed(QByteArrayView chunk)
    {
        parser.feedBytes(chunk, [this](QByteArrayView type, QByteArrayView data) {
            events += type.toByteArray() + '\0' + data.toByteArray() + '\0'
                + parser.lastEventId().toUtf8() + '\n';
            fast.applyFrame(data);
            const AiPromptDecoder::Result decoded = AiPromptDecoder::decodeJson(data);
            if (decoded)
                slow.apply(*decoded);
            else
                slow.applyInvalidFrame(decoded.error());
        });
    }
    bool end()
    {
        const bool cut = parser.finish();
        fast.end();
        slow.end();
        return cut;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput::Split split(FuzzInput::view(data, size));
    Run whole;
    whole.feed(split.body);
    const bool wholeCut = whole.end();
    Run pieces;
    split.forEachChunk([&](QByteArrayView chunk) { pieces.feed(chunk); });
    const bool piecesCut = pieces.end();

    using FuzzInput::check;
    check(whole.events == pieces.events, "SSE events differ with the chunk splits",
        QString::fromUtf8(whole.events), QString::fromUtf8(pieces.events));
    check(wholeCut == piecesCut, "SseParser::finish() differs with the chunk splits");
    check(whole.fast.text() == pieces.fast.text(), "assembled text differs with the chunk splits",
        whole.fast.text(), pieces.fast.text());
    check(whole.fast.state() == pieces.fast.state(), "answer state differs with the chunk splits");
    check(whole.fast.text() == whole.slow.text(), "applyFrame and decodeJson + apply differ",
        whole.fast.text(), whole.slow.text());
    check(whole.fast.state() == whole.slow.state(), "applyFrame and apply end in another state",
        whole.fast.reason(), whole.slow.reason());
    return 0;
}

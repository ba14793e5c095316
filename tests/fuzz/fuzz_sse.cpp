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
    explicit Run(bool withSlowPath)
        : checkSlowPath(withSlowPath)
    {
    }
    SseParser parser;
    AnswerAssembler fast;
    AnswerAssembler slow;
    bool checkSlowPath;
    quint64 events = 14695981039346656037ull; // FNV-1a of every event's type, data and id

    void hash(const void *bytes, qsizetype size)
    {
        for (qsizetype i = 0; i < size; ++i)
            events = (events ^ static_cast<const quint8 *>(bytes)[i]) * 1099511628211ull;
        events = (events ^ 0xff) * 1099511628211ull; // a separator
    }
    void feed(QByteArrayView chunk)
    {
        parser.feedBytes(chunk, [this](QByteArrayView type, QByteArrayView data) {
            const QString id = parser.lastEventId();
            hash(type.data(), type.size());
            hash(data.data(), data.size());
            hash(id.utf16(), id.size() * 2);
            fast.applyFrame(data);
            if (!checkSlowPath)
                return;
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
    Run whole(true);
    whole.feed(split.body);
    const bool wholeCut = whole.end();
    Run pieces(false);
    split.forEachChunk([&](QByteArrayView chunk) { pieces.feed(chunk); });
    const bool piecesCut = pieces.end();

    using FuzzInput::check;
    check(whole.events == pieces.events, "SSE events differ with the chunk splits");
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

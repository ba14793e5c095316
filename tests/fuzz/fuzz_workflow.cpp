// The workflow chat stream as WorkflowAnswerStream reads it: SSE in the chunks the input chooses,
// each event decoded by WorkflowFrame::decode, mapped by WorkflowEventMapper into StreamEvents
// and applied to an answer. Property: the events mapped do not depend on the chunk splits.
#include "app/stream/answerassembler.h"
#include "app/stream/sseparser.h"
#include "app/workflow/workfloweventmapper.h"
#include "app/workflow/workflowframe.h"
#include "tests/fuzz/fuzzinput.h"

namespace {

struct Run
{
    SseParser parser;
    WorkflowEventMapper mapper { QStringLiteral("c1") };
    AnswerAssembler answer;
    int mapped = 0;

    void apply(const QList<StreamEvent> &events)
    {
        for (const StreamEvent &event : events)
            answer.apply(event);
        mapped += int(events.size());
    }
    void feed(QByteArrayView chunk)
    {
        parser.feed(chunk, [this](SseEvent &&event) {
            WorkflowFrame::idOf(event);
            const WorkflowFrame::Result frame = WorkflowFrame::decode(event);
            if (!frame) {
                answer.applyInvalidFrame(frame.error());
                return;
            }
            apply(mapper.map(*frame));
        });
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput::Split split(FuzzInput::view(data, size));
    Run whole;
    whole.apply(whole.mapper.begin());
    whole.feed(split.body);
    whole.parser.finish();
    whole.answer.end();

    Run pieces;
    pieces.apply(pieces.mapper.begin());
    split.forEachChunk([&](QByteArrayView chunk) { pieces.feed(chunk); });
    pieces.parser.finish();
    pieces.answer.end();

    FuzzInput::check(whole.mapped == pieces.mapped && whole.answer.text() == pieces.answer.text(),
        "workflow answer differs with the chunk splits", whole.answer.text(), pieces.answer.text());
    FuzzInput::check(whole.mapper.nodesArray() == pieces.mapper.nodesArray(),
        "workflow nodes differ with the chunk splits");
    return 0;
}

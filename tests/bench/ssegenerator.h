#pragma once

#include <QByteArray>

// A deterministic text/event-stream body of Luzmo aiprompt answers for bench_sse, each answer
// framed exactly like tests/data/aiprompt-stream.sse: start, progress ×2, two text blocks
// (text_start, text_delta of a few words each, non-ASCII included, text_end), one item asset
// (asset_start, asset_delta ×2, asset_end), finish with the whole result, then [DONE].
namespace SseGenerator {

// Whole answers until the body reaches at least `megabytes` MB (10^6 bytes).
QByteArray generate(int megabytes);
// The number of answers (the `data: [DONE]` frames) in a body.
qsizetype answersIn(const QByteArray &body);

} // namespace SseGenerator

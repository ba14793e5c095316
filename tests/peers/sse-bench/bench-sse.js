// The JavaScript reference for bench_sse (issue 14.1): the npm eventsource-parser plus JSON.parse
// over the same file, fed in 16 KiB chunks decoded as UTF-8 as a socket would deliver them; text
// deltas are appended to the answer text, so the work matches bench_sse's parse + decode +
// assemble as closely as a JS client does it. Prints the same JSON line as bench_sse.
// The file is parsed N times (--runs, default 3) and the fastest run is reported, as bench_sse
// does (the first pass pays the first touch of the file's pages and V8's warm-up).
// Usage: node bench-sse.js --file FILE [--chunk BYTES] [--runs N]
import { readFileSync } from 'node:fs';
import { createParser } from 'eventsource-parser';

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : undefined;
}

const path = argValue('--file');
if (!path) {
  console.error('usage: node bench-sse.js --file FILE [--chunk BYTES]');
  process.exit(2);
}
const chunkSize = Number(argValue('--chunk') ?? 16 * 1024);
const body = readFileSync(path);

const runs = Math.max(1, Number(argValue('--runs') ?? 3));

// One pass over the body; returns its events, completed answers and seconds.
function run() {
  let events = 0;
  let answers = 0;
  let text = '';
  const parser = createParser({
    onEvent(event) {
      ++events;
      if (event.data === '[DONE]') {
        if (text.length > 0) ++answers;
        text = '';
        return;
      }
      const frame = JSON.parse(event.data);
      if (frame.type === 'text_delta' && typeof frame.delta === 'string') text += frame.delta;
    },
  });
  const start = process.hrtime.bigint();
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < body.length; at += chunkSize)
    parser.feed(decoder.decode(body.subarray(at, at + chunkSize), { stream: true }));
  parser.feed(decoder.decode());
  return { events, answers, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const first = run();
let { events, answers, seconds } = first;
for (let i = 1; i < runs; ++i) seconds = Math.min(seconds, run().seconds);

if (answers === 0) {
  console.error('bench-sse.js: no answer was read');
  process.exit(1);
}
console.log(JSON.stringify({
  bytes: body.length,
  events,
  seconds: Number(seconds.toFixed(6)),
  mb_per_s: Number((body.length / 1e6 / seconds).toFixed(1)),
  first_run_s: Number(first.seconds.toFixed(6)),
}));

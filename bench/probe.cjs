// Preloaded (`node --require bench/probe.cjs`) into both servers, ours and the floor,
// while the benchmark times requests and edits. It notes, on the monotonic clock every
// process shares (`process.hrtime`), when bytes arrive on stdin and when each write to
// stdout starts and ends, and writes them to $BENCH_PROBE_OUT when the process exits.
//
// From these the benchmark splits each round trip into the time inside the server
// (bytes in to answer written) and the rest (waking the process, the pipe, this
// process parsing the answer). On this 2-core VM the rest has stalls of 1–4 ms in a
// few percent of round trips, whichever server answers, and they decide a 99th
// percentile of requests that take 0.1 ms.
'use strict';
const { writeFileSync } = require('node:fs');

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  const ms = () => Number(process.hrtime.bigint()) / 1e6;
  const events = [];
  // Not a 'data' listener: one added here would start the stream flowing before the
  // server listens, and what arrived meanwhile would be lost to it.
  const stdin = process.stdin;
  const emit = stdin.emit;
  stdin.emit = function (event, ...args) {
    if (event === 'data') events.push(['in', ms()]);
    return emit.call(this, event, ...args);
  };
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const start = ms();
    const result = write(chunk, ...rest);
    events.push(['out', start, ms()]);
    return result;
  };
  process.on('exit', () => writeFileSync(out, JSON.stringify(events)));
}

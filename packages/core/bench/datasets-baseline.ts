/**
 * The baseline half of `datasets.bench.ts`, run in its own fresh process: the least work any JSONL loader
 * must do — read the file, decode UTF-8, split lines, `JSON.parse` each one — with no validation,
 * mapping, filtering or sampling. The ratio of the loader's speed to this one is the figure that stays
 * meaningful on a noisy shared machine.
 *
 * Usage: node packages/core/bench/datasets-baseline.ts <file.jsonl>
 */
import { createReadStream } from 'node:fs';

const path = process.argv[2];
if (!path) {
  console.error('usage: datasets-baseline.ts <file.jsonl>');
  process.exit(2);
}

const started = performance.now();
const decoder = new TextDecoder();
let carry = '';
let rows = 0;
let keys = 0;
for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
  const text = carry + decoder.decode(chunk as Buffer, { stream: true });
  const lines = text.split('\n');
  carry = lines.pop() ?? '';
  for (const line of lines) {
    if (line.length === 0) continue;
    keys += Object.keys(JSON.parse(line) as object).length;
    rows++;
  }
}
if (carry.length > 0) {
  keys += Object.keys(JSON.parse(carry) as object).length;
  rows++;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ rows, keys, seconds, rowsPerSec: Math.round(rows / seconds) }));

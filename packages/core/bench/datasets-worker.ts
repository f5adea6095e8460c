/**
 * The measured half of `datasets.bench.ts`, run in a fresh process: load a BenchHub JSONL file,
 * validate every row, filter (language ko + coarse subject HASS) and draw a seeded sample of 1,000.
 * Prints one JSON line: rows, matched, selected, seconds, rowsPerSec, peakRssMb.
 *
 * Usage: node --import tsx packages/core/bench/datasets-worker.ts <file.jsonl>
 */
import { loadSamples } from '../src/datasets/load-samples.js';

const path = process.argv[2];
if (!path) {
  console.error('usage: datasets-worker.ts <file.jsonl>');
  process.exit(2);
}

const started = performance.now();
const loaded = loadSamples({
  name: 'bench',
  source: { type: 'file', path },
  format: 'benchhub',
  filters: { language: ['ko'], subjectType: ['HASS'] },
  sampleSize: 1000,
  seed: 42,
});
let selected = 0;
let checksum = 0;
for await (const sample of loaded) {
  selected++;
  checksum += sample.answerIndex ?? 0;
}
const seconds = (performance.now() - started) / 1000;
const { read, matched } = loaded.stats;
console.log(
  JSON.stringify({
    rows: read,
    matched,
    selected,
    checksum,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSec: Math.round(read / seconds),
    peakRssMb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
  }),
);

/**
 * Engine benchmark: `pnpm bench engine [--json] [--smoke]`.
 *
 * 1. Overhead: 100,000 generated MCQA samples (10,000 with --smoke) in a JSONL file, an instant
 *    in-process model (`createFunctionProvider` answering the gold letter), `string_match` scoring,
 *    in-memory storage and the in-process queue: the whole `evaluate()` call is timed (dataset loading,
 *    prompts, calls, scoring, batched writes, aggregation, leaderboard), after a 5,000-sample warm-up run
 *    in the same process. Field `overhead.samplesPerSec`, target ≥ 50,000. `overhead.loadSeconds` is the
 *    time loading the dataset alone takes, and `overhead.scoringSeconds` the time `string_match` alone
 *    takes on the same outputs: the parts of the figure that are not the engine's.
 * 2. Concurrency against the physical limit: a local node:http server answers every request after a
 *    fixed 100 ms; a `fetch` provider at concurrency 64 sends 2,048 requests (512 with --smoke). Ideal:
 *    32 rounds of 100 ms = 3.2 s. Fields `concurrency.fractionOfLimit` = ideal / (last response − first
 *    request arrival, by the server's clock), target ≥ 0.95, and `concurrency.maxInFlight` (most requests
 *    the server saw at once), target exactly 64. The server runs on a worker thread.
 *    `concurrency.bareFetchFractionOfLimit` is the same figure for 64 bare `fetch` loops without the
 *    engine: the ceiling this client reaches on this machine. Both are measured warm and alike: a warm-up
 *    of 8 rounds through the engine and 2 of bare fetch first (undici keeps about two connections per
 *    lane, since it reuses a socket only an event-loop turn after its response, and the JIT needs a few
 *    thousand requests), then 3 engine runs alternating with 3 bare runs (1 each with --smoke); the
 *    fields are the medians, every run's figure is in `fractionRuns` / `bareFetchFractionRuns`, and
 *    `maxInFlight` is the largest of the engine runs (each must be exactly 64).
 *
 * With --json the last line is one JSON object. A --smoke run exits 0 below the targets; a full run
 * exits 1 when a target is missed.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { collectSamples } from '../src/datasets/load-samples.js';
import { evaluate } from '../src/engine/index.js';
import type { PlanInput } from '../src/plan/schema.js';
import { createFunctionProvider } from '../src/providers/function-provider.js';
import { getScorer } from '../src/scoring/registry.js';
import type { GenerateRequest } from '../src/spec/model-provider.js';
import { writeJsonl } from './support/write-jsonl.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const smoke = args.includes('--smoke');
const SAMPLES = smoke ? 10_000 : 100_000;
const REQUESTS = smoke ? 512 : 2_048;
const CONCURRENCY = 64;
const LATENCY_MS = 100;
const TARGET_SAMPLES_PER_SEC = 50_000;
const TARGET_FRACTION = 0.95;
/** Engine rounds of 64 requests sent before the concurrency figure is measured. */
const WARMUP_ROUNDS = smoke ? 2 : 8;
/** Measured runs of the engine and of bare fetch each (alternating); the figures are their medians. */
const TRIALS = smoke ? 1 : 3;

/** The median of a few numbers (the lower middle one for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const LETTERS = 'ABCD';
const SUBJECTS = ['HASS/History', 'HASS/Law', 'Science/Physics', 'Tech./Coding'];

async function writeDataset(path: string, rows: number): Promise<void> {
  await writeJsonl(path, rows, (i) => {
    const options = [`option ${i} a`, `option ${i} b`, `option ${i} c`, `option ${i} d`];
    return {
      id: `s${i}`,
      prompt: `Question #${i}: which option is right?`,
      options,
      answer: options[i % 4],
      language: 'en',
      subject_type: [SUBJECTS[i % SUBJECTS.length]],
      task_type: 'Knowledge',
      problem_type: 'MCQA',
    };
  });
}

/** The question number, read from the prompt, gives the gold letter (`i % 4`). */
function goldLetter(request: GenerateRequest): string {
  const text =
    typeof request.prompt === 'string' ? request.prompt : request.prompt[request.prompt.length - 1]!.content;
  const at = text.indexOf('#') + 1;
  return LETTERS[Number.parseInt(text.slice(at, text.indexOf(':', at)), 10) % 4]!;
}

/** What loading the dataset and scoring its gold letters take on their own (parts that are not the engine). */
async function measureParts(dataset: { name: string; source: { type: 'file'; path: string } }) {
  const loadStart = performance.now();
  const { samples } = await collectSamples(dataset);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const scorer = getScorer('string_match');
  const scoreStart = performance.now();
  for (const [i, sample] of samples.entries()) await scorer.score(sample, LETTERS[i % 4]!);
  return { loadSeconds, scoringSeconds: (performance.now() - scoreStart) / 1000 };
}

async function measureOverhead(dir: string) {
  const file = join(dir, 'mcqa.jsonl');
  await writeDataset(file, SAMPLES);
  const dataset = { name: 'mcqa', source: { type: 'file' as const, path: file } };
  const { loadSeconds, scoringSeconds } = await measureParts(dataset);
  const plan: PlanInput = {
    name: 'engine overhead',
    models: [{ provider: 'function', model: 'gold' }],
    datasets: [dataset],
    prompt: { template: 'mcqa' },
    evaluation: { method: 'string_match', metrics: ['accuracy'] },
  };
  const provider = createFunctionProvider((request) => goldLetter(request), { modelId: 'gold' });
  // Warm the JIT up on a small run first: the figure is the steady-state throughput.
  await evaluate(
    { ...plan, datasets: [{ ...dataset, sampleSize: Math.min(5_000, SAMPLES) }] },
    { providers: { function: provider } },
  );
  const start = performance.now();
  const result = await evaluate(plan, { providers: { function: provider } });
  const seconds = (performance.now() - start) / 1000;
  const accuracy = result.aggregates[0]?.value;
  if (result.task.status !== 'SUCCESS' || result.task.progress.completed !== SAMPLES || accuracy !== 1) {
    throw new Error(
      `overhead run went wrong: ${result.task.status}, ${result.task.progress.completed} results, accuracy ${accuracy}`,
    );
  }
  return {
    samples: SAMPLES,
    seconds: Number(seconds.toFixed(3)),
    samplesPerSec: Math.round(SAMPLES / seconds),
    loadSeconds: Number(loadSeconds.toFixed(3)),
    scoringSeconds: Number(scoringSeconds.toFixed(3)),
  };
}

/**
 * The 100 ms server runs on its own thread (a model server is another process in real life): sharing
 * the client's event loop would charge the server's own request handling to the engine.
 */
const SERVER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer } = require('node:http');
let inFlight = 0, maxInFlight = 0, first = Infinity, last = 0;
const server = createServer((req, res) => {
  first = Math.min(first, performance.now());
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  req.resume();
  req.on('end', () => setTimeout(() => {
    inFlight--;
    last = performance.now();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"text":"yes"}');
  }, workerData.latencyMs));
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'reset') { maxInFlight = 0; first = Infinity; last = 0; parentPort.postMessage('ok'); }
  else if (m === 'stats') parentPort.postMessage({ first, last, maxInFlight });
});
`;

interface ServerStats {
  first: number;
  last: number;
  maxInFlight: number;
}

async function measureConcurrency() {
  const server = new Worker(SERVER_SOURCE, { eval: true, workerData: { latencyMs: LATENCY_MS } });
  const ask = async <T>(message: string): Promise<T> => {
    server.postMessage(message);
    return (await once(server, 'message'))[0] as T;
  };
  const [{ port }] = (await once(server, 'message')) as [{ port: number }];
  const url = `http://127.0.0.1:${port}/generate`;
  const idealSeconds = (REQUESTS / CONCURRENCY) * (LATENCY_MS / 1000);
  const fraction = (stats: ServerStats) =>
    Number((idealSeconds / ((stats.last - stats.first) / 1000)).toFixed(3));
  try {
    const provider = createFunctionProvider(
      async (request, { signal }) => {
        const res = await fetch(url, {
          method: 'POST',
          body: JSON.stringify({ prompt: request.prompt }),
          signal,
        });
        return ((await res.json()) as { text: string }).text;
      },
      { modelId: 'http-100ms' },
    );
    const planOf = (requests: number): PlanInput => ({
      name: 'engine concurrency',
      models: [{ provider: 'function', model: 'http-100ms', concurrency: CONCURRENCY }],
      datasets: [
        {
          name: 'requests',
          source: {
            type: 'inline',
            rows: Array.from({ length: requests }, (_, i) => ({
              id: `r${i}`,
              prompt: `Request ${i}?`,
              options: ['yes', 'no'],
              answer: 'yes',
              language: 'en',
              subject_type: ['HASS/History'],
              task_type: 'Knowledge',
            })),
          },
        },
      ],
      evaluation: { method: 'string_match' },
    });
    const options = { providers: { function: provider }, concurrency: CONCURRENCY };
    const runEngine = async (requests: number): Promise<void> => {
      const result = await evaluate(planOf(requests), options);
      if (result.task.status !== 'SUCCESS' || result.task.progress.failed > 0) {
        throw new Error(
          `concurrency run went wrong: ${result.task.status}, ${result.task.progress.failed} failed`,
        );
      }
    };
    // The same requests with bare fetch from 64 loops: the most this client can get out of the server.
    const runBare = async (requests: number): Promise<void> => {
      let next = 0;
      const lane = async () => {
        while (next < requests) {
          next++;
          const res = await fetch(url, { method: 'POST', body: '{"prompt":"Request?"}' });
          await res.json();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    };
    const measure = async (run: (requests: number) => Promise<void>): Promise<ServerStats> => {
      await ask('reset');
      await run(REQUESTS);
      return ask<ServerStats>('stats');
    };
    // Warm-up: fills fetch's connection pool to its steady size and lets the JIT compile both paths.
    await runEngine(WARMUP_ROUNDS * CONCURRENCY);
    await runBare(2 * CONCURRENCY);
    const engineRuns: ServerStats[] = [];
    const bareRuns: ServerStats[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      engineRuns.push(await measure(runEngine));
      bareRuns.push(await measure(runBare));
    }
    const fractions = engineRuns.map(fraction);
    const bareFractions = bareRuns.map(fraction);
    // The run behind the median figure gives the seconds.
    const stats = engineRuns[fractions.indexOf(median(fractions))]!;
    return {
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      seconds: Number(((stats.last - stats.first) / 1000).toFixed(3)),
      idealSeconds,
      fractionOfLimit: median(fractions),
      maxInFlight: Math.max(...engineRuns.map((r) => r.maxInFlight)),
      bareFetchFractionOfLimit: median(bareFractions),
      fractionRuns: fractions,
      maxInFlightRuns: engineRuns.map((r) => r.maxInFlight),
      bareFetchFractionRuns: bareFractions,
    };
  } finally {
    await server.terminate();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'benchhub-engine-bench-'));
try {
  // Concurrency first: the overhead run leaves a large heap behind, whose collection would pause fetch.
  const concurrency = await measureConcurrency();
  const overhead = await measureOverhead(dir);
  const ok =
    overhead.samplesPerSec >= TARGET_SAMPLES_PER_SEC &&
    concurrency.fractionOfLimit >= TARGET_FRACTION &&
    concurrency.maxInFlightRuns.every((n) => n === CONCURRENCY);
  const report = {
    benchmark: 'engine',
    overhead,
    concurrency,
    targets: {
      samplesPerSec: TARGET_SAMPLES_PER_SEC,
      fractionOfLimit: TARGET_FRACTION,
      maxInFlight: CONCURRENCY,
    },
    ok,
  };
  if (json) {
    console.log(JSON.stringify(report));
  } else {
    console.table({
      'overhead samples': overhead.samples,
      'overhead seconds (whole evaluate)': overhead.seconds,
      'overhead samples/s': `${overhead.samplesPerSec.toLocaleString('en')} (target ≥ ${TARGET_SAMPLES_PER_SEC.toLocaleString('en')})`,
      'of which not the engine: dataset load, s': overhead.loadSeconds,
      'of which not the engine: string_match alone, s': overhead.scoringSeconds,
      'concurrency requests': concurrency.requests,
      'concurrency seconds (server clock)': `${concurrency.seconds} (ideal ${concurrency.idealSeconds})`,
      'concurrency fractionOfLimit (median)': `${concurrency.fractionOfLimit} (target ≥ ${TARGET_FRACTION}; runs ${concurrency.fractionRuns.join(', ')})`,
      'concurrency maxInFlight': `${concurrency.maxInFlight} (target ${CONCURRENCY}; runs ${concurrency.maxInFlightRuns.join(', ')})`,
      'bare fetch fractionOfLimit (ceiling of this client)': `${concurrency.bareFetchFractionOfLimit} (runs ${concurrency.bareFetchFractionRuns.join(', ')})`,
      verdict: ok ? 'ok' : 'BELOW TARGET',
    });
  }
  if (!ok && !smoke) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

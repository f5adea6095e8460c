/**
 * Providers benchmark: `pnpm bench providers [--json] [--smoke]`.
 *
 * 1. `openai`: the per-call overhead of `createOpenAIProvider` over the bare `openai` client. A local
 *    node:http server on a worker thread (a model server is another process in real life: sharing the
 *    client's event loop would charge its work to the client) answers every chat completion at once
 *    with the same small body. 1,000 calls (200 with --smoke) at concurrency 16 go through the provider
 *    (`generate`, with one abort signal per lane, as the engine calls it) and through a bare `OpenAI`
 *    client built with the same options (`maxRetries: 0`, same base URL, key and log level; no signal,
 *    its cheapest path), both sending the same request body. After a warm-up of 3 runs each (1 with
 *    --smoke), 21 pairs of runs (1 with --smoke) follow, each pair a provider run and a bare run back to
 *    back, in alternating order.
 *    Fields: `openai.providerSeconds` and `openai.bareSeconds` (medians of the client-side wall times),
 *    `openai.providerCallsPerSec` and `openai.bareCallsPerSec`, `openai.overheadRatio` = the median over
 *    the pairs of provider wall time / bare client wall time (target ≤ 1.05; pairing cancels the drift
 *    of a shared machine's load, which moves both runs of a pair alike), every pair's ratio in
 *    `ratioRuns`, and every run's times in `providerRuns` / `bareRuns`.
 * 2. `local`: generation throughput of the local GGUF provider on `../shared/models/stories260K.gguf`
 *    with one thread, measured by `measureLocalTokensPerSec` (bench/local-throughput.ts): fields
 *    `local.tokensPerSec`, `local.tokens`, `local.seconds`, `local.threads` (reference on these 2-core
 *    machines: about 2,800 tokens/s; no target), and `local.bareTokensPerSec`, the same workload as a
 *    bare node-llama-cpp loop (`measureBareLlamaTokensPerSec`), the ceiling the provider is compared
 *    with, with `local.fractionOfBare` = tokensPerSec / bareTokensPerSec. When the model file is
 *    missing the field is `local: { skipped: reason }`, except under CI=true, where a missing model
 *    fails the benchmark.
 *
 * With --json the last line is one JSON object. A --smoke run exits 0 below the target; a full run
 * exits 1 when the target is missed.
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OpenAI } from 'openai';
import { createOpenAIProvider } from '../src/openai/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const smoke = args.includes('--smoke');
const CALLS = smoke ? 200 : 1_000;
const CONCURRENCY = 16;
const WARMUP_RUNS = smoke ? 1 : 3;
const TRIALS = smoke ? 1 : 21;
const TARGET_OVERHEAD_RATIO = 1.05;
const MODEL = 'gpt-4o-mini';
const API_KEY = 'sk-bench-local-server-only';
const PROMPT = 'Say hello.';
const MAX_TOKENS = 16;

/** The repository's sibling `../shared` folder holds the local model. */
const MODEL_PATH = fileURLToPath(new URL('../../../../shared/models/stories260K.gguf', import.meta.url));

/** The median of a few numbers (the lower middle one for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Answers every request at once with the same chat completion. */
const SERVER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createServer } = require('node:http');
const body = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1700000000, model: '${MODEL}',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! How can I help?', refusal: null },
    logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 7, total_tokens: 16 },
});
let requests = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'count') parentPort.postMessage({ requests }); });
`;

/** Runs `calls` calls from `CONCURRENCY` lanes; returns the wall time in seconds. */
async function timed(calls: number, call: (signal: AbortSignal) => Promise<unknown>): Promise<number> {
  let next = 0;
  const lane = async (): Promise<void> => {
    const signal = new AbortController().signal;
    while (next < calls) {
      next++;
      await call(signal);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return (performance.now() - start) / 1000;
}

async function measureOpenAIOverhead() {
  const server = new Worker(SERVER_SOURCE, { eval: true });
  try {
    const [{ port }] = (await once(server, 'message')) as [{ port: number }];
    const baseURL = `http://127.0.0.1:${port}/v1`;
    const provider = createOpenAIProvider({ model: MODEL, apiKey: API_KEY, baseURL });
    // The options the provider builds its own client with.
    const bare = new OpenAI({
      apiKey: API_KEY,
      baseURL,
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
      maxRetries: 0,
      logLevel: 'off',
    });
    const viaProvider = (calls: number) =>
      timed(calls, async (signal) => {
        const result = await provider.generate({ prompt: PROMPT, maxTokens: MAX_TOKENS }, { signal });
        if (result.text === '') throw new Error('empty answer through the provider');
      });
    const viaBare = (calls: number) =>
      timed(calls, async () => {
        const completion = await bare.chat.completions.create({
          model: MODEL,
          messages: [{ role: 'user', content: PROMPT }],
          max_tokens: MAX_TOKENS,
        });
        if (!completion.choices[0]?.message.content) throw new Error('empty answer through the bare client');
      });
    for (let i = 0; i < WARMUP_RUNS; i++) {
      await viaProvider(CALLS);
      await viaBare(CALLS);
    }
    const providerRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      if (trial % 2 === 0) {
        providerRuns.push(await viaProvider(CALLS));
        bareRuns.push(await viaBare(CALLS));
      } else {
        bareRuns.push(await viaBare(CALLS));
        providerRuns.push(await viaProvider(CALLS));
      }
    }
    const ratios = providerRuns.map((seconds, i) => seconds / bareRuns[i]!);
    server.postMessage('count');
    const [{ requests }] = (await once(server, 'message')) as [{ requests: number }];
    const expected = CALLS * 2 * (WARMUP_RUNS + TRIALS);
    if (requests !== expected) throw new Error(`the server saw ${requests} requests, expected ${expected}`);
    const providerSeconds = median(providerRuns);
    const bareSeconds = median(bareRuns);
    return {
      calls: CALLS,
      concurrency: CONCURRENCY,
      providerSeconds: round(providerSeconds, 4),
      bareSeconds: round(bareSeconds, 4),
      providerCallsPerSec: Math.round(CALLS / providerSeconds),
      bareCallsPerSec: Math.round(CALLS / bareSeconds),
      overheadRatio: round(median(ratios), 3),
      ratioRuns: ratios.map((r) => round(r, 3)),
      providerRuns: providerRuns.map((s) => round(s, 4)),
      bareRuns: bareRuns.map((s) => round(s, 4)),
    };
  } finally {
    await server.terminate();
  }
}

type LocalFigures =
  | {
      tokensPerSec: number;
      tokens: number;
      seconds: number;
      threads: number;
      bareTokensPerSec: number;
      fractionOfBare: number;
    }
  | { skipped: string };

async function measureLocal(): Promise<LocalFigures> {
  if (!existsSync(MODEL_PATH)) {
    const reason = 'needs ../shared/models/stories260K.gguf, which is missing';
    if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: a missing model is a failure)`);
    return { skipped: reason };
  }
  const { measureBareLlamaTokensPerSec, measureLocalTokensPerSec } = await import('./local-throughput.js');
  const figures = await measureLocalTokensPerSec({ modelPath: MODEL_PATH, smoke });
  const bare = await measureBareLlamaTokensPerSec({ modelPath: MODEL_PATH, smoke });
  return {
    tokensPerSec: Math.round(figures.tokensPerSec),
    tokens: figures.tokens,
    seconds: round(figures.seconds, 3),
    threads: figures.threads,
    bareTokensPerSec: Math.round(bare.tokensPerSec),
    fractionOfBare: round(figures.tokensPerSec / bare.tokensPerSec, 3),
  };
}

const openai = await measureOpenAIOverhead();
const local = await measureLocal();
const ok = openai.overheadRatio <= TARGET_OVERHEAD_RATIO;
const report = {
  benchmark: 'providers',
  openai,
  local,
  targets: { overheadRatio: TARGET_OVERHEAD_RATIO },
  ok,
};
if (json) {
  console.log(JSON.stringify(report));
} else {
  console.table({
    'openai calls (concurrency 16)': openai.calls,
    'provider wall time, s (median)': `${openai.providerSeconds} (runs ${openai.providerRuns.join(', ')})`,
    'bare client wall time, s (median)': `${openai.bareSeconds} (runs ${openai.bareRuns.join(', ')})`,
    'provider calls/s': openai.providerCallsPerSec,
    'bare client calls/s': openai.bareCallsPerSec,
    'openai overheadRatio (median of pairs)': `${openai.overheadRatio} (target ≤ ${TARGET_OVERHEAD_RATIO}; pairs ${openai.ratioRuns.join(', ')})`,
    'local tokens/s (stories260K, 1 thread)':
      'skipped' in local
        ? `skipped: ${local.skipped}`
        : `${local.tokensPerSec} (${local.tokens} tokens in ${local.seconds} s; bare node-llama-cpp ${local.bareTokensPerSec}, fraction ${local.fractionOfBare})`,
    verdict: ok ? 'ok' : 'BELOW TARGET',
  });
}
if (!ok && !smoke) process.exitCode = 1;

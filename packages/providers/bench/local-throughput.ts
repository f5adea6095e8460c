/**
 * Generation throughput of the local GGUF provider, for `pnpm bench providers` (see providers.bench.ts).
 *
 * The provider is loaded first (not timed) with one thread, warmed up with two generations, then generates
 * greedily from several prompts with `ignoreEos`, so every prompt yields exactly its token budget (5 × 256
 * tokens, 2 × 128 with `smoke`). tokens/s = generated tokens / wall time of those generations.
 * `measureBareLlamaTokensPerSec` runs the same workload as a bare node-llama-cpp loop (same context
 * settings), the ceiling the provider is compared with.
 */
import type { Token } from 'node-llama-cpp';
import { createLocalProvider } from '../src/local/index.js';

/** Throughput of one measurement. */
export interface LocalThroughput {
  /** Generated tokens per second of wall time. */
  tokensPerSec: number;
  /** Tokens generated in the timed part. */
  tokens: number;
  /** Wall time of the timed part, in seconds. */
  seconds: number;
  /** CPU threads used for evaluation. */
  threads: number;
}

/** What to measure on. */
export interface LocalThroughputOptions {
  /** The GGUF model. */
  modelPath: string;
  /** A short run (2 × 128 tokens) for CI smoke checks. */
  smoke: boolean;
}

const THREADS = 1;
/** Untimed generations first: the first few hundred tokens of a process run markedly slower. */
const WARM_UP_ROUNDS = 2;
const PROMPTS = [
  'Once upon a time',
  'Lily and Tom went to the park.',
  'One day, a little bird',
  'The big dog was very happy because',
  'Sam wanted to play with his red ball, but',
];

function workload(smoke: boolean): { prompts: string[]; tokensEach: number } {
  return smoke ? { prompts: PROMPTS.slice(0, 2), tokensEach: 128 } : { prompts: PROMPTS, tokensEach: 256 };
}

/**
 * Generated tokens per second of the local provider (`createLocalProvider`, threads 1, greedy).
 *
 * @example
 * ```ts
 * const { tokensPerSec } = await measureLocalTokensPerSec({ modelPath: '../shared/models/stories260K.gguf', smoke: true });
 * ```
 */
export async function measureLocalTokensPerSec(options: LocalThroughputOptions): Promise<LocalThroughput> {
  const { prompts, tokensEach } = workload(options.smoke);
  const provider = createLocalProvider({ modelPath: options.modelPath, threads: THREADS, ignoreEos: true });
  try {
    await provider.load();
    for (let i = 0; i < WARM_UP_ROUNDS; i++)
      await provider.generate({ prompt: 'Warm up:', maxTokens: tokensEach });
    let tokens = 0;
    const start = performance.now();
    for (const prompt of prompts) {
      const result = await provider.generate({ prompt, maxTokens: tokensEach, temperature: 0 });
      tokens += result.usage.outputTokens ?? 0;
    }
    const seconds = (performance.now() - start) / 1000;
    return { tokensPerSec: tokens / seconds, tokens, seconds, threads: THREADS };
  } finally {
    await provider.close();
  }
}

/**
 * The same workload as {@link measureLocalTokensPerSec} as a bare node-llama-cpp loop: one context with the
 * provider's settings (f32 cache, no flash attention, one thread), `sequence.evaluate` token by token.
 */
export async function measureBareLlamaTokensPerSec(
  options: LocalThroughputOptions,
): Promise<LocalThroughput> {
  const { prompts, tokensEach } = workload(options.smoke);
  const { getLlama, LlamaLogLevel, TokenBias } = await import('node-llama-cpp');
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    logLevel: LlamaLogLevel.error,
    logger: () => {},
    maxThreads: THREADS,
  });
  try {
    const model = await llama.loadModel({ modelPath: options.modelPath });
    const context = await model.createContext({
      contextSize: 2048,
      threads: THREADS,
      flashAttention: false,
      experimentalKvCacheKeyType: 'F32',
      experimentalKvCacheValueType: 'F32',
    });
    const sequence = context.getSequence();
    const noEos = new TokenBias(model.tokenizer).set(model.tokens.eos as Token, 'never');
    const generate = async (prompt: string, count: number): Promise<number> => {
      await sequence.clearHistory();
      const input: Token[] = [model.tokens.bos as Token, ...model.tokenize(prompt)];
      let n = 0;
      for await (const _token of sequence.evaluate(input, { temperature: 0, tokenBias: noEos })) {
        if (++n >= count) break;
      }
      return n;
    };
    for (let i = 0; i < WARM_UP_ROUNDS; i++) await generate('Warm up:', tokensEach);
    let tokens = 0;
    const start = performance.now();
    for (const prompt of prompts) tokens += await generate(prompt, tokensEach);
    const seconds = (performance.now() - start) / 1000;
    return { tokensPerSec: tokens / seconds, tokens, seconds, threads: THREADS };
  } finally {
    await llama.dispose();
  }
}

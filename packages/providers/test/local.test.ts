import {
  createMemoryStorage,
  evaluate,
  type LogFields,
  ProviderCallError,
  type SampleResult,
} from '@benchhub/core';
import {
  getLlama,
  type Llama,
  type LlamaContextSequence,
  LlamaLogLevel,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeWithShared, sharedPath } from '../../core/test/support/shared.js';
import { createLocalProvider, type LocalProvider, loadLocalProvider } from '../src/local/index.js';

const MODEL = 'models/stories260K.gguf';

describeWithShared('local GGUF provider (stories260K)', [MODEL], () => {
  const logLines: { level: string; message: string; fields: LogFields | undefined }[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      logLines.push({ level, message, fields });
    };
  const logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];

  let provider: LocalProvider;
  let countBeforeLoad: number;
  // An independent llama.cpp context for the reference log-probabilities, evaluated one token at a time.
  let llama: Llama;
  let model: LlamaModel;
  let reference: LlamaContextSequence;

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      consoleSpies.push(vi.spyOn(console, method));
    }
    const created = createLocalProvider({
      modelPath: sharedPath(MODEL),
      threads: 1,
      contextSize: 1024,
      logger,
      logLevel: 'info',
    });
    countBeforeLoad = created.countTokens('Once upon a time');
    await created.load();
    provider = created;
    for (const spy of consoleSpies) spy.mockRestore();

    llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    model = await llama.loadModel({ modelPath: sharedPath(MODEL) });
    // Same numerics as the provider (f32 cache, no flash attention), but a different evaluation path.
    const context = await model.createContext({
      contextSize: 1024,
      threads: 1,
      flashAttention: false,
      experimentalKvCacheKeyType: 'F32',
      experimentalKvCacheValueType: 'F32',
    });
    reference = context.getSequence();
  }, 60_000);

  afterAll(async () => {
    await provider?.close();
    await llama?.dispose();
  });

  /** Sum of ln P(token) over the continuation, one token per evaluation on a fresh sequence state. */
  async function stepByStepLogprob(
    context: string,
    continuation: string,
  ): Promise<{ sum: number; greedy: boolean }> {
    // lm-evaluation-harness's pair encoding, written out: trailing spaces of the context join the
    // continuation, whose tokens are what follows the context's own tokens in the encoding of the whole.
    const trimmed = context.trimEnd();
    const contextTokens = model.tokenize(trimmed);
    const whole = model.tokenize(context + continuation);
    const all = [model.tokens.bos as Token, ...contextTokens, ...whole.slice(contextTokens.length)];
    const firstTarget = 1 + contextTokens.length;
    await reference.clearHistory();
    let sum = 0;
    let greedy = true;
    for (let i = 0; i < all.length - 1; i++) {
      const steps = reference.evaluateWithMetadata(
        [all[i] as Token],
        { probabilities: true },
        { temperature: 0 },
      );
      const step = await steps.next();
      await steps.return();
      if (i + 1 < firstTarget) continue;
      const probabilities = (step.value as { probabilities: Map<Token, number> }).probabilities;
      const p = probabilities.get(all[i + 1] as Token) ?? 0;
      sum += Math.log(p);
      if (p < Math.max(...probabilities.values())) greedy = false;
    }
    return { sum, greedy };
  }

  it('routes node-llama-cpp logs to the injected logger, never to the console', () => {
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
    const fromLibrary = logLines.filter((l) => l.fields?.source === 'node-llama-cpp');
    expect(fromLibrary.length).toBeGreaterThan(0);
    expect(fromLibrary[0]?.fields).toMatchObject({ provider: 'local-gguf', model: 'stories260K.gguf' });
    expect(logLines.some((l) => l.level === 'debug' && l.message === 'local model loaded')).toBe(true);
  });

  it('names itself after the file and declares what it can do', () => {
    expect(provider.providerId).toBe('local-gguf');
    expect(provider.modelId).toBe('stories260K.gguf');
    expect(provider.capabilities).toMatchObject({
      generate: true,
      chat: false,
      logLikelihood: true,
      embed: true,
      logprobs: true,
      systemPrompt: false,
      seed: true,
      tools: false,
      structuredOutput: 'json_schema',
      maxConcurrency: 1,
    });
  });

  it('counts tokens with the model tokenizer once loaded, and estimates before', () => {
    const text = 'Once upon a time, there was a little girl named Lily.';
    expect(provider.countTokens(text)).toBe(model.tokenize(text).length);
    expect(provider.countTokens('')).toBe(0);
    expect(countBeforeLoad).toBeGreaterThan(0);
    expect(provider.countTokens('Once upon a time')).toBe(4);
  });

  it('generates the same non-empty text twice at temperature 0, whatever ran in between', async () => {
    const first = await provider.generate({ prompt: 'Once upon a time', maxTokens: 40, temperature: 0 });
    await provider.generate({ prompt: 'Tom had a big red ball.', maxTokens: 20 });
    const second = await provider.generate({ prompt: 'Once upon a time', maxTokens: 40, temperature: 0 });
    expect(first.text.trim().length).toBeGreaterThan(0);
    expect(second.text).toBe(first.text);
    expect(first.usage).toEqual({ inputTokens: 5, outputTokens: 40 }); // BOS + 4 prompt tokens
    expect(first.finishReason).toBe('length');
    expect(first.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('honours maxTokens: at most that many tokens, finish reason length, a prefix of the longer greedy text', async () => {
    const long = await provider.generate({ prompt: 'Lily went to the park.', maxTokens: 40 });
    const short = await provider.generate({ prompt: 'Lily went to the park.', maxTokens: 7 });
    expect(short.usage.outputTokens).toBe(7);
    expect(short.finishReason).toBe('length');
    expect(long.text.startsWith(short.text)).toBe(true);
    expect(short.text.length).toBeLessThan(long.text.length);
  });

  it('stops at the first stop sequence, which is not part of the text', async () => {
    const full = await provider.generate({ prompt: 'Once upon a time', maxTokens: 60 });
    const stop = full.text.slice(25, 31);
    const cutAt = full.text.indexOf(stop);
    const stopped = await provider.generate({
      prompt: 'Once upon a time',
      maxTokens: 60,
      stop: ['NEVER-THERE', stop],
    });
    expect(stopped.text).toBe(full.text.slice(0, cutAt));
    expect(stopped.text).not.toContain(stop);
    expect(stopped.finishReason).toBe('stop');
    expect(stopped.usage.outputTokens).toBeLessThan(full.usage.outputTokens as number);
  });

  it('samples reproducibly with a seed at temperature > 0', async () => {
    const request = { prompt: 'Once upon a time', maxTokens: 30, temperature: 1, seed: 42 };
    const a = await provider.generate(request);
    const b = await provider.generate(request);
    expect(b.text).toBe(a.text);
    const others = await Promise.all(
      [1, 2, 3].map((seed) => provider.generate({ ...request, seed })).map((p) => p.then((r) => r.text)),
    );
    expect(others.some((t) => t !== a.text)).toBe(true);
  });

  it('returns per-token logprobs matching the step-by-step distribution', async () => {
    const result = await provider.generate({
      prompt: 'Once upon a time',
      maxTokens: 6,
      logprobs: true,
      topLogprobs: 3,
    });
    const logprobs = result.logprobs ?? [];
    expect(logprobs).toHaveLength(6);
    expect(logprobs.map((l) => l.token).join('')).toBe(result.text);
    for (const entry of logprobs) {
      expect(entry.logprob).toBeLessThanOrEqual(0);
      expect(entry.top).toHaveLength(3);
      // Greedy: the chosen token is the most likely one.
      expect(entry.top?.[0]?.logprob).toBeCloseTo(entry.logprob, 10);
    }
    const { sum } = await stepByStepLogprob('Once upon a time', result.text);
    const total = logprobs.reduce((s, l) => s + l.logprob, 0);
    expect(Math.abs(total - sum)).toBeLessThan(1e-3);
  });

  const PAIRS = [
    { context: 'The capital of France is', continuation: ' Paris' },
    { context: 'Once upon a time', continuation: ' there was a little girl' },
    { context: 'Lily went to the park. ', continuation: 'She saw a big dog.' },
    { context: '', continuation: 'Once upon a time' },
    { context: 'Tom had a red ball', continuation: ' and a blue kite that flew high in the sky' },
    { context: 'The capital of France is', continuation: ' a banana' },
  ];

  it('logLikelihood equals the sum of per-token log-probabilities computed step by step (1e-3)', async () => {
    const results = await provider.logLikelihood(PAIRS);
    expect(results).toHaveLength(PAIRS.length);
    for (const [i, pair] of PAIRS.entries()) {
      const expected = await stepByStepLogprob(pair.context, pair.continuation);
      const got = results[i];
      expect(Math.abs((got?.logprob ?? 0) - expected.sum), `${JSON.stringify(pair)}`).toBeLessThan(1e-3);
      expect(got?.isGreedy).toBe(expected.greedy);
      expect(got?.logprob).toBeLessThan(0);
    }
    // Different values, so the order check below means something.
    expect(new Set(results.map((r) => r.logprob.toFixed(3))).size).toBe(PAIRS.length);
  });

  it('keeps the order of the requests and does not depend on what was evaluated before', async () => {
    const forward = await provider.logLikelihood(PAIRS);
    const backward = await provider.logLikelihood([...PAIRS].reverse());
    const alone = await Promise.all(PAIRS.map((pair) => provider.logLikelihood([pair]).then((r) => r[0])));
    backward.reverse();
    for (const [i] of PAIRS.entries()) {
      expect(Math.abs((backward[i]?.logprob ?? 0) - (forward[i]?.logprob ?? 1))).toBeLessThan(1e-6);
      expect(Math.abs((alone[i]?.logprob ?? 0) - (forward[i]?.logprob ?? 1))).toBeLessThan(1e-6);
      expect(backward[i]?.isGreedy).toBe(forward[i]?.isGreedy);
    }
  });

  it("isGreedy is true for the model's own greedy continuation and false for another", async () => {
    for (const context of ['Once upon a time', 'Tom and Lily went to the', 'One day, a little bird']) {
      const greedy = await provider.generate({ prompt: context, maxTokens: 12 });
      const [own, other] = await provider.logLikelihood([
        { context, continuation: greedy.text },
        { context, continuation: ' banana car sky' },
      ]);
      expect(own?.isGreedy, `${context} + ${JSON.stringify(greedy.text)}`).toBe(true);
      expect(other?.isGreedy).toBe(false);
      expect(own?.logprob).toBeGreaterThan(other?.logprob ?? 0);
    }
  });

  it('rejects with the signal reason: before the call, while queued, and in flight; the sequence stays usable', async () => {
    const aborted = new AbortController();
    const early = new Error('aborted before');
    aborted.abort(early);
    await expect(provider.logLikelihood(PAIRS, { signal: aborted.signal })).rejects.toBe(early);
    await expect(provider.generate({ prompt: 'Hi' }, { signal: aborted.signal })).rejects.toBe(early);

    const before = await provider.generate({ prompt: 'Once upon a time', maxTokens: 20 });
    const running = new AbortController();
    const queued = new AbortController();
    const long = provider.generate(
      { prompt: 'Once upon a time', maxTokens: 900, extra: { ignoreEos: true } },
      { signal: running.signal },
    );
    const waiting = provider.logLikelihood(PAIRS, { signal: queued.signal });
    const queuedReason = new Error('aborted while queued');
    queued.abort(queuedReason);
    await expect(waiting).rejects.toBe(queuedReason);
    const runningReason = new Error('aborted in flight');
    running.abort(runningReason);
    await expect(long).rejects.toBe(runningReason);

    const after = await provider.generate({ prompt: 'Once upon a time', maxTokens: 20 });
    expect(after.text).toBe(before.text);
  });

  it('embeds texts: one vector of the model width per text, equal texts equal, others not', async () => {
    const texts = ['Lily played with her ball.', 'The sun was hot.', 'Lily played with her ball.'];
    const vectors = await provider.embed(texts);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) expect(v).toHaveLength(model.embeddingVectorSize);
    expect(vectors[2]).toEqual(vectors[0]);
    expect(vectors[1]).not.toEqual(vectors[0]);
    const error = await provider.embed(['fine', '']).catch((e: unknown) => e);
    expect(ProviderCallError.isInstance(error) && !error.isRetryable).toBe(true);
  });

  it('refuses chat messages as a non-retryable error (the model has no chat template)', async () => {
    const error = await provider
      .generate({ prompt: [{ role: 'user', content: 'Hello' }], maxTokens: 4 })
      .catch((e: unknown) => e);
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect((error as ProviderCallError).isRetryable).toBe(false);
    expect((error as ProviderCallError).message).toMatch(/string prompt/);
  });

  it('scores an MCQA evaluation end to end with the log_likelihood method', async () => {
    const rows = [
      ['Once upon a time, there was a little girl named', ['Lily', 'car', 'sky', 'blue'], 'Lily'],
      ['Tom liked to play with his', ['ball', 'run', 'the', 'was'], 'ball'],
      ['The sun was hot and the sky was', ['blue', 'dog', 'ran', 'of'], 'blue'],
      ['Lily and her mom went to the', ['park', 'happy', 'jumped', 'she'], 'park'],
      ['The little dog wagged its', ['tail', 'sky', 'happy', 'went'], 'tail'],
    ].map(([prompt, options, answer], i) => ({ id: `s${i}`, prompt, options, answer, language: 'en' }));
    let llCalls = 0;
    let generateCalls = 0;
    const counted = {
      ...provider,
      generate: (...args: Parameters<LocalProvider['generate']>) => {
        generateCalls++;
        return provider.generate(...args);
      },
      logLikelihood: (...args: Parameters<LocalProvider['logLikelihood']>) => {
        llCalls++;
        return provider.logLikelihood(...args);
      },
    };
    const storage = createMemoryStorage();
    const { task, aggregates } = await evaluate(
      {
        name: 'local mcqa',
        models: [{ provider: 'local', model: 'stories260K.gguf', id: 'tiny' }],
        datasets: [{ name: 'stories', source: { type: 'inline', rows } }],
        evaluation: { method: 'log_likelihood', metrics: ['accuracy'] },
      },
      { providers: { tiny: counted }, storage },
    );
    expect(task.status).toBe('SUCCESS');
    expect(task.progress).toEqual({ total: 5, completed: 5, failed: 0 });
    expect(llCalls).toBe(5);
    expect(generateCalls).toBe(0);
    const results: SampleResult[] = [];
    for await (const r of storage.streamResults({ taskId: task.id })) results.push(r);
    expect(results).toHaveLength(5);
    for (const r of results) {
      expect(r.error).toBeUndefined();
      expect([0, 1]).toContain(r.scores.accuracy);
      expect([0, 1]).toContain(r.scores.acc_norm);
      expect(['A', 'B', 'C', 'D']).toContain(r.extracted);
    }
    const accuracy = aggregates.find((a) => a.metric === 'accuracy');
    expect(accuracy).toMatchObject({ n: 5, errors: 0 });
  });

  it('runs one call per sequence at once with sequences > 1, with the same results', async () => {
    const two = await loadLocalProvider({ modelPath: sharedPath(MODEL), threads: 1, sequences: 2 });
    try {
      expect(two.capabilities.maxConcurrency).toBe(2);
      // Loaded before returning: the exact count at once ('Hello' is 3 tokens; the estimate says 2).
      expect(two.countTokens('Hello')).toBe(model.tokenize('Hello').length);
      const prompts = ['Once upon a time', 'Tom had a ball', 'Lily went to the park.', 'One day'];
      const expected = [];
      for (const prompt of prompts) expected.push((await provider.generate({ prompt, maxTokens: 30 })).text);
      const [texts, scores] = await Promise.all([
        Promise.all(prompts.map((prompt) => two.generate({ prompt, maxTokens: 30 }).then((r) => r.text))),
        two.logLikelihood(PAIRS),
      ]);
      expect(texts).toEqual(expected);
      const single = await provider.logLikelihood(PAIRS);
      for (const [i, s] of scores.entries())
        expect(Math.abs(s.logprob - (single[i]?.logprob ?? 1))).toBeLessThan(1e-6);
    } finally {
      await two.close();
    }
  });

  it('fails with a non-retryable error naming the path when the model file is missing', async () => {
    const missingPath = sharedPath('models/does-not-exist.gguf');
    const missing = createLocalProvider({ modelPath: missingPath, threads: 1 });
    for (const call of [
      () => missing.generate({ prompt: 'Hello' }),
      () => missing.logLikelihood([{ context: 'a', continuation: ' b' }]),
      () => missing.load(),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(ProviderCallError.isInstance(error)).toBe(true);
      expect((error as ProviderCallError).message).toContain(missingPath);
      expect((error as ProviderCallError).isRetryable).toBe(false);
      expect((error as ProviderCallError).provider).toBe('local-gguf');
      expect((error as ProviderCallError).model).toBe('does-not-exist.gguf');
    }
    await expect(loadLocalProvider({ modelPath: missingPath })).rejects.toThrow(missingPath);
    await missing.close();
  });

  it('fails every call after close()', async () => {
    const closing = createLocalProvider({ modelPath: sharedPath(MODEL), threads: 1, modelId: 'tiny' });
    await closing.close();
    const error = await closing.generate({ prompt: 'Hello', maxTokens: 2 }).catch((e: unknown) => e);
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect((error as ProviderCallError).message).toMatch(/local-gguf\/tiny: .*closed/);
  });
});

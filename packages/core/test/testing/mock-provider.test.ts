import { describe, expect, it } from 'vitest';
import { SampleSchema } from '../../src/domain/sample.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createMockProvider, fixtureSamples } from '../../src/testing.js';

describe('createMockProvider', () => {
  it('answers in sequence and records every call', async () => {
    const model = createMockProvider({
      responses: ['Answer: A', { text: 'Answer: B', finishReason: 'length' }],
    });
    const controller = new AbortController();
    const first = await model.generate({ prompt: 'Q1', temperature: 0 }, { signal: controller.signal });
    const second = await model.generate({ prompt: [{ role: 'user', content: 'Q2' }] });
    expect(first.text).toBe('Answer: A');
    expect(first.usage).toEqual({ inputTokens: 1, outputTokens: 2 });
    expect(second).toMatchObject({ text: 'Answer: B', finishReason: 'length' });
    expect(model.calls).toEqual([
      { index: 0, request: { prompt: 'Q1', temperature: 0 }, signal: controller.signal },
      { index: 1, request: { prompt: [{ role: 'user', content: 'Q2' }] }, signal: undefined },
    ]);
    expect(model.specificationVersion).toBe('v1');
    expect(model.providerId).toBe('mock');
    expect(model.modelId).toBe('mock-model');
  });

  it('fails clearly when the sequence runs out, and restarts after reset', async () => {
    const model = createMockProvider({ responses: ['only'] });
    await model.generate({ prompt: 'a' });
    const error = await model.generate({ prompt: 'b' }).catch((e: unknown) => e);
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('no response for call #2 (1 given)');
    expect(model.calls).toHaveLength(2);
    model.reset();
    expect(model.calls).toHaveLength(0);
    await expect(model.generate({ prompt: 'c' })).resolves.toMatchObject({ text: 'only' });
  });

  it('repeats a single response for every call', async () => {
    const model = createMockProvider({ responses: 'same' });
    const texts = await Promise.all(
      [1, 2, 3].map((i) => model.generate({ prompt: `q${i}` }).then((r) => r.text)),
    );
    expect(texts).toEqual(['same', 'same', 'same']);
  });

  it('computes answers with respond, each concurrent call seeing its own record', async () => {
    const model = createMockProvider({
      delayMs: 5,
      respond: (request, call) => `${call.index}:${String(request.prompt)}`,
    });
    const results = await Promise.all(['a', 'b', 'c'].map((p) => model.generate({ prompt: p })));
    expect(results.map((r) => r.text)).toEqual(['0:a', '1:b', '2:c']);
  });

  it('fails every call with failWith, keeping a retryable ProviderCallError as given', async () => {
    const retryable = new ProviderCallError('server busy', {
      provider: 'mock',
      model: 'mock-model',
      statusCode: 503,
    });
    const model = createMockProvider({ failWith: retryable });
    await expect(model.generate({ prompt: 'q' })).rejects.toBe(retryable);
    expect(retryable.isRetryable).toBe(true);
    expect(model.calls).toHaveLength(1);
  });

  it('fails selected calls with a failWith function and wraps plain errors', async () => {
    const model = createMockProvider({
      responses: 'ok',
      failWith: (_request, index) => (index === 1 ? new Error('flaky') : undefined),
    });
    await expect(model.generate({ prompt: 'a' })).resolves.toMatchObject({ text: 'ok' });
    const error = (await model.generate({ prompt: 'b' }).catch((e: unknown) => e)) as ProviderCallError;
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('flaky');
    await expect(model.generate({ prompt: 'c' })).resolves.toMatchObject({ text: 'ok' });
  });

  it('stops a delayed call when its signal aborts', async () => {
    const model = createMockProvider({ responses: 'late', delayMs: 5_000 });
    const controller = new AbortController();
    const pending = model.generate({ prompt: 'q' }, { signal: controller.signal });
    controller.abort(new Error('cancel'));
    await expect(pending).rejects.toThrow('cancel');
    expect(model.calls[0]?.signal?.aborted).toBe(true);
  });

  it('records logLikelihood and embed calls and declares the capabilities', async () => {
    const model = createMockProvider({
      responses: 'x',
      logLikelihood: (requests) => requests.map((_, i) => ({ logprob: -i, isGreedy: i === 0 })),
      embed: (texts) => texts.map((t) => [t.length, 0]),
    });
    expect(model.capabilities).toMatchObject({ logLikelihood: true, embed: true });
    const scores = await model.logLikelihood?.([
      { context: 'Q', continuation: ' A' },
      { context: 'Q', continuation: ' B' },
    ]);
    expect(scores).toEqual([
      { logprob: -0, isGreedy: true },
      { logprob: -1, isGreedy: false },
    ]);
    await expect(model.embed?.(['abc'])).resolves.toEqual([[3, 0]]);
    expect(model.logLikelihoodCalls).toHaveLength(1);
    expect(model.logLikelihoodCalls[0]?.requests[1]?.continuation).toBe(' B');
    expect(model.embedCalls).toEqual([{ texts: ['abc'] }]);
  });

  it('has no logLikelihood or embed unless given', () => {
    const model = createMockProvider({ responses: 'x' });
    expect(model.capabilities).toMatchObject({
      logLikelihood: false,
      embed: false,
      generate: true,
      chat: true,
    });
    expect(model.logLikelihood).toBeUndefined();
    expect(model.embed).toBeUndefined();
  });

  it('rejects options that cannot answer anything', () => {
    expect(() => createMockProvider({})).toThrow(/give `responses`, `respond` or `failWith`/);
    expect(() => createMockProvider({ responses: 'x', delayMs: -1 })).toThrow(/delayMs/);
  });
});

describe('fixtureSamples', () => {
  it('are valid samples with distinct ids', () => {
    for (const sample of fixtureSamples) expect(SampleSchema.parse(sample)).toEqual(sample);
    expect(new Set(fixtureSamples.map((s) => s.id)).size).toBe(fixtureSamples.length);
    expect(fixtureSamples.map((s) => s.metadata.language)).toContain('ko');
  });
});

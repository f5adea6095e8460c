import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/errors/dataset-error.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createFunctionProvider } from '../../src/providers/function-provider.js';
import type { GenerateRequest } from '../../src/spec/model-provider.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('createFunctionProvider', () => {
  it('wraps a function returning a string into a v1 provider', async () => {
    const seen: GenerateRequest[] = [];
    const provider = createFunctionProvider(
      async function echo(request) {
        seen.push(request);
        return `echo: ${String(request.prompt)}`;
      },
      { countTokens: (t) => t.split(' ').length },
    );
    expect(provider.specificationVersion).toBe('v1');
    expect(provider.providerId).toBe('function');
    expect(provider.modelId).toBe('echo');
    expect(provider.capabilities).toEqual({ generate: true, chat: true, logLikelihood: false, embed: false });
    expect(provider.logLikelihood).toBeUndefined();
    expect(provider.embed).toBeUndefined();

    const request = { prompt: 'two words', maxTokens: 5, temperature: 0 };
    const result = await provider.generate(request);
    expect(seen).toEqual([request]);
    expect(result.text).toBe('echo: two words');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual({ inputTokens: 2, outputTokens: 3 });
    expect(typeof result.latencyMs).toBe('number');
  });

  it('reports unknown usage as undefined without countTokens', async () => {
    const provider = createFunctionProvider(() => 'x', { providerId: 'p', modelId: 'org/model' });
    const result = await provider.generate({ prompt: 'hi' });
    expect(result.usage).toEqual({ inputTokens: undefined, outputTokens: undefined });
    expect(provider.modelId).toBe('org/model');
  });

  it('counts tokens over chat message contents', async () => {
    const provider = createFunctionProvider(() => 'ok', { countTokens: (t) => t.length });
    const result = await provider.generate({
      prompt: [
        { role: 'system', content: 'ab' },
        { role: 'user', content: 'cde' },
      ],
    });
    expect(result.usage.inputTokens).toBe('ab\ncde'.length);
  });

  it('keeps the details a function returns and fills the rest', async () => {
    const provider = createFunctionProvider(
      async () => ({
        text: 'A',
        finishReason: 'length' as const,
        usage: { inputTokens: 10 },
        logprobs: [{ token: 'A', logprob: -0.1 }],
        raw: { id: 'r1' },
        latencyMs: 1234,
      }),
      { countTokens: () => 7 },
    );
    const result = await provider.generate({ prompt: 'q' });
    expect(result).toEqual({
      text: 'A',
      finishReason: 'length',
      usage: { inputTokens: 10, outputTokens: 7 },
      logprobs: [{ token: 'A', logprob: -0.1 }],
      raw: { id: 'r1' },
      latencyMs: 1234,
    });
  });

  it('measures latency', async () => {
    const provider = createFunctionProvider(async () => {
      await sleep(40);
      return 'slow';
    });
    const result = await provider.generate({ prompt: 'q' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(35);
    expect(result.latencyMs).toBeLessThan(5_000);
  });

  it('wraps a thrown error into a non-retryable ProviderCallError naming provider and model', async () => {
    const boom = new TypeError('bad payload');
    const provider = createFunctionProvider(
      () => {
        throw boom;
      },
      { providerId: 'acme', modelId: 'acme/large' },
    );
    const error = await rejection(provider.generate({ prompt: 'q' }));
    expect(ProviderCallError.isInstance(error)).toBe(true);
    const e = error as ProviderCallError;
    expect(e.isRetryable).toBe(false);
    expect(e.provider).toBe('acme');
    expect(e.model).toBe('acme/large');
    expect(e.cause).toBe(boom);
    expect(e.message).toContain('acme/acme/large');
    expect(e.message).toContain('TypeError: bad payload');
  });

  it('keeps a thrown error retryable when it says so, with its status and wait', async () => {
    const vendorError = Object.assign(new Error('overloaded'), {
      isRetryable: true,
      status: 503,
      retryAfterMs: 250,
    });
    const provider = createFunctionProvider(async () => {
      throw vendorError;
    });
    const e = (await rejection(provider.generate({ prompt: 'q' }))) as ProviderCallError;
    expect(ProviderCallError.isInstance(e)).toBe(true);
    expect(e.isRetryable).toBe(true);
    expect(e.statusCode).toBe(503);
    expect(e.retryAfterMs).toBe(250);
  });

  it('does not infer retryability from a status alone', async () => {
    const provider = createFunctionProvider(async () => {
      throw Object.assign(new Error('rate limited'), { statusCode: 429 });
    });
    const e = (await rejection(provider.generate({ prompt: 'q' }))) as ProviderCallError;
    expect(e.statusCode).toBe(429);
    expect(e.isRetryable).toBe(false);
  });

  it('passes a thrown ProviderCallError through unchanged', async () => {
    const original = new ProviderCallError('quota', { provider: 'x', model: 'y', statusCode: 429 });
    const provider = createFunctionProvider(async () => {
      throw original;
    });
    expect(await rejection(provider.generate({ prompt: 'q' }))).toBe(original);
  });

  it('wraps other BenchHub errors and non-Error values too', async () => {
    const dataset = new DatasetError('bad row', { source: 'f.csv', row: 2 });
    const p1 = createFunctionProvider(async () => {
      throw dataset;
    });
    const e1 = (await rejection(p1.generate({ prompt: 'q' }))) as ProviderCallError;
    expect(ProviderCallError.isInstance(e1)).toBe(true);
    expect(e1.cause).toBe(dataset);

    const p2 = createFunctionProvider(() => Promise.reject('plain string'));
    const e2 = (await rejection(p2.generate({ prompt: 'q' }))) as ProviderCallError;
    expect(ProviderCallError.isInstance(e2)).toBe(true);
    expect(e2.message).toContain('plain string');
  });

  it('rejects a malformed return value with a clear error', async () => {
    for (const bad of [42, null, {}, { text: 5 }, ['a']]) {
      const provider = createFunctionProvider(async () => bad as never);
      const e = (await rejection(provider.generate({ prompt: 'q' }))) as ProviderCallError;
      expect(ProviderCallError.isInstance(e)).toBe(true);
      expect(e.isRetryable).toBe(false);
      expect(e.message).toMatch(/expected a string or an object with a string `text`/);
    }
  });

  it('hands the caller signal to the function and stops when it aborts', async () => {
    const controller = new AbortController();
    let received: AbortSignal | undefined;
    const provider = createFunctionProvider(async (_request, { signal }) => {
      received = signal;
      await new Promise(() => {}); // ignores the signal and never settles: the provider must not wait
      return 'late';
    });
    const pending = provider.generate({ prompt: 'q' }, { signal: controller.signal });
    await sleep(5);
    const reason = new Error('cancelled by user');
    controller.abort(reason);
    const started = Date.now();
    expect(await rejection(pending)).toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(received).toBe(controller.signal);
    expect(received?.aborted).toBe(true);
  });

  it('rejects with the abort reason, not a ProviderCallError, when the function throws after abort', async () => {
    const controller = new AbortController();
    const provider = createFunctionProvider(
      (_request, { signal }) =>
        new Promise<string>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('fetch aborted')));
        }),
    );
    const pending = provider.generate({ prompt: 'q' }, { signal: controller.signal });
    controller.abort();
    const error = await rejection(pending);
    expect(ProviderCallError.isInstance(error)).toBe(false);
    expect((error as Error).name).toBe('AbortError');
  });

  it('does not call the function when the signal is already aborted', async () => {
    let called = 0;
    const provider = createFunctionProvider(() => {
      called += 1;
      return 'x';
    });
    const error = await rejection(provider.generate({ prompt: 'q' }, { signal: AbortSignal.abort() }));
    expect((error as Error).name).toBe('AbortError');
    expect(called).toBe(0);
  });

  it('gives the function a live signal when the caller passed none', async () => {
    let received: AbortSignal | undefined;
    const provider = createFunctionProvider((_r, { signal }) => {
      received = signal;
      return 'x';
    });
    await provider.generate({ prompt: 'q' });
    expect(received).toBeInstanceOf(AbortSignal);
    expect(received?.aborted).toBe(false);
  });

  it('refuses chat messages when declared string-only', async () => {
    let called = 0;
    const provider = createFunctionProvider(
      () => {
        called += 1;
        return 'x';
      },
      { capabilities: { chat: false, maxConcurrency: 2 } },
    );
    expect(provider.capabilities.chat).toBe(false);
    expect(provider.capabilities.maxConcurrency).toBe(2);
    const e = (await rejection(
      provider.generate({ prompt: [{ role: 'user', content: 'hi' }] }),
    )) as ProviderCallError;
    expect(ProviderCallError.isInstance(e)).toBe(true);
    expect(e.message).toContain('capabilities.chat is false');
    expect(called).toBe(0);
    await expect(provider.generate({ prompt: 'hi' })).resolves.toMatchObject({ text: 'x' });
  });

  it('wires logLikelihood and embed, checking result counts', async () => {
    const provider = createFunctionProvider(() => 'x', {
      logLikelihood: async (requests) =>
        requests.map((r) => ({ logprob: -r.continuation.length, isGreedy: false })),
      embed: async (texts) => texts.slice(1).map((t) => [t.length]),
    });
    expect(provider.capabilities.logLikelihood).toBe(true);
    expect(provider.capabilities.embed).toBe(true);
    await expect(provider.logLikelihood?.([{ context: 'Q', continuation: ' AB' }])).resolves.toEqual([
      { logprob: -3, isGreedy: false },
    ]);
    const e = (await rejection(provider.embed!(['a', 'bb']))) as ProviderCallError;
    expect(ProviderCallError.isInstance(e)).toBe(true);
    expect(e.message).toContain('embed returned 1 vectors for 2 texts');
  });

  it('rejects bad construction arguments', () => {
    expect(() => createFunctionProvider('nope' as never)).toThrow(/expected a function/);
    expect(() => createFunctionProvider(() => 'x', { modelId: ' ' })).toThrow(/modelId is empty/);
    expect(() => createFunctionProvider(() => 'x', { providerId: '' })).toThrow(/providerId is empty/);
  });
});

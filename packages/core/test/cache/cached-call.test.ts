import { describe, expect, it } from 'vitest';
import { cachedCall } from '../../src/cache/cached-call.js';
import { createMemoryCache } from '../../src/cache/memory-cache.js';
import { createSingleFlight } from '../../src/cache/single-flight.js';
import type { GenerateRequest, GenerateResult } from '../../src/spec/model-provider.js';
import type { ResponseCacheV1 } from '../../src/spec/response-cache.js';
import { responseCacheKey } from '../../src/spec/response-cache-key.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';

const answer = (text: string, finishReason: GenerateResult['finishReason'] = 'stop'): GenerateResult => ({
  text,
  finishReason,
  usage: { inputTokens: 3, outputTokens: 1 },
});

describe('cachedCall', () => {
  it('calls on a miss, stores, and answers the next identical request from the cache', async () => {
    const cache = createMemoryCache();
    let calls = 0;
    const fn = async () => answer(`call ${++calls}`);
    expect(await cachedCall(cache, 'k', fn)).toEqual({ value: answer('call 1'), source: 'call' });
    expect(await cachedCall(cache, 'k', fn)).toEqual({ value: answer('call 1'), source: 'cache' });
    expect(calls).toBe(1);
  });

  it('never caches errors: a failed call lets the next caller try', async () => {
    const cache = createMemoryCache();
    let calls = 0;
    const fn = async () => {
      calls += 1;
      if (calls === 1) throw new Error('500');
      return answer('fine');
    };
    await expect(cachedCall(cache, 'k', fn)).rejects.toThrow('500');
    expect(cache.size).toBe(0);
    expect(await cachedCall(cache, 'k', fn)).toEqual({ value: answer('fine'), source: 'call' });
    // A result that reports an error is not stored either.
    await cachedCall(cache, 'bad', async () => answer('', 'error'));
    expect(await cache.get('bad')).toBeUndefined();
  });

  it('sends identical concurrent requests once with single-flight, through a real provider', async () => {
    const provider = createMockProvider({ responses: 'Seoul', delayMs: 20 });
    const cache = createMemoryCache();
    const flights = createSingleFlight<GenerateResult>();
    const request: GenerateRequest = { prompt: 'Capital of Korea?', temperature: 0 };
    const key = responseCacheKey(provider.providerId, provider.modelId, request, { repeat: 0 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        cachedCall(cache, key, () => provider.generate(request), { singleFlight: flights }),
      ),
    );
    expect(provider.calls).toHaveLength(1);
    expect(results.map((r) => r.source).sort()).toEqual(['call', 'shared', 'shared', 'shared', 'shared']);
    expect(results.every((r) => r.value.text === 'Seoul')).toBe(true);
    expect((await cachedCall(cache, key, () => provider.generate(request))).source).toBe('cache');
  });

  it('repeats are real repeats: each repeat index is its own cache entry', async () => {
    const provider = createMockProvider({ respond: (_request, call) => `draw ${call.index}` });
    const cache = createMemoryCache();
    const request: GenerateRequest = { prompt: 'Roll a die', temperature: 1 };
    const texts: string[] = [];
    for (const repeat of [0, 1, 2]) {
      const key = responseCacheKey(provider.providerId, provider.modelId, request, { repeat });
      texts.push((await cachedCall(cache, key, () => provider.generate(request))).value.text);
    }
    expect(texts).toEqual(['draw 0', 'draw 1', 'draw 2']);
    expect(provider.calls).toHaveLength(3);
  });

  it('treats a failing cache as a miss and reports it, keeping the paid answer', async () => {
    const errors: string[] = [];
    const broken: ResponseCacheV1 = {
      specificationVersion: 'v1',
      get: () => Promise.reject(new Error('get down')),
      set: () => Promise.reject(new Error('set down')),
      delete: () => Promise.resolve(),
    };
    const outcome = await cachedCall(broken, 'k', async () => answer('paid'), {
      onCacheError: (error, operation) => errors.push(`${operation}: ${(error as Error).message}`),
    });
    expect(outcome).toEqual({ value: answer('paid'), source: 'call' });
    expect(errors).toEqual(['get: get down', 'set: set down']);
  });

  it('passes ttlMs to the cache and honours an aborted signal before calling', async () => {
    let t = 0;
    const cache = createMemoryCache({ now: () => t });
    await cachedCall(cache, 'k', async () => answer('x'), { ttlMs: 50 });
    t = 50;
    expect(await cache.get('k')).toBeUndefined();
    let called = false;
    await expect(
      cachedCall(
        cache,
        'k',
        async () => {
          called = true;
          return answer('y');
        },
        { signal: AbortSignal.abort('stop') },
      ),
    ).rejects.toBe('stop');
    expect(called).toBe(false);
  });
});

describe('responseCacheKey repeat index', () => {
  it('distinguishes repeats, keeps repeat 0 as the default, and validates the index', () => {
    const request: GenerateRequest = { prompt: 'Hi', temperature: 0 };
    const base = responseCacheKey('p', 'm', request);
    expect(responseCacheKey('p', 'm', request, { repeat: 0 })).toBe(base);
    const keys = new Set([0, 1, 2, 3].map((repeat) => responseCacheKey('p', 'm', request, { repeat })));
    expect(keys.size).toBe(4);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(() => responseCacheKey('p', 'm', request, { repeat: -1 })).toThrow(/repeat/);
    expect(() => responseCacheKey('p', 'm', request, { repeat: 1.5 })).toThrow(/repeat/);
  });
});

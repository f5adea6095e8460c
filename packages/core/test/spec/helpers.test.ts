import { describe, expect, it } from 'vitest';
import { BenchHubError } from '../../src/errors/benchhub-error.js';
import {
  canonicalJson,
  RateLimitedError,
  responseCacheKey,
  UnrecoverableJobError,
} from '../../src/spec/index.js';

describe('queue control-flow errors', () => {
  it('UnrecoverableJobError is a non-retryable BenchHubError', () => {
    const e = new UnrecoverableJobError('unknown model', { cause: 'x' });
    expect(BenchHubError.isInstance(e)).toBe(true);
    expect(UnrecoverableJobError.isInstance(e)).toBe(true);
    expect(RateLimitedError.isInstance(e)).toBe(false);
    expect(e.isRetryable).toBe(false);
    expect(e.name).toBe('UnrecoverableJobError');
    expect(e.cause).toBe('x');
  });

  it('RateLimitedError carries retryAfterMs and validates it', () => {
    const e = new RateLimitedError('429', { retryAfterMs: 2_000 });
    expect(RateLimitedError.isInstance(e)).toBe(true);
    expect(UnrecoverableJobError.isInstance(e)).toBe(false);
    expect(e.isRetryable).toBe(true);
    expect(e.retryAfterMs).toBe(2_000);
    expect(() => new RateLimitedError('x', { retryAfterMs: -1 })).toThrow(/retryAfterMs must be/);
    expect(() => new RateLimitedError('x', { retryAfterMs: Number.NaN })).toThrow(/retryAfterMs must be/);
  });
});

describe('responseCacheKey', () => {
  it('ignores key order and undefined members', () => {
    const a = responseCacheKey('openai', 'gpt-4o-mini', {
      prompt: 'Hi',
      temperature: 0,
      extra: { b: 1, a: [1, 2] },
    });
    const b = responseCacheKey('openai', 'gpt-4o-mini', {
      extra: { a: [1, 2], b: 1 },
      temperature: 0,
      prompt: 'Hi',
    });
    const withUndefined = { prompt: 'Hi', temperature: 0, extra: { b: 1, a: [1, 2] }, seed: undefined };
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(responseCacheKey('openai', 'gpt-4o-mini', withUndefined as never)).toBe(a);
  });

  it('differs when provider, model or request differ', () => {
    const base = responseCacheKey('p', 'm', { prompt: 'Hi' });
    expect(responseCacheKey('p2', 'm', { prompt: 'Hi' })).not.toBe(base);
    expect(responseCacheKey('p', 'm2', { prompt: 'Hi' })).not.toBe(base);
    expect(responseCacheKey('p', 'm', { prompt: 'Hi', maxTokens: 1 })).not.toBe(base);
    expect(responseCacheKey('p', 'm', { prompt: [{ role: 'user', content: 'Hi' }] })).not.toBe(base);
  });

  it('canonicalJson sorts keys and names the path of an unsupported value', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
    expect(() => canonicalJson({ extra: { t: Number.NaN } })).toThrow('$.extra.t is NaN');
    expect(() => canonicalJson({ list: [1, () => 0] })).toThrow('$.list[1] is a function');
  });
});

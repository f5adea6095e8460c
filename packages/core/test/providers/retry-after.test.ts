import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/providers/retry-after.js';

const now = Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it('reads retry-after-ms, delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });

  it("reads OpenAI's reset durations, preferring the exhausted limit", () => {
    const headers = new Headers({
      'x-ratelimit-remaining-requests': '59',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0.5s',
    });
    expect(parseRetryAfter(headers, now)).toBe(360_500);
    expect(parseRetryAfter(new Headers({ 'x-ratelimit-reset-requests': '20ms' }), now)).toBe(20);
    expect(parseRetryAfter(new Headers({ 'x-ratelimit-reset-requests': '1h2m3s' }), now)).toBe(3_723_000);
  });

  it("reads Anthropic's RFC 3339 reset times", () => {
    const headers = new Headers({
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2025-01-01T00:00:07Z',
      'anthropic-ratelimit-tokens-remaining': '1000',
      'anthropic-ratelimit-tokens-reset': '2025-01-01T00:00:01Z',
    });
    expect(parseRetryAfter(headers, now)).toBe(7000);
  });

  it('reads the IETF RateLimit fields and epoch-second resets', () => {
    expect(parseRetryAfter(new Headers({ ratelimit: '"default";r=0;t=30' }), now)).toBe(30_000);
    expect(parseRetryAfter(new Headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': '12' }), now)).toBe(
      12_000,
    );
    expect(parseRetryAfter(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 5) }), now)).toBe(5000);
  });

  it('lets Retry-After win over the reset headers', () => {
    const headers = new Headers({ 'retry-after': '3', 'x-ratelimit-reset-tokens': '6m0s' });
    expect(parseRetryAfter(headers, now)).toBe(3000);
  });
});

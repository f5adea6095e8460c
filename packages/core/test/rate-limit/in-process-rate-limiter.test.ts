import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInProcessRateLimiter } from '../../src/rate-limit/in-process-rate-limiter.js';
import type { RateLimitLease } from '../../src/spec/rate-limiter.js';

/** Fake timers drive both the clock (`Date.now`) and the waits (the default timer sleep). */
const clock = { now: () => Date.now() };

async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('createInProcessRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('grants at once without limits and without timers', async () => {
    const limiter = createInProcessRateLimiter(clock);
    const leases = await Promise.all(Array.from({ length: 1_000 }, () => limiter.acquire({ tokens: 1e9 })));
    expect(new Set(leases.map((l) => l.id)).size).toBe(1_000);
    expect(leases[0]!.cost).toEqual({ requests: 1, tokens: 1e9 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('spaces requests to the per-minute rate after the burst', async () => {
    const limiter = createInProcessRateLimiter({ ...clock, requestsPerMinute: 60, requestBurst: 2 });
    const grantedAt: number[] = [];
    const all = Array.from({ length: 5 }, () => limiter.acquire({}).then(() => grantedAt.push(Date.now())));
    expect(limiter.waiting).toBe(3); // two went through the burst without waiting
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all(all);
    expect(grantedAt).toEqual([0, 0, 1_000, 2_000, 3_000]);
    expect(limiter.waiting).toBe(0);
  });

  it('waits for both budgets: tokens bind when requests are plentiful', async () => {
    const limiter = createInProcessRateLimiter({
      ...clock,
      requestsPerMinute: 1_000,
      tokensPerMinute: 6_000,
    });
    await limiter.acquire({ tokens: 6_000 });
    const next = limiter.acquire({ tokens: 600 }); // 600 tokens refill in 6 s
    expect(await settledWithin(next, 5_999)).toBe(false);
    expect(await settledWithin(next, 1)).toBe(true);
  });

  it('report refunds an overestimate so the next caller goes sooner', async () => {
    const limiter = createInProcessRateLimiter({ ...clock, tokensPerMinute: 1_000 });
    const lease = await limiter.acquire({ tokens: 1_000 });
    const next = limiter.acquire({ tokens: 500 });
    expect(await settledWithin(next, 1_000)).toBe(false); // would need 30 s
    await limiter.report(lease, { tokens: 400 }); // 600 back
    expect(await settledWithin(next, 0)).toBe(true);
  });

  it('report charges an underestimate', async () => {
    const limiter = createInProcessRateLimiter({ ...clock, tokensPerMinute: 1_000 });
    const lease = await limiter.acquire({ tokens: 100 });
    await limiter.report(lease, { tokens: 1_000 }); // 900 more: the bucket is empty now
    const next = limiter.acquire({ tokens: 100 });
    expect(await settledWithin(next, 5_999)).toBe(false);
    expect(await settledWithin(next, 1)).toBe(true);
  });

  it('a cost larger than the budget waits for a full bucket, then goes into debt', async () => {
    const limiter = createInProcessRateLimiter({ ...clock, tokensPerMinute: 1_000 });
    await limiter.acquire({ tokens: 500 });
    const big = limiter.acquire({ tokens: 3_000 });
    expect(await settledWithin(big, 29_999)).toBe(false);
    expect(await settledWithin(big, 1)).toBe(true);
    const after = limiter.acquire({ tokens: 1 });
    // 2,000 of debt plus 1 token: 120,060 ms.
    expect(await settledWithin(after, 120_000)).toBe(false);
    expect(await settledWithin(after, 60)).toBe(true);
  });

  it('is first come first served: a small request does not overtake a large one', async () => {
    const limiter = createInProcessRateLimiter({ ...clock, tokensPerMinute: 600 });
    await limiter.acquire({ tokens: 600 });
    const order: string[] = [];
    const large = limiter.acquire({ tokens: 300 }).then(() => order.push('large'));
    const small = limiter.acquire({ tokens: 10 }).then(() => order.push('small'));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(order).toEqual([]); // 10 tokens were there after 1 s, but the large request is first
    await vi.advanceTimersByTimeAsync(1_001);
    await Promise.all([large, small]);
    expect(order).toEqual(['large', 'small']);
  });

  it('Retry-After pauses every grant for that long', async () => {
    const limiter = createInProcessRateLimiter({ ...clock, requestsPerMinute: 6_000 });
    const lease = await limiter.acquire({});
    await limiter.report(lease, { retryAfterMs: 2_000 });
    expect(limiter.pausedUntil).toBe(2_000);
    const next = limiter.acquire({});
    expect(await settledWithin(next, 1_999)).toBe(false);
    expect(await settledWithin(next, 1)).toBe(true);
    // A pause also applies without any configured limit.
    const open = createInProcessRateLimiter(clock);
    await open.report(await open.acquire({}), { retryAfterMs: 500 });
    expect(await settledWithin(open.acquire({}), 499)).toBe(false);
  });

  it('an abort while waiting rejects with the reason, reserves nothing and lets the next waiter go', async () => {
    const limiter = createInProcessRateLimiter({ ...clock, tokensPerMinute: 600 });
    await limiter.acquire({ tokens: 600 });
    const controller = new AbortController();
    const big = limiter.acquire({ tokens: 600 }, controller.signal);
    const small = limiter.acquire({ tokens: 10 });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort('cancelled');
    await expect(big).rejects.toBe('cancelled');
    // 10 tokens need 1 s from t=0; the aborted 600-token reservation never happened.
    expect(await settledWithin(small, 900)).toBe(true);
    expect(limiter.waiting).toBe(0);
    await expect(limiter.acquire({}, AbortSignal.abort('early'))).rejects.toBe('early');
  });

  it('uses the injected clock and sleep', async () => {
    vi.useRealTimers();
    let t = 0;
    const sleeps: number[] = [];
    const limiter = createInProcessRateLimiter({
      requestsPerMinute: 60,
      requestBurst: 1,
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
    });
    await limiter.acquire({});
    await limiter.acquire({});
    await limiter.acquire({});
    expect(sleeps).toEqual([1_000, 1_000]);
    expect(t).toBe(2_000);
  });

  it('rejects bad options, costs and foreign leases with clear errors', async () => {
    expect(() => createInProcessRateLimiter({ requestsPerMinute: 0 })).toThrow(/requestsPerMinute/);
    expect(() => createInProcessRateLimiter({ tokensPerMinute: Number.NaN })).toThrow(/tokensPerMinute/);
    const limiter = createInProcessRateLimiter(clock);
    await expect(limiter.acquire({ tokens: -1 })).rejects.toThrow(/cost.tokens/);
    const foreign: RateLimitLease = { id: '1', cost: { requests: 1, tokens: 0 } };
    await expect(limiter.report(foreign, { tokens: 1 })).rejects.toThrow(/not granted by this limiter/);
    await expect(limiter.release(foreign)).rejects.toThrow(/not granted/);
    const lease = await limiter.acquire({});
    await limiter.release(lease);
    await limiter.release(lease);
  });
});

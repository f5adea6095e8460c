import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import {
  type ConcurrencyLimitChange,
  createAdaptiveConcurrency,
} from '../../src/rate-limit/adaptive-concurrency.js';
import { isOverloadError } from '../../src/rate-limit/overload.js';
import { RateLimitedError } from '../../src/spec/queue-errors.js';

const tooMany = (): ProviderCallError =>
  new ProviderCallError('429', { provider: 'p', model: 'm', statusCode: 429, retryAfterMs: 10 });
const serverError = (): ProviderCallError =>
  new ProviderCallError('500', { provider: 'p', model: 'm', statusCode: 500 });

const succeed = (): Promise<string> => Promise.resolve('ok');
const overload = (): Promise<never> => Promise.reject(tooMany());

/** Runs `count` calls concurrently (they all start in the same window) and waits for all of them. */
async function burst(
  limiter: ReturnType<typeof createAdaptiveConcurrency>,
  count: number,
  fn: () => Promise<unknown>,
): Promise<void> {
  await Promise.allSettled(Array.from({ length: count }, () => limiter.run(fn)));
}

async function sequential(
  limiter: ReturnType<typeof createAdaptiveConcurrency>,
  count: number,
  fn: () => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < count; i++) await limiter.run(fn).catch(() => {});
}

describe('createAdaptiveConcurrency', () => {
  it('halves the limit once for a burst of 429s from the same window', async () => {
    const changes: ConcurrencyLimitChange[] = [];
    const limiter = createAdaptiveConcurrency({ initial: 16, max: 64, onChange: (c) => changes.push(c) });
    await burst(limiter, 16, overload);
    expect(limiter.limit).toBe(8);
    expect(changes).toEqual([{ limit: 8, previous: 16, reason: 'decrease' }]);
    expect(limiter.overloadLimit).toBe(16);
    // A 429 from a call started after the decrease is a new signal.
    await limiter.run(overload).catch(() => {});
    expect(limiter.limit).toBe(4);
  });

  it('grows by one after `limit` consecutive successes, up to max', async () => {
    const limiter = createAdaptiveConcurrency({ initial: 2, max: 4 });
    await sequential(limiter, 1, succeed);
    expect(limiter.limit).toBe(2);
    await sequential(limiter, 1, succeed);
    expect(limiter.limit).toBe(3);
    await sequential(limiter, 3, succeed);
    expect(limiter.limit).toBe(4);
    await sequential(limiter, 100, succeed);
    expect(limiter.limit).toBe(4);
  });

  it('probes slowly around the level that last overloaded, then forgets it', async () => {
    const limiter = createAdaptiveConcurrency({ initial: 8, max: 32, probeSlowdown: 4 });
    await limiter.run(overload).catch(() => {});
    expect(limiter.limit).toBe(4);
    expect(limiter.overloadLimit).toBe(8);
    await sequential(limiter, 4 + 5 + 6, succeed);
    expect(limiter.limit).toBe(7);
    // 7 -> 8 reaches the overload level: 4 x 7 successes instead of 7.
    await sequential(limiter, 27, succeed);
    expect(limiter.limit).toBe(7);
    await sequential(limiter, 1, succeed);
    expect(limiter.limit).toBe(8);
    // 8 -> 9 passes it: slow too, after which the level is forgotten and growth is normal again.
    await sequential(limiter, 32, succeed);
    expect(limiter.limit).toBe(9);
    expect(limiter.overloadLimit).toBeUndefined();
    await sequential(limiter, 9, succeed);
    expect(limiter.limit).toBe(10);
  });

  it('does not count a 429 as a success, and a 429 restarts the success count', async () => {
    const limiter = createAdaptiveConcurrency({ initial: 4, max: 8, increaseEvery: 3 });
    await sequential(limiter, 2, succeed);
    await limiter.run(overload).catch(() => {});
    expect(limiter.limit).toBe(2);
    await sequential(limiter, 2, succeed);
    expect(limiter.limit).toBe(2);
    await sequential(limiter, 1, succeed);
    // Near the old level of 4? 2 -> 3 is below it: normal speed (3 successes).
    expect(limiter.limit).toBe(3);
  });

  it('ignores other failures and never goes below min', async () => {
    const limiter = createAdaptiveConcurrency({ initial: 4, min: 2, max: 8 });
    await sequential(limiter, 10, () => Promise.reject(serverError()));
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 5; i++) await limiter.run(overload).catch(() => {});
    expect(limiter.limit).toBe(2);
  });

  it('rethrows the error and keeps inFlight within the limit', async () => {
    const limiter = createAdaptiveConcurrency({ initial: 3, max: 3 });
    await expect(limiter.run(overload)).rejects.toSatisfy((e: unknown) => ProviderCallError.isInstance(e));
    expect(limiter.limit).toBe(1);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setImmediate(r));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBeLessThanOrEqual(3);
    expect(limiter.inFlight).toBe(0);
  });

  it('a waiting call can be aborted', async () => {
    const limiter = createAdaptiveConcurrency({ initial: 1, max: 1 });
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const second = limiter.run(succeed, controller.signal);
    expect(limiter.waiting).toBe(1);
    controller.abort('cancelled');
    await expect(second).rejects.toBe('cancelled');
    release();
    await first;
  });

  it('validates its options', () => {
    expect(() => createAdaptiveConcurrency({ initial: 0, max: 4 })).toThrow(/initial/);
    expect(() => createAdaptiveConcurrency({ initial: 8, max: 4 })).toThrow(/initial \(8\) must be <= max/);
    expect(() => createAdaptiveConcurrency({ initial: 2, max: 4, decreaseFactor: 1 })).toThrow(
      /decreaseFactor/,
    );
    expect(() => createAdaptiveConcurrency({ initial: 2, max: 4, probeSlowdown: 0.5 })).toThrow(
      /probeSlowdown/,
    );
    expect(() => createAdaptiveConcurrency({ initial: 2, min: 3, max: 4 })).toThrow(/initial/);
  });
});

describe('isOverloadError', () => {
  it('recognises 429, 503, 529 and RateLimitedError', () => {
    expect(isOverloadError(tooMany())).toBe(true);
    expect(isOverloadError({ status: 529 })).toBe(true);
    expect(isOverloadError({ statusCode: 503 })).toBe(true);
    expect(isOverloadError(new RateLimitedError('slow', { retryAfterMs: 1 }))).toBe(true);
    expect(isOverloadError(serverError())).toBe(false);
    expect(isOverloadError(new Error('429'))).toBe(false);
    expect(isOverloadError(undefined)).toBe(false);
  });
});

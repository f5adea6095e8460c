import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createAdaptiveConcurrency } from '../../src/rate-limit/adaptive-concurrency.js';

/**
 * A fake server with a hidden capacity: it answers 429 at once when more than `cap` requests are in
 * flight, and otherwise after `latencyMs`. It records the start time and outcome of every request.
 */
function createCappedServer(cap: number, latencyMs: number) {
  let active = 0;
  const log: { at: number; status: 200 | 429 }[] = [];
  const started = performance.now();
  return {
    log,
    async request(): Promise<string> {
      const at = performance.now() - started;
      if (active >= cap) {
        log.push({ at, status: 429 });
        await Promise.resolve();
        throw new ProviderCallError('Too Many Requests', {
          provider: 'fake',
          model: 'capped',
          statusCode: 429,
          retryAfterMs: 0,
        });
      }
      active += 1;
      log.push({ at, status: 200 });
      try {
        await delay(latencyMs);
        return 'ok';
      } finally {
        active -= 1;
      }
    },
  };
}

describe('adaptive concurrency against a server with a hidden cap of 8', () => {
  it('keeps 429s under 5% of requests after the warm-up, with 64 eager callers', async () => {
    const server = createCappedServer(8, 10);
    const limiter = createAdaptiveConcurrency({ initial: 64, max: 64 });
    const runForMs = 2_600;
    const end = performance.now() + runForMs;
    let peakInFlight = 0;
    const caller = async (): Promise<void> => {
      while (performance.now() < end) {
        await limiter
          .run(() => {
            peakInFlight = Math.max(peakInFlight, limiter.inFlight);
            return server.request();
          })
          .catch(() => {});
      }
    };
    await Promise.all(Array.from({ length: 64 }, caller));

    const window = (fromMs: number) => server.log.filter((r) => r.at >= fromMs);
    const fraction = (rows: { status: number }[]) =>
      rows.filter((r) => r.status === 429).length / rows.length;
    const afterTwoSeconds = window(2_000);
    const afterOneSecond = window(1_000);
    const summary = {
      total: server.log.length,
      warmup429: server.log.filter((r) => r.at < 1_000 && r.status === 429).length,
      after1s: { n: afterOneSecond.length, fraction429: fraction(afterOneSecond) },
      after2s: { n: afterTwoSeconds.length, fraction429: fraction(afterTwoSeconds) },
      limit: limiter.limit,
    };
    console.info('adaptive simulation', JSON.stringify(summary));

    expect(afterTwoSeconds.length).toBeGreaterThan(100);
    expect(fraction(afterTwoSeconds)).toBeLessThan(0.05);
    expect(fraction(afterOneSecond)).toBeLessThan(0.05);
    // It did not buy the low 429 rate by crawling: at least half the server's capacity
    // (8 slots of ~10 ms, at most ~800 requests/s) was used after the warm-up.
    const okPerSecond = afterOneSecond.filter((r) => r.status === 200).length / ((runForMs - 1_000) / 1_000);
    expect(okPerSecond).toBeGreaterThan(250);
    expect(limiter.limit).toBeLessThanOrEqual(9);
    expect(peakInFlight).toBeLessThanOrEqual(64);
  });
});

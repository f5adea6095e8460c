import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenchHubError } from '../../src/errors/benchhub-error.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { type RetryInfo, withRetry } from '../../src/retry/with-retry.js';

const http = (statusCode: number, retryAfterMs?: number): ProviderCallError =>
  new ProviderCallError(`HTTP ${statusCode}`, {
    provider: 'p',
    model: 'm',
    statusCode,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

/** A sleep that records the waits and returns at once. */
function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

describe('withRetry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns the value and the attempt count after transient failures', async () => {
    const { waits, sleep } = recordingSleep();
    const fn = vi.fn(async (attempt: number) => {
      if (attempt < 3) throw http(500);
      return `ok on ${attempt}`;
    });
    const outcome = await withRetry(fn, { maxAttempts: 5, baseDelayMs: 100, jitter: 'none', sleep });
    expect(outcome).toEqual({ ok: true, value: 'ok on 3', attempts: 3 });
    expect(waits).toEqual([100, 200]);
  });

  it('stops at maxAttempts and reports the last error instead of throwing', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const outcome = await withRetry(
      async () => {
        calls += 1;
        throw http(503);
      },
      { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 25, jitter: 'none', sleep },
    );
    expect(calls).toBe(4);
    expect(waits).toEqual([10, 20, 25]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.attempts).toBe(4);
    expect(outcome.reason).toBe('max-attempts');
    expect((outcome.error as ProviderCallError).statusCode).toBe(503);
  });

  it('does not retry an error that is not retryable', async () => {
    const { waits, sleep } = recordingSleep();
    const outcome = await withRetry(
      async () => {
        throw http(400);
      },
      { maxAttempts: 5, sleep },
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 1, reason: 'not-retryable' });
    expect(waits).toEqual([]);
    const plain = await withRetry(
      async () => {
        throw new Error('bug');
      },
      { maxAttempts: 5, sleep },
    );
    expect(plain).toMatchObject({ ok: false, attempts: 1, reason: 'not-retryable' });
  });

  it('waits at least the Retry-After, even above maxDelayMs', async () => {
    const { waits, sleep } = recordingSleep();
    const retries: RetryInfo[] = [];
    const errors = [http(429, 7_000), http(429, 5)];
    const outcome = await withRetry(
      async () => {
        const error = errors.shift();
        if (error) throw error;
        return 'done';
      },
      {
        maxAttempts: 3,
        baseDelayMs: 100,
        maxDelayMs: 1_000,
        jitter: 'none',
        sleep,
        onRetry: (info) => retries.push(info),
      },
    );
    expect(outcome).toEqual({ ok: true, value: 'done', attempts: 3 });
    // 7,000 ms asked (beyond the 1,000 cap) is honoured; 5 ms asked is less than the backoff of 200.
    expect(waits).toEqual([7_000, 200]);
    expect(retries.map((r) => [r.attempt, r.retryAfterMs, r.delayMs])).toEqual([
      [1, 7_000, 7_000],
      [2, 5, 200],
    ]);
  });

  it('gives up when the server asks to wait longer than maxRetryAfterMs', async () => {
    const { waits, sleep } = recordingSleep();
    const outcome = await withRetry(
      async () => {
        throw http(429, 3_600_000);
      },
      { maxAttempts: 5, maxRetryAfterMs: 60_000, sleep },
    );
    expect(outcome).toMatchObject({ ok: false, attempts: 1, reason: 'retry-after-too-long' });
    expect(waits).toEqual([]);
  });

  it('draws full-jitter delays from the injected random', async () => {
    const { waits, sleep } = recordingSleep();
    const draws = [0.5, 0.25, 0.75];
    await withRetry(
      async () => {
        throw http(502);
      },
      { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000, random: () => draws.shift() ?? 0, sleep },
    );
    expect(waits).toEqual([50, 50, 300]);
  });

  it('uses the custom classifiers', async () => {
    const { waits, sleep } = recordingSleep();
    const outcome = await withRetry(
      async (attempt) => {
        if (attempt === 1) throw new Error('flaky');
        return attempt;
      },
      { maxAttempts: 2, sleep, isRetryable: (e) => (e as Error).message === 'flaky', retryAfterMs: () => 42 },
    );
    expect(outcome).toEqual({ ok: true, value: 2, attempts: 2 });
    expect(waits[0]).toBeGreaterThanOrEqual(42);
  });

  it('an abort during the backoff wait rejects promptly with the reason (real timer, fake clock)', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let calls = 0;
    const pending = withRetry(
      async () => {
        calls += 1;
        throw http(500);
      },
      { maxAttempts: 5, baseDelayMs: 10_000, jitter: 'none', signal: controller.signal },
    );
    const settled = expect(pending).rejects.toBe('cancelled');
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort('cancelled');
    await settled;
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the default sleep really waits the backoff (fake timers)', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const pending = withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw http(500);
        return 'second';
      },
      { maxAttempts: 2, baseDelayMs: 1_000, jitter: 'none' },
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toEqual({ ok: true, value: 'second', attempts: 2 });
  });

  it('an aborted attempt rejects with the signal reason, not as a failed outcome', async () => {
    const controller = new AbortController();
    const pending = withRetry(
      () =>
        new Promise<never>((_, reject) => {
          controller.signal.addEventListener('abort', () => reject(http(500)));
        }),
      { maxAttempts: 3, signal: controller.signal },
    );
    controller.abort('stop');
    await expect(pending).rejects.toBe('stop');
    await expect(
      withRetry(async () => 1, { maxAttempts: 1, signal: AbortSignal.abort('already') }),
    ).rejects.toBe('already');
  });

  it('rejects invalid options with a BenchHubError naming the option', async () => {
    await expect(withRetry(async () => 1, { maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    await expect(withRetry(async () => 1, { maxAttempts: 2, baseDelayMs: -5 })).rejects.toBeInstanceOf(
      BenchHubError,
    );
  });
});

import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toProviderCallError } from '../../src/providers/to-provider-call-error.js';
import { RequestTimeoutError } from '../../src/retry/request-timeout-error.js';
import { abortableSleep } from '../../src/retry/sleep.js';
import { withRetry } from '../../src/retry/with-retry.js';
import { withTimeout } from '../../src/retry/with-timeout.js';

describe('withTimeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves with the value and clears its timer', async () => {
    vi.useFakeTimers();
    await expect(withTimeout(async () => 'fast', 1_000)).resolves.toBe('fast');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts the inner signal and rejects with a retryable timeout error, even if fn ignores it', async () => {
    vi.useFakeTimers();
    let inner: AbortSignal | undefined;
    const pending = withTimeout((signal) => {
      inner = signal;
      return new Promise<string>(() => {});
    }, 500);
    const settled = expect(pending).rejects.toSatisfy((e: unknown) => {
      return (
        RequestTimeoutError.isInstance(e) &&
        e.isRetryable &&
        e.statusCode === undefined &&
        e.timeoutMs === 500
      );
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(inner?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    expect(inner?.aborted).toBe(true);
  });

  it('maps to a retryable ProviderCallError without status code', () => {
    const mapped = toProviderCallError(new RequestTimeoutError(100), 'p', 'm');
    expect(mapped.isRetryable).toBe(true);
    expect(mapped.statusCode).toBeUndefined();
  });

  it('the caller abort wins with its own reason, reaches fn and leaves no listener behind', async () => {
    vi.useFakeTimers();
    const parent = new AbortController();
    let inner: AbortSignal | undefined;
    const pending = withTimeout(
      (signal) => {
        inner = signal;
        return abortableSleep(10_000, signal);
      },
      5_000,
      parent.signal,
    );
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    parent.abort('user cancelled');
    await expect(pending).rejects.toBe('user cancelled');
    expect(inner?.reason).toBe('user cancelled');
    expect(vi.getTimerCount()).toBe(0);
    await expect(withTimeout(async () => 1, 5_000, parent.signal)).rejects.toBe('user cancelled');
    const ok = new AbortController();
    await withTimeout(async () => 1, 5_000, ok.signal);
    await expect(withTimeout(async () => Promise.reject(new Error('x')), 5_000, ok.signal)).rejects.toThrow(
      'x',
    );
    expect(getEventListeners(ok.signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes errors through and runs without a timer when there is no timeout', async () => {
    vi.useFakeTimers();
    await expect(withTimeout(async () => Promise.reject(new Error('boom')), 1_000)).rejects.toThrow('boom');
    let seen: AbortSignal | undefined;
    await expect(
      withTimeout((signal) => {
        seen = signal;
        expect(vi.getTimerCount()).toBe(0);
        return 'no limit';
      }, undefined),
    ).resolves.toBe('no limit');
    expect(seen?.aborted).toBe(false);
    expect(() => withTimeout(async () => 1, 0)).toThrow(/timeoutMs/);
  });

  it('composes with withRetry: a timed-out attempt is retried', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const pending = withRetry(
      () =>
        withTimeout((signal) => {
          attempts += 1;
          return attempts === 1 ? abortableSleep(60_000, signal).then(() => 'late') : Promise.resolve('ok');
        }, 1_000),
      { maxAttempts: 3, baseDelayMs: 100, jitter: 'none' },
    );
    await vi.advanceTimersByTimeAsync(1_100);
    await expect(pending).resolves.toEqual({ ok: true, value: 'ok', attempts: 2 });
  });
});

describe('abortableSleep', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits, rejects on abort and clears its timer', async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = abortableSleep(100).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
    const controller = new AbortController();
    const aborted = abortableSleep(100, controller.signal);
    controller.abort('why');
    await expect(aborted).rejects.toBe('why');
    expect(vi.getTimerCount()).toBe(0);
    await expect(abortableSleep(0)).resolves.toBeUndefined();
  });
});

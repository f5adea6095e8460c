import { BenchHubError } from '../errors/benchhub-error.js';
import { assertBackoffOptions, backoffDelay, type JitterMode } from './backoff.js';
import { abortableSleep, type SleepFunction } from './sleep.js';

/** What `onRetry` learns before each wait. */
export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** Its error. */
  error: unknown;
  /** How long `withRetry` now waits before the next attempt, in milliseconds. */
  delayMs: number;
  /** The wait the server asked for (`Retry-After`), when it asked. */
  retryAfterMs: number | undefined;
}

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /** Most attempts in total, the first included (1 = no retry). */
  maxAttempts: number;
  /** Backoff scale of the first retry, in milliseconds. Default 500. */
  baseDelayMs?: number;
  /** Largest backoff, in milliseconds (a longer `Retry-After` is still honoured). Default 20,000. */
  maxDelayMs?: number;
  /** Backoff randomisation; default `full` (see {@link JitterMode}). */
  jitter?: JitterMode;
  /** Uniform random number in `[0, 1)` for the jitter; default `Math.random`. Seed it for reproducible waits. */
  random?: () => number;
  /** Cancels the attempts and the waits between them. */
  signal?: AbortSignal;
  /** Whether an error is worth another attempt. Default: the error's own `isRetryable === true`. */
  isRetryable?: (error: unknown) => boolean;
  /** The wait an error asks for (`Retry-After`), in milliseconds. Default: the error's numeric `retryAfterMs`. */
  retryAfterMs?: (error: unknown) => number | undefined;
  /** Give up at once when the server asks to wait longer than this. Default: no limit. */
  maxRetryAfterMs?: number;
  /** Called before each wait (for logs and events); must not throw. */
  onRetry?: (info: RetryInfo) => void;
  /** Waits between attempts; default a timer. Inject one to test without real time. */
  sleep?: SleepFunction;
}

/** Why {@link withRetry} gave up. */
export type RetryGiveUpReason = 'not-retryable' | 'max-attempts' | 'retry-after-too-long';

/** How a {@link withRetry} run ended: the value, or the last error; `attempts` either way. */
export type RetryOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: unknown; attempts: number; reason: RetryGiveUpReason };

/** The default `isRetryable`: true only when the error says so itself (`isRetryable: true`). */
export function errorIsRetryable(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { isRetryable?: unknown }).isRetryable === true
  );
}

/** The default `retryAfterMs`: the error's `retryAfterMs` when it is a finite number >= 0. */
export function errorRetryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Calls `fn` until it succeeds, an error is not retryable, or `maxAttempts` is reached, waiting between
 * attempts with exponential backoff and jitter, and at least as long as the error's `Retry-After`.
 *
 * It never throws the call's error: it resolves with `{ ok: false, error, attempts, reason }`, so the
 * caller can record a failed sample with its attempt count. It rejects only when `signal` aborts (with
 * the signal's reason, also when the aborted attempt itself failed), or when the options are invalid.
 *
 * @example
 * ```ts
 * const outcome = await withRetry((attempt) => provider.generate(request, { signal }), {
 *   maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 20_000, signal,
 * });
 * if (outcome.ok) use(outcome.value); else recordError(outcome.error, outcome.attempts);
 * ```
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T> | T,
  options: RetryOptions,
): Promise<RetryOutcome<T>> {
  const { maxAttempts, signal } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new BenchHubError(`withRetry: maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  }
  const backoff = {
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? Math.max(20_000, options.baseDelayMs ?? 0),
    jitter: options.jitter ?? 'full',
    ...(options.random === undefined ? {} : { random: options.random }),
  };
  assertBackoffOptions(backoff, 'withRetry');
  const isRetryable = options.isRetryable ?? errorIsRetryable;
  const retryAfterOf = options.retryAfterMs ?? errorRetryAfterMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? Number.POSITIVE_INFINITY;
  const wait = options.sleep ?? abortableSleep;

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return { ok: true, value: await fn(attempt), attempts: attempt };
    } catch (error) {
      signal?.throwIfAborted();
      if (!isRetryable(error)) return { ok: false, error, attempts: attempt, reason: 'not-retryable' };
      if (attempt >= maxAttempts) return { ok: false, error, attempts: attempt, reason: 'max-attempts' };
      const retryAfterMs = retryAfterOf(error);
      if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
        return { ok: false, error, attempts: attempt, reason: 'retry-after-too-long' };
      }
      const delayMs = Math.max(backoffDelay(attempt - 1, backoff), retryAfterMs ?? 0);
      options.onRetry?.({ attempt, error, delayMs, retryAfterMs });
      await wait(delayMs, signal);
    }
  }
}

import { BenchHubError } from '../errors/benchhub-error.js';

/**
 * How the backoff delay is randomised (definitions of the AWS Architecture Blog's "Exponential Backoff
 * and Jitter"), with `ceiling = min(maxDelayMs, baseDelayMs * 2 ** retry)`:
 * - `full`: uniform in `[0, ceiling)` — spreads retries best; the default;
 * - `equal`: `ceiling / 2` plus uniform in `[0, ceiling / 2)`;
 * - `none`: exactly `ceiling` (deterministic; for tests and single clients only).
 */
export type JitterMode = 'full' | 'equal' | 'none';

/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** Delay scale of the first retry, in milliseconds. */
  baseDelayMs: number;
  /** Largest delay, in milliseconds. */
  maxDelayMs: number;
  /** Randomisation; default `full`. */
  jitter?: JitterMode;
  /** Uniform random number in `[0, 1)`; default `Math.random`. Inject a seeded one for reproducible delays. */
  random?: () => number;
}

/**
 * The delay before retry number `retry` (0 for the first retry, i.e. after the first failed attempt).
 *
 * @example
 * ```ts
 * backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 10_000, jitter: 'none' }); // 800
 * backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 10_000 }); // uniform in [0, 800)
 * ```
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry));
  const jitter = options.jitter ?? 'full';
  if (jitter === 'none') return ceiling;
  const random = (options.random ?? Math.random)();
  if (jitter === 'equal') return ceiling / 2 + random * (ceiling / 2);
  return random * ceiling;
}

/** Throws a `BenchHubError` naming the option when backoff options are unusable. */
export function assertBackoffOptions(options: BackoffOptions, where: string): void {
  if (!Number.isFinite(options.baseDelayMs) || options.baseDelayMs < 0) {
    throw new BenchHubError(`${where}: baseDelayMs must be a finite number >= 0, got ${options.baseDelayMs}`);
  }
  if (!(options.maxDelayMs >= options.baseDelayMs)) {
    throw new BenchHubError(
      `${where}: maxDelayMs must be >= baseDelayMs (${options.baseDelayMs}), got ${options.maxDelayMs}`,
    );
  }
  const jitter: unknown = options.jitter;
  if (jitter !== undefined && jitter !== 'full' && jitter !== 'equal' && jitter !== 'none') {
    throw new BenchHubError(`${where}: jitter must be 'full', 'equal' or 'none', got ${String(jitter)}`);
  }
}

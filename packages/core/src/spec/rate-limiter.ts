import type { BenchHubSpecVersion } from './version.js';

/** The budget one call asks for. */
export interface RateLimitCost {
  /** Requests the call makes (default 1). */
  requests?: number;
  /** Tokens the call is expected to use (prompt plus `maxTokens`); corrected later by `report`. */
  tokens?: number;
}

/** A granted slot; pass it back to `report` and `release`. */
export interface RateLimitLease {
  /** Identifies the lease within its limiter. */
  readonly id: string;
  /** The budget that was reserved. */
  readonly cost: Readonly<Required<RateLimitCost>>;
}

/** What actually happened on a call made under a lease. */
export interface RateLimitUsage {
  /** Tokens the call really used; the limiter refunds or charges the difference. */
  tokens?: number;
  /** The server asked to wait this long (a 429 with `Retry-After`): the limiter pauses new grants. */
  retryAfterMs?: number;
}

/**
 * Shares a provider's request and token budget among concurrent calls, in one process or (for
 * distributed backends) across workers.
 *
 * @example
 * ```ts
 * const lease = await limiter.acquire({ requests: 1, tokens: 900 }, signal);
 * try { const r = await provider.generate(req, { signal }); await limiter.report(lease, { tokens: 640 }); }
 * finally { await limiter.release(lease); }
 * ```
 */
export interface RateLimiterV1 {
  /** The contract version this limiter implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /**
   * Waits until `cost` fits the budget and reserves it. Rejects with the signal's reason when the
   * signal aborts while waiting (nothing stays reserved).
   */
  acquire(cost: RateLimitCost, signal?: AbortSignal): Promise<RateLimitLease>;
  /** Corrects the reservation with the real usage, or pauses grants after a server-side limit. */
  report(lease: RateLimitLease, usage: RateLimitUsage): Promise<void>;
  /** Ends the lease (concurrency slot freed). Releasing twice is harmless. */
  release(lease: RateLimitLease): Promise<void>;
}

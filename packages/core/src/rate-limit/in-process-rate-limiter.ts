import { BenchHubError } from '../errors/benchhub-error.js';
import { abortableSleep, type SleepFunction } from '../retry/sleep.js';
import type { RateLimitCost, RateLimiterV1, RateLimitLease, RateLimitUsage } from '../spec/rate-limiter.js';
import { SPECIFICATION_VERSION } from '../spec/version.js';
import { TokenBucket } from './token-bucket.js';

const MINUTE_MS = 60_000;

/** Options of {@link createInProcessRateLimiter}. Without any limit every `acquire` is granted at once. */
export interface InProcessRateLimiterOptions {
  /** Requests allowed per minute (refilled continuously). */
  requestsPerMinute?: number;
  /** Tokens allowed per minute (refilled continuously); calls reserve their estimate and `report` corrects it. */
  tokensPerMinute?: number;
  /** Largest burst of requests (the bucket's capacity). Default: `requestsPerMinute`. */
  requestBurst?: number;
  /** Largest burst of tokens. Default: `tokensPerMinute`. */
  tokenBurst?: number;
  /** Monotonic clock in milliseconds; default `performance.now`. */
  now?: () => number;
  /** Waits for refills; default a timer. Inject one (with `now`) to test without real time. */
  sleep?: SleepFunction;
}

/** The in-process limiter: a `RateLimiterV1` with a few numbers for progress displays. */
export interface InProcessRateLimiter extends RateLimiterV1 {
  /** Calls waiting in `acquire`. */
  readonly waiting: number;
  /** Clock time until which a server's `Retry-After` pauses grants (in the past when not paused). */
  readonly pausedUntil: number;
}

interface Waiter {
  cost: Readonly<Required<RateLimitCost>>;
  resolve: (lease: RateLimitLease) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  done: boolean;
}

class Lease implements RateLimitLease {
  readonly id: string;
  readonly cost: Readonly<Required<RateLimitCost>>;
  readonly owner: object;
  /** Tokens currently charged to the bucket for this lease. */
  charged: number;

  constructor(id: string, cost: Readonly<Required<RateLimitCost>>, owner: object) {
    this.id = id;
    this.cost = cost;
    this.owner = owner;
    this.charged = cost.tokens;
  }
}

function perMinute(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(Number.isFinite(value) && value > 0)) {
    throw new BenchHubError(`createInProcessRateLimiter: ${name} must be a finite number > 0, got ${value}`);
  }
  return value;
}

function costField(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new BenchHubError(`rate limiter: ${name} must be a finite number >= 0, got ${value}`);
  }
  return value;
}

/**
 * A rate limiter for one process: token buckets with continuous refill for requests and for tokens.
 * `acquire` waits until both budgets allow the cost, first come first served (a large request at the
 * head is not overtaken, so it cannot starve). `report` refunds or charges the difference between the
 * estimated and the real token count, and a `retryAfterMs` in the usage pauses all grants that long.
 * `release` only ends the lease: this limiter bounds rates, not concurrency. An unreported estimate
 * stays charged (report `tokens: 0` for a call that failed before using any).
 *
 * When the budget allows and nobody waits, `acquire` grants without a timer.
 *
 * @example
 * ```ts
 * const limiter = createInProcessRateLimiter({ requestsPerMinute: 500, tokensPerMinute: 200_000 });
 * const lease = await limiter.acquire({ tokens: promptTokens + maxTokens }, signal);
 * try {
 *   const result = await provider.generate(request, { signal });
 *   await limiter.report(lease, { tokens: (result.usage.inputTokens ?? 0) + (result.usage.outputTokens ?? 0) });
 * } finally { await limiter.release(lease); }
 * ```
 */
export function createInProcessRateLimiter(options: InProcessRateLimiterOptions = {}): InProcessRateLimiter {
  const now = options.now ?? (() => performance.now());
  const wait = options.sleep ?? abortableSleep;
  const rpm = perMinute(options.requestsPerMinute, 'requestsPerMinute');
  const tpm = perMinute(options.tokensPerMinute, 'tokensPerMinute');
  const requestBurst = perMinute(options.requestBurst, 'requestBurst') ?? rpm;
  const tokenBurst = perMinute(options.tokenBurst, 'tokenBurst') ?? tpm;
  const start = now();
  const requests = rpm === undefined ? undefined : new TokenBucket(requestBurst!, rpm / MINUTE_MS, start);
  const tokens = tpm === undefined ? undefined : new TokenBucket(tokenBurst!, tpm / MINUTE_MS, start);
  const owner = {};

  const queue: Waiter[] = [];
  let head = 0;
  let waiting = 0;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumping = false;
  let wake: AbortController | undefined;
  let sequence = 0;

  const delayFor = (cost: Readonly<Required<RateLimitCost>>, at: number): number =>
    Math.max(
      pausedUntil - at,
      requests === undefined ? 0 : requests.waitMs(cost.requests, at),
      tokens === undefined ? 0 : tokens.waitMs(cost.tokens, at),
    );

  const grant = (cost: Readonly<Required<RateLimitCost>>): Lease => {
    requests?.take(cost.requests);
    tokens?.take(cost.tokens);
    sequence += 1;
    return new Lease(String(sequence), cost, owner);
  };

  const interrupt = (): void => {
    wake?.abort();
  };

  const nextWaiter = (): Waiter | undefined => {
    while (head < queue.length && queue[head]!.done) head += 1;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      return undefined;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    return queue[head];
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      for (let waiter = nextWaiter(); waiter !== undefined; waiter = nextWaiter()) {
        const delay = delayFor(waiter.cost, now());
        if (delay <= 0) {
          head += 1;
          waiter.done = true;
          waiting -= 1;
          if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
          waiter.resolve(grant(waiter.cost));
          continue;
        }
        wake = new AbortController();
        try {
          await wait(delay, wake.signal);
        } catch {
          // Woken early: a waiter left or tokens were refunded; recompute.
        }
        wake = undefined;
      }
    } finally {
      pumping = false;
    }
  };

  const ownLease = (lease: RateLimitLease, method: string): Lease => {
    if (!(lease instanceof Lease) || lease.owner !== owner) {
      throw new BenchHubError(`rate limiter ${method}: the lease was not granted by this limiter`);
    }
    return lease;
  };

  return {
    specificationVersion: SPECIFICATION_VERSION,
    get waiting() {
      return waiting;
    },
    get pausedUntil() {
      return pausedUntil;
    },
    acquire(cost: RateLimitCost, signal?: AbortSignal): Promise<RateLimitLease> {
      let normalized: Readonly<Required<RateLimitCost>>;
      try {
        normalized = Object.freeze({
          requests: costField(cost.requests, 1, 'cost.requests'),
          tokens: costField(cost.tokens, 0, 'cost.tokens'),
        });
      } catch (error) {
        return Promise.reject(error);
      }
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (waiting === 0 && delayFor(normalized, now()) <= 0) return Promise.resolve(grant(normalized));
      return new Promise<RateLimitLease>((resolve, reject) => {
        const waiter: Waiter = { cost: normalized, resolve, reject, signal, onAbort: undefined, done: false };
        if (signal) {
          waiter.onAbort = () => {
            if (waiter.done) return;
            waiter.done = true;
            waiting -= 1;
            reject(signal.reason);
            interrupt();
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        waiting += 1;
        void pump();
      });
    },
    report(lease: RateLimitLease, usage: RateLimitUsage): Promise<void> {
      try {
        const own = ownLease(lease, 'report');
        if (usage.tokens !== undefined) {
          const used = costField(usage.tokens, 0, 'usage.tokens');
          const refund = own.charged - used;
          own.charged = used;
          if (tokens !== undefined && refund !== 0) {
            tokens.level(now());
            tokens.adjust(refund);
            if (refund > 0) interrupt();
          }
        }
        if (usage.retryAfterMs !== undefined) {
          const pause = costField(usage.retryAfterMs, 0, 'usage.retryAfterMs');
          pausedUntil = Math.max(pausedUntil, now() + pause);
        }
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    },
    release(lease: RateLimitLease): Promise<void> {
      try {
        ownLease(lease, 'release');
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

import PQueue from 'p-queue';
import { BenchHubError } from '../errors/benchhub-error.js';
import { assertLimit, type ConcurrencyLimiter } from './concurrency-limiter.js';
import { isOverloadError } from './overload.js';

/** A change of the adaptive limit, for logs and progress events. */
export interface ConcurrencyLimitChange {
  /** The new limit. */
  limit: number;
  /** The limit before. */
  previous: number;
  /** `decrease` after an overload, `increase` after enough successes. */
  reason: 'increase' | 'decrease';
}

/** Options of {@link createAdaptiveConcurrency}. */
export interface AdaptiveConcurrencyOptions {
  /** The limit to start with (between `min` and `max`). */
  initial: number;
  /** The limit never goes below this. Default 1. */
  min?: number;
  /** The limit never goes above this. */
  max: number;
  /** On an overload the limit is multiplied by this (rounded down, at least 1 less). Default 0.5. */
  decreaseFactor?: number;
  /**
   * Successes, all started after the last decrease, needed to add 1 to the limit. Default: the limit
   * itself, i.e. about one round trip of the whole window per step.
   */
  increaseEvery?: number | ((limit: number) => number);
  /**
   * How many times more successes a step needs when it reaches or passes the limit of the last
   * overload, so probing above a known capacity is rare. Default 4. Passing that level without an
   * overload forgets it.
   */
  probeSlowdown?: number;
  /** Whether an error means "too much load". Default {@link isOverloadError} (429, 503, 529). */
  isOverload?: (error: unknown) => boolean;
  /** Called after every change of the limit; must not throw. */
  onChange?: (change: ConcurrencyLimitChange) => void;
}

/** A concurrency limiter whose limit follows the server's capacity (AIMD). */
export interface AdaptiveConcurrency extends ConcurrencyLimiter {
  /** The limit at the last overload, while the controller still avoids it; `undefined` otherwise. */
  readonly overloadLimit: number | undefined;
}

function positive(value: number, name: string, upTo?: number): number {
  if (!(Number.isFinite(value) && value > 0 && (upTo === undefined || value < upTo))) {
    const range = upTo === undefined ? '> 0' : `in (0, ${upTo})`;
    throw new BenchHubError(`createAdaptiveConcurrency: ${name} must be a number ${range}, got ${value}`);
  }
  return value;
}

/**
 * Adaptive concurrency: additive increase, multiplicative decrease. When a call run through it throws
 * an overload error (a 429) the limit is multiplied by `decreaseFactor`, at most once per congestion
 * episode: overloads of calls started before the last decrease are ignored, so a burst of 429s from
 * one window halves the limit once instead of collapsing it to `min`. After `increaseEvery`
 * consecutive successes the limit grows by 1, and more slowly (`probeSlowdown`) around the level that
 * last overloaded, so a server with a fixed capacity sees a probe above it only rarely. Other errors
 * leave the limit alone. The error is always rethrown: retrying is the caller's business.
 *
 * @example
 * ```ts
 * const limiter = createAdaptiveConcurrency({ initial: 32, max: 64 });
 * const outcome = await withRetry(() => limiter.run(() => provider.generate(request, { signal }), signal), {
 *   maxAttempts: 5, signal,
 * });
 * ```
 */
export function createAdaptiveConcurrency(options: AdaptiveConcurrencyOptions): AdaptiveConcurrency {
  const min = options.min ?? 1;
  const { max, initial } = options;
  assertLimit(min, 'createAdaptiveConcurrency: min', 1, false);
  assertLimit(max, 'createAdaptiveConcurrency: max', min, false);
  assertLimit(initial, 'createAdaptiveConcurrency: initial', min, false);
  if (initial > max) {
    throw new BenchHubError(`createAdaptiveConcurrency: initial (${initial}) must be <= max (${max})`);
  }
  const factor = positive(options.decreaseFactor ?? 0.5, 'decreaseFactor', 1);
  const slowdown = positive(options.probeSlowdown ?? 4, 'probeSlowdown');
  if (slowdown < 1)
    throw new BenchHubError(`createAdaptiveConcurrency: probeSlowdown must be >= 1, got ${slowdown}`);
  const every = options.increaseEvery;
  if (typeof every === 'number') positive(every, 'increaseEvery');
  const isOverload = options.isOverload ?? isOverloadError;
  const onChange = options.onChange;

  const queue = new PQueue({ concurrency: initial });
  let limit = initial;
  let epoch = 0;
  let successes = 0;
  let overloadLimit: number | undefined;

  const setLimit = (next: number, reason: ConcurrencyLimitChange['reason']): void => {
    if (next === limit) return;
    const previous = limit;
    limit = next;
    queue.concurrency = next;
    onChange?.({ limit, previous, reason });
  };

  const onSuccess = (startedIn: number): void => {
    if (startedIn !== epoch || limit >= max) return;
    successes += 1;
    const base = every === undefined ? limit : typeof every === 'number' ? every : every(limit);
    const probing = overloadLimit !== undefined && limit + 1 >= overloadLimit;
    if (successes < (probing ? base * slowdown : base)) return;
    successes = 0;
    if (overloadLimit !== undefined && limit + 1 > overloadLimit) overloadLimit = undefined;
    setLimit(limit + 1, 'increase');
  };

  const onOverload = (startedIn: number): void => {
    successes = 0;
    if (startedIn !== epoch) return;
    epoch += 1;
    overloadLimit = limit;
    setLimit(Math.max(min, Math.min(limit - 1, Math.floor(limit * factor))), 'decrease');
  };

  return {
    get limit() {
      return limit;
    },
    get inFlight() {
      return queue.pending;
    },
    get waiting() {
      return queue.size;
    },
    get overloadLimit() {
      return overloadLimit;
    },
    run<T>(fn: () => Promise<T> | T, signal?: AbortSignal): Promise<T> {
      const task = async (): Promise<T> => {
        const startedIn = epoch;
        let value: T;
        try {
          value = await fn();
        } catch (error) {
          if (isOverload(error)) onOverload(startedIn);
          throw error;
        }
        onSuccess(startedIn);
        return value;
      };
      return signal === undefined ? queue.add(task) : queue.add(task, { signal });
    },
  };
}

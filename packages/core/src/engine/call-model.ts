import { cachedCall } from '../cache/cached-call.js';
import type { SingleFlight } from '../cache/single-flight.js';
import type { Logger } from '../logger/logger.js';
import type { ConcurrencyLimiter } from '../rate-limit/concurrency-limiter.js';
import { backoffDelay } from '../retry/backoff.js';
import { abortableSleep } from '../retry/sleep.js';
import { errorIsRetryable, errorRetryAfterMs, type RetryOptions, withRetry } from '../retry/with-retry.js';
import { withTimeout } from '../retry/with-timeout.js';
import type { GenerateRequest, GenerateResult, ProviderCallOptions } from '../spec/model-provider.js';
import type { RateLimitUsage } from '../spec/rate-limiter.js';
import type { ResponseCacheV1 } from '../spec/response-cache.js';
import { responseCacheKey } from '../spec/response-cache-key.js';
import type { ModelRuntime } from './prepare.js';

/** The outcome of one logical call (all its attempts). */
export type CallOutcome<T> =
  | { ok: true; value: T; attempts: number; cached: boolean }
  | { ok: false; error: unknown; attempts: number };

/** What every call of a run shares. */
export interface CallPolicy {
  readonly retry: RetryOptions;
  readonly timeoutMs: number | undefined;
  readonly globalLimiter: ConcurrencyLimiter | undefined;
  readonly cache: ResponseCacheV1 | undefined;
  readonly cacheTtlMs: number | undefined;
  readonly flights: SingleFlight<GenerateResult>;
  readonly logger: Logger;
}

/**
 * What a failed attempt tells the rate limiter: an error response from the server (an HTTP status: a
 * 429, a 400, a 503) used no tokens, so the attempt's estimate is refunded (`tokens: 0`), and a
 * `Retry-After` pauses new grants. A failure without a status (network error, timeout) may have been
 * processed by the server: its estimate stays charged. `undefined` when there is nothing to report.
 *
 * @example
 * ```ts
 * failedAttemptUsage(new ProviderCallError('rate limited', { provider, model, statusCode: 429, retryAfterMs: 2000 }));
 * // { tokens: 0, retryAfterMs: 2000 }
 * ```
 */
export function failedAttemptUsage(error: unknown): RateLimitUsage | undefined {
  const retryAfterMs = errorRetryAfterMs(error);
  const status =
    typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  const answered = typeof status === 'number' && Number.isInteger(status) && status >= 400;
  if (!answered && retryAfterMs === undefined) return undefined;
  return {
    ...(answered ? { tokens: 0 } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/**
 * Runs one attempt of `send` under the model's limits: adaptive concurrency (when on), the global
 * limit (when the models' limits can exceed it), the rate limiter (reserving `tokens`), and the
 * per-attempt timeout. With none configured it is a direct call.
 */
function attemptUnderLimits<T>(
  policy: CallPolicy,
  model: ModelRuntime,
  tokens: number,
  usedTokens: (value: T) => number | undefined,
  send: (options: ProviderCallOptions) => Promise<T>,
  options: ProviderCallOptions & { signal: AbortSignal },
): Promise<T> {
  const { signal } = options;
  if (
    policy.timeoutMs === undefined &&
    model.rateLimiter === undefined &&
    policy.globalLimiter === undefined &&
    model.adaptive === undefined
  ) {
    return send(options);
  }
  const timed =
    policy.timeoutMs === undefined
      ? () => send(options)
      : () => withTimeout((s) => send({ signal: s }), policy.timeoutMs, signal);
  const limiter = model.rateLimiter;
  const limited =
    limiter === undefined
      ? timed
      : async () => {
          const lease = await limiter.acquire({ requests: 1, tokens }, signal);
          try {
            const value = await timed();
            const used = usedTokens(value);
            if (used !== undefined) await limiter.report(lease, { tokens: used });
            return value;
          } catch (error) {
            const usage = failedAttemptUsage(error);
            if (usage !== undefined) await limiter.report(lease, usage);
            throw error;
          } finally {
            await limiter.release(lease);
          }
        };
  const global = policy.globalLimiter;
  const bounded = global === undefined ? limited : () => global.run(limited, signal);
  return model.adaptive === undefined ? bounded() : model.adaptive.run(bounded, signal);
}

/**
 * Calls `send` with retries (exponential backoff with full jitter, `Retry-After` honoured, attempts
 * capped) under the model's limits. Rejects only when `options.signal` aborts.
 *
 * The first attempt is made directly; only a retryable failure enters `withRetry`, whose base delay is
 * doubled so that its schedule continues where the first wait left off (`base·2^k` for retry k).
 */
export async function callWithPolicy<T>(
  policy: CallPolicy,
  model: ModelRuntime,
  tokens: number,
  usedTokens: (value: T) => number | undefined,
  send: (options: ProviderCallOptions) => Promise<T>,
  options: ProviderCallOptions & { signal: AbortSignal },
): Promise<CallOutcome<T>> {
  const { signal } = options;
  let firstError: unknown;
  try {
    const value = await attemptUnderLimits(policy, model, tokens, usedTokens, send, options);
    return { ok: true, value, attempts: 1, cached: false };
  } catch (error) {
    signal.throwIfAborted();
    firstError = error;
  }
  const attempt = () => attemptUnderLimits(policy, model, tokens, usedTokens, send, options);
  const retry = policy.retry;
  const isRetryable = retry.isRetryable ?? errorIsRetryable;
  if (retry.maxAttempts <= 1 || !isRetryable(firstError))
    return { ok: false, error: firstError, attempts: 1 };
  const base = retry.baseDelayMs ?? 500;
  const maxDelayMs = retry.maxDelayMs ?? Math.max(20_000, base);
  const retryAfterMs = errorRetryAfterMs(firstError);
  const delayMs = Math.max(
    backoffDelay(0, {
      baseDelayMs: base,
      maxDelayMs,
      ...(retry.jitter === undefined ? {} : { jitter: retry.jitter }),
      ...(retry.random === undefined ? {} : { random: retry.random }),
    }),
    retryAfterMs ?? 0,
  );
  retry.onRetry?.({ attempt: 1, error: firstError, delayMs, retryAfterMs });
  await abortableSleep(delayMs, signal);
  const outcome = await withRetry(attempt, {
    ...retry,
    maxAttempts: retry.maxAttempts - 1,
    baseDelayMs: Math.min(base * 2, maxDelayMs),
    maxDelayMs,
    signal,
    onRetry: (info) => retry.onRetry?.({ ...info, attempt: info.attempt + 1 }),
  });
  return outcome.ok
    ? { ok: true, value: outcome.value, attempts: outcome.attempts + 1, cached: false }
    : { ok: false, error: outcome.error, attempts: outcome.attempts + 1 };
}

/** Tokens a generation used, for the rate limiter's correction. */
export const usageTokens = (r: GenerateResult): number | undefined =>
  r.usage.inputTokens === undefined && r.usage.outputTokens === undefined
    ? undefined
    : (r.usage.inputTokens ?? 0) + (r.usage.outputTokens ?? 0);

/**
 * The cache key of a generation: provider, model and request in canonical form, plus the repeat index,
 * so the repeats of a sample are separate calls while a re-run replays each repeat's answer.
 */
export function generationCacheKey(model: ModelRuntime, request: GenerateRequest, repeat: number): string {
  return responseCacheKey(model.provider.providerId, model.provider.modelId, request, { repeat });
}

/**
 * One generation through the response cache (`cachedCall`: a hit makes no call, identical concurrent
 * requests are sent once, only successes are stored), the call itself going through
 * {@link callWithPolicy}.
 */
export async function generate(
  policy: CallPolicy,
  model: ModelRuntime,
  request: GenerateRequest,
  repeat: number,
  tokens: number,
  options: ProviderCallOptions & { signal: AbortSignal },
): Promise<CallOutcome<GenerateResult>> {
  const send = (o: ProviderCallOptions) => model.provider.generate(request, o);
  const { cache } = policy;
  if (cache === undefined) return callWithPolicy(policy, model, tokens, usageTokens, send, options);
  let own: CallOutcome<GenerateResult> | undefined;
  try {
    const { value, source } = await cachedCall(
      cache,
      generationCacheKey(model, request, repeat),
      async () => {
        own = await callWithPolicy(policy, model, tokens, usageTokens, send, options);
        if (!own.ok) throw own.error;
        return own.value;
      },
      {
        singleFlight: policy.flights,
        signal: options.signal,
        ...(policy.cacheTtlMs === undefined ? {} : { ttlMs: policy.cacheTtlMs }),
        onCacheError: (error, operation) =>
          policy.logger.warn(`response cache ${operation} failed`, { error: String(error) }),
      },
    );
    return source === 'call' && own !== undefined ? own : { ok: true, value, attempts: 0, cached: true };
  } catch (error) {
    if (options.signal.aborted) throw options.signal.reason;
    return own ?? { ok: false, error, attempts: 0 };
  }
}

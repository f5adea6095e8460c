import type { GenerateResult } from '../spec/model-provider.js';
import type { ResponseCacheV1 } from '../spec/response-cache.js';
import type { SingleFlight } from './single-flight.js';

/** Where a {@link cachedCall} value came from: the cache, an identical call in flight, or a new call. */
export type CachedCallSource = 'cache' | 'shared' | 'call';

/** The value of a {@link cachedCall} and where it came from (only `call` was paid for by this caller). */
export interface CachedCallResult {
  /** The generation. */
  value: GenerateResult;
  /** `cache`: read from the cache; `shared`: another caller's identical call; `call`: this caller's call. */
  source: CachedCallSource;
}

/** Options of {@link cachedCall}. */
export interface CachedCallOptions {
  /** Collapses identical concurrent calls into one; share one instance across the run. */
  singleFlight?: SingleFlight<GenerateResult>;
  /** Lifetime of the stored entry, in milliseconds; the cache's default when absent. */
  ttlMs?: number;
  /** Stops this caller's wait for a shared call (the call itself gets the signal through `fn`). */
  signal?: AbortSignal;
  /** Whether a result may be stored. Default: every result whose `finishReason` is not `error`. */
  shouldStore?: (value: GenerateResult) => boolean;
  /**
   * Called when the cache itself fails to read or write; the call goes on as a miss (a paid
   * answer is never lost to a cache failure). Default: ignore.
   */
  onCacheError?: (error: unknown, operation: 'get' | 'set') => void;
}

const storable = (value: GenerateResult): boolean => value.finishReason !== 'error';

/**
 * Answers from the cache, or makes the call and stores its result. Errors are never cached: a
 * thrown error reaches the caller and nothing is written, so the next caller tries again. With
 * `singleFlight`, identical concurrent calls are made once and the others share the result.
 * The key must say everything that makes two calls the same: use `responseCacheKey` with the
 * repeat index, so repeats of a sample are real repeats.
 *
 * @example
 * ```ts
 * const flights = createSingleFlight<GenerateResult>();
 * const key = responseCacheKey(provider.providerId, provider.modelId, request, { repeat });
 * const { value, source } = await cachedCall(cache, key, () => provider.generate(request, { signal }), {
 *   singleFlight: flights, signal,
 * });
 * ```
 */
export async function cachedCall(
  cache: ResponseCacheV1,
  key: string,
  fn: () => Promise<GenerateResult>,
  options: CachedCallOptions = {},
): Promise<CachedCallResult> {
  const { onCacheError, signal } = options;
  let hit: GenerateResult | undefined;
  try {
    hit = await cache.get(key);
  } catch (error) {
    onCacheError?.(error, 'get');
  }
  if (hit !== undefined) return { value: hit, source: 'cache' };
  signal?.throwIfAborted();

  const shouldStore = options.shouldStore ?? storable;
  const setOptions = options.ttlMs === undefined ? undefined : { ttlMs: options.ttlMs };
  const callAndStore = async (): Promise<GenerateResult> => {
    const value = await fn();
    if (shouldStore(value)) {
      try {
        await cache.set(key, value, setOptions);
      } catch (error) {
        onCacheError?.(error, 'set');
      }
    }
    return value;
  };
  if (options.singleFlight === undefined) return { value: await callAndStore(), source: 'call' };
  const { value, shared } = await options.singleFlight.run(key, callAndStore, signal);
  return { value, source: shared ? 'shared' : 'call' };
}

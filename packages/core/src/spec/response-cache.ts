import type { GenerateResult } from './model-provider.js';
import type { BenchHubSpecVersion } from './version.js';

/** Options of one cache write. */
export interface CacheSetOptions {
  /** How long the entry stays valid, in milliseconds; forever when absent. */
  ttlMs?: number;
}

/**
 * Remembers model responses so an identical request (same provider, model and request) is not paid
 * for twice. Keys come from `responseCacheKey`, with the repeat index so repeats stay real repeats.
 * Only deterministic requests should be cached (temperature 0 or a fixed seed): the engine decides,
 * the cache just stores.
 *
 * @example
 * ```ts
 * const key = responseCacheKey(provider.providerId, provider.modelId, request, { repeat });
 * const hit = await cache.get(key);
 * const result = hit ?? (await provider.generate(request));
 * if (!hit) await cache.set(key, result, { ttlMs: 86_400_000 });
 * ```
 */
export interface ResponseCacheV1 {
  /** The contract version this cache implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** The stored result, or `undefined` when absent or expired (an expired entry is never returned). */
  get(key: string): Promise<GenerateResult | undefined>;
  /** Stores a result under `key`, replacing any previous one. */
  set(key: string, value: GenerateResult, options?: CacheSetOptions): Promise<void>;
  /** Removes one entry; removing a missing key is harmless. */
  delete(key: string): Promise<void>;
}

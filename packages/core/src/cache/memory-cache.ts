import { BenchHubError } from '../errors/benchhub-error.js';
import type { GenerateResult } from '../spec/model-provider.js';
import type { CacheSetOptions, ResponseCacheV1 } from '../spec/response-cache.js';
import { SPECIFICATION_VERSION } from '../spec/version.js';

/** Options of {@link createMemoryCache}. */
export interface MemoryCacheOptions {
  /** Most entries kept; the least recently used one is evicted beyond it. Default 10,000. */
  maxEntries?: number;
  /** Lifetime of an entry written without its own `ttlMs`, in milliseconds. Default: forever. */
  ttlMs?: number;
  /** Clock in milliseconds; default `Date.now`. */
  now?: () => number;
}

/** The in-memory response cache, with its size and a way to empty it. */
export interface MemoryCache extends ResponseCacheV1 {
  /** Entries stored, expired ones not yet swept included. */
  readonly size: number;
  /** Removes every entry. */
  clear(): void;
}

interface Entry {
  value: GenerateResult;
  expiresAt: number;
}

function checkTtl(ttlMs: number | undefined, where: string): number | undefined {
  if (ttlMs !== undefined && !(ttlMs > 0)) {
    throw new BenchHubError(`${where}: ttlMs must be a number > 0 (or absent for no expiry), got ${ttlMs}`);
  }
  return ttlMs;
}

/**
 * A `ResponseCacheV1` in process memory with least-recently-used eviction and expiry. An expired
 * entry is never returned (it is dropped when read). Values are kept by reference: treat what `get`
 * returns as read-only.
 *
 * @example
 * ```ts
 * const cache = createMemoryCache({ maxEntries: 50_000, ttlMs: 3_600_000 });
 * await cache.set(key, result);
 * await cache.get(key); // result
 * ```
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): MemoryCache {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) {
    throw new BenchHubError(`createMemoryCache: maxEntries must be an integer >= 1, got ${maxEntries}`);
  }
  const defaultTtl = checkTtl(options.ttlMs, 'createMemoryCache');
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  return {
    specificationVersion: SPECIFICATION_VERSION,
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
    get(key: string): Promise<GenerateResult | undefined> {
      const entry = entries.get(key);
      if (entry === undefined) return Promise.resolve(undefined);
      entries.delete(key);
      if (entry.expiresAt <= now()) return Promise.resolve(undefined);
      entries.set(key, entry);
      return Promise.resolve(entry.value);
    },
    set(key: string, value: GenerateResult, setOptions?: CacheSetOptions): Promise<void> {
      try {
        const ttl = checkTtl(setOptions?.ttlMs, 'memory cache set') ?? defaultTtl;
        entries.delete(key);
        entries.set(key, { value, expiresAt: ttl === undefined ? Number.POSITIVE_INFINITY : now() + ttl });
        while (entries.size > maxEntries) {
          const oldest = entries.keys().next();
          if (oldest.done) break;
          entries.delete(oldest.value);
        }
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    },
    delete(key: string): Promise<void> {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}

import { createHash } from 'node:crypto';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { GenerateRequest } from './model-provider.js';

/**
 * JSON text of `value` with object keys sorted and `undefined` members dropped, so two requests that
 * mean the same thing serialise the same way whatever their key order.
 * Throws a `BenchHubError` naming the path of a value JSON cannot represent.
 */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new BenchHubError(`canonicalJson: ${path} is ${value}, not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => (item === undefined ? 'null' : canonicalJson(item, `${path}[${i}]`))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, `${path}.${k}`)}`);
    return `{${entries.join(',')}}`;
  }
  throw new BenchHubError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`);
}

/** What besides the request tells two generations apart. */
export interface ResponseCacheKeyOptions {
  /**
   * 0-based repeat (epoch) index of the sample. Repeats of one sample get different keys, so a repeat
   * is a real new generation and never the cached answer of repeat 0. Default 0.
   */
  repeat?: number;
}

/**
 * The cache key of a generation: a SHA-256 hex digest of the provider, the model, the request in
 * canonical form and the repeat index. Requests that differ only in key order or in `undefined`
 * members share a key; repeats of one request do not.
 *
 * @example
 * ```ts
 * responseCacheKey('openai', 'gpt-4o-mini', { prompt: 'Hi', temperature: 0 }); // '3f1c…' (64 hex chars)
 * responseCacheKey('openai', 'gpt-4o-mini', { prompt: 'Hi', temperature: 0 }, { repeat: 1 }); // another key
 * ```
 */
export function responseCacheKey(
  providerId: string,
  modelId: string,
  request: GenerateRequest,
  options: ResponseCacheKeyOptions = {},
): string {
  const repeat = options.repeat ?? 0;
  if (!(Number.isInteger(repeat) && repeat >= 0)) {
    throw new BenchHubError(`responseCacheKey: repeat must be an integer >= 0, got ${String(repeat)}`);
  }
  const text = canonicalJson({ v: 1, providerId, modelId, request, repeat });
  return createHash('sha256').update(text).digest('hex');
}

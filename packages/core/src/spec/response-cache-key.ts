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

/**
 * The cache key of a generation: a SHA-256 hex digest of the provider, the model and the request in
 * canonical form. Requests that differ only in key order or in `undefined` members share a key.
 *
 * @example
 * ```ts
 * responseCacheKey('openai', 'gpt-4o-mini', { prompt: 'Hi', temperature: 0 }); // '3f1c…' (64 hex chars)
 * ```
 */
export function responseCacheKey(providerId: string, modelId: string, request: GenerateRequest): string {
  const text = canonicalJson({ v: 1, providerId, modelId, request });
  return createHash('sha256').update(text).digest('hex');
}

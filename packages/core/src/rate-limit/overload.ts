import { RateLimitedError } from '../spec/queue-errors.js';

/** HTTP statuses that mean "too much load": 429 Too Many Requests, 503 Service Unavailable, 529 Overloaded. */
const OVERLOAD_STATUSES: ReadonlySet<number> = new Set([429, 503, 529]);

/**
 * Whether an error says the server is overloaded (the signal adaptive concurrency backs off on): a
 * `statusCode` (or `status`) of 429, 503 or 529, as on `ProviderCallError` and vendor SDK errors, or a
 * `RateLimitedError`.
 *
 * @example
 * ```ts
 * isOverloadError(new ProviderCallError('slow down', { provider: 'p', model: 'm', statusCode: 429 })); // true
 * ```
 */
export function isOverloadError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (RateLimitedError.isInstance(error)) return true;
  const { statusCode, status } = error as { statusCode?: unknown; status?: unknown };
  const code = typeof statusCode === 'number' ? statusCode : status;
  return typeof code === 'number' && OVERLOAD_STATUSES.has(code);
}

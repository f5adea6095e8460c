/** The response headers `parseRetryAfter` reads (a `Headers` object fits). */
export interface RetryAfterHeaders {
  get(name: string): string | null;
}

/**
 * The wait a server asks for, in milliseconds: `retry-after-ms` (sent by OpenAI-style APIs) first, then
 * `Retry-After` as delay-seconds or as an HTTP date (RFC 9110 §10.2.3). `undefined` when absent or
 * unreadable; never negative.
 *
 * @example
 * ```ts
 * parseRetryAfter(new Headers({ 'retry-after': '2' })); // 2000
 * parseRetryAfter(new Headers({ 'retry-after-ms': '150' })); // 150
 * ```
 */
export function parseRetryAfter(headers: RetryAfterHeaders, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get('retry-after')?.trim();
  if (header === undefined || header === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

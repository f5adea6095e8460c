/** The response headers `parseRetryAfter` reads (a `Headers` object fits). */
export interface RetryAfterHeaders {
  get(name: string): string | null;
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const DURATION_UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go-style duration (`20ms`, `1s`, `6m0s`, `1h2m3.5s`) in milliseconds, or undefined. */
function parseDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, value, unit] of text.matchAll(DURATION_PART))
    total += Number(value) * (DURATION_UNIT_MS[unit ?? ''] ?? 0);
  return total;
}

/** Seconds (`2`, `1.5`), a Go-style duration, an HTTP date or an RFC 3339 time, as a wait from `now`. */
function parseWait(text: string, now: number, epochSeconds: boolean): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    // Some servers send the reset as a Unix time in seconds rather than a delay.
    if (epochSeconds && seconds > 1e9) return Math.max(0, seconds * 1000 - now);
    return seconds * 1000;
  }
  const duration = parseDuration(text);
  if (duration !== undefined) return duration;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function header(headers: RetryAfterHeaders, name: string): string | undefined {
  const value = headers.get(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Rate-limit families whose `-remaining` and `-reset` headers tell when an exhausted limit refills. */
const RESET_FAMILIES: readonly { remaining: string; reset: string }[] = [
  // OpenAI (and the servers that copy it): `x-ratelimit-reset-requests: 1s`, `...-tokens: 6m0s`.
  { remaining: 'x-ratelimit-remaining-requests', reset: 'x-ratelimit-reset-requests' },
  { remaining: 'x-ratelimit-remaining-tokens', reset: 'x-ratelimit-reset-tokens' },
  // Anthropic: RFC 3339 times.
  { remaining: 'anthropic-ratelimit-requests-remaining', reset: 'anthropic-ratelimit-requests-reset' },
  { remaining: 'anthropic-ratelimit-tokens-remaining', reset: 'anthropic-ratelimit-tokens-reset' },
  {
    remaining: 'anthropic-ratelimit-input-tokens-remaining',
    reset: 'anthropic-ratelimit-input-tokens-reset',
  },
  {
    remaining: 'anthropic-ratelimit-output-tokens-remaining',
    reset: 'anthropic-ratelimit-output-tokens-reset',
  },
  // IETF RateLimit fields (draft 7) and the common unprefixed/`x-` forms.
  { remaining: 'ratelimit-remaining', reset: 'ratelimit-reset' },
  { remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' },
];

/** The wait of the exhausted limits' reset headers: the longest of those at 0 remaining, else the shortest given. */
function resetHeadersWait(headers: RetryAfterHeaders, now: number): number | undefined {
  let exhausted: number | undefined;
  let shortest: number | undefined;
  for (const family of RESET_FAMILIES) {
    const reset = header(headers, family.reset);
    if (reset === undefined) continue;
    const wait = parseWait(reset, now, true);
    if (wait === undefined) continue;
    if (header(headers, family.remaining) === '0') exhausted = Math.max(exhausted ?? 0, wait);
    shortest = Math.min(shortest ?? wait, wait);
  }
  // IETF draft 8+: `RateLimit: "default";r=0;t=30`.
  const structured = header(headers, 'ratelimit');
  if (structured !== undefined) {
    const r = /(?:^|;)\s*r=(\d+)/.exec(structured)?.[1];
    const t = /(?:^|;)\s*t=(\d+)/.exec(structured)?.[1];
    if (t !== undefined) {
      const wait = Number(t) * 1000;
      if (r === '0') exhausted = Math.max(exhausted ?? 0, wait);
      shortest = Math.min(shortest ?? wait, wait);
    }
  }
  return exhausted ?? shortest;
}

/**
 * The wait a server asks for, in milliseconds. In order: `retry-after-ms` (OpenAI-style APIs);
 * `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); then the rate-limit reset headers
 * (`x-ratelimit-reset-requests`/`-tokens` as Go durations, Anthropic's `anthropic-ratelimit-*-reset` RFC
 * 3339 times, the IETF `RateLimit-Reset`/`RateLimit` fields), taking the longest wait among the limits
 * that are exhausted. `undefined` when none is present or readable; never negative.
 *
 * @example
 * ```ts
 * parseRetryAfter(new Headers({ 'retry-after': '2' })); // 2000
 * parseRetryAfter(new Headers({ 'retry-after-ms': '150' })); // 150
 * parseRetryAfter(new Headers({ 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '6m0s' })); // 360000
 * ```
 */
export function parseRetryAfter(headers: RetryAfterHeaders, now: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined) {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const wait = /^\d+(\.\d+)?$/.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - now;
    if (!Number.isNaN(wait)) return Math.max(0, wait);
  }
  return resetHeadersWait(headers, now);
}

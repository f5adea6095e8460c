import { DatasetError } from '../../errors/index.js';

/**
 * The subset of `fetch` BenchHub calls. `globalThis.fetch` fits, and so does any wrapper with the same
 * call shape (a proxy agent, a recording mock, a cache).
 */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** Options of {@link fetchFollowingRedirects}. */
export interface FetchFollowingRedirectsOptions {
  fetch: FetchFunction;
  /** Request headers (besides `Authorization`, which is managed here). */
  headers?: Record<string, string>;
  /** Access token sent as `Authorization: Bearer <token>`, only to `tokenOrigin`. */
  token?: string;
  /** The only origin (`https://host:port`) that receives the token. */
  tokenOrigin?: string;
  signal?: AbortSignal;
  /** Names the dataset in errors. */
  source: string;
  /** At most this many redirects are followed (default 10). */
  maxRedirects?: number;
}

/** The final response of a request and the URL that answered it (after redirects). */
export interface FollowedResponse {
  response: Response;
  url: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GET `url`, following redirects one hop at a time so the access token reaches only `tokenOrigin`
 * (the Hub) and never a different-origin redirect target (the CDN, whose URLs are pre-signed).
 *
 * Where the platform hides redirects (`redirect: 'manual'` yields an opaque response in browsers), it
 * falls back to the platform's own following, which drops `Authorization` on cross-origin redirects as
 * the Fetch standard requires. Network failures become a retryable {@link DatasetError}; abort errors
 * pass through unchanged.
 */
export async function fetchFollowingRedirects(
  url: string,
  options: FetchFollowingRedirectsOptions,
): Promise<FollowedResponse> {
  const maxRedirects = options.maxRedirects ?? 10;
  let current = url;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined && originOf(current) === options.tokenOrigin) {
      headers.authorization = `Bearer ${options.token}`;
    }
    const init: RequestInit = { method: 'GET', headers, redirect: 'manual' };
    if (options.signal) init.signal = options.signal;
    let response = await callFetch(options, current, init);
    if (response.type === 'opaqueredirect') {
      response = await callFetch(options, current, { ...init, redirect: 'follow' });
      return { response, url: response.url || current };
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return { response, url: response.url || current };
    await response.body?.cancel();
    if (hop >= maxRedirects) {
      throw new DatasetError(
        `Too many redirects (more than ${maxRedirects}) while fetching ${redactUrl(url)}`,
        {
          source: options.source,
        },
      );
    }
    current = new URL(location, current).href;
  }
}

async function callFetch(
  options: FetchFollowingRedirectsOptions,
  url: string,
  init: RequestInit,
): Promise<Response> {
  try {
    return await options.fetch(url, init);
  } catch (error) {
    if (options.signal?.aborted || isAbortError(error)) throw error;
    throw new DatasetError(`Network error while fetching ${redactUrl(url)}: ${describeCause(error)}`, {
      source: options.source,
      cause: error,
      isRetryable: true,
    });
  }
}

/** What a failed HTTP status means for the caller. */
export interface StatusErrorContext {
  /** What was being done, e.g. `listing the Parquet files of dataset "a/b" (config "default", split "train")`. */
  action: string;
  source: string;
}

/**
 * The {@link DatasetError} for a non-success HTTP response: 401/403/404 and other 4xx are final
 * (with a hint for the common causes), 408/429/5xx are retryable.
 */
export function errorFromStatus(response: Response, context: StatusErrorContext): DatasetError {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  const hint = STATUS_HINTS[response.status];
  return new DatasetError(`${status} while ${context.action}${hint ? `: ${hint}` : ''}`, {
    source: context.source,
    isRetryable: retryable,
  });
}

const STATUS_HINTS: Record<number, string> = {
  401: 'the dataset is private or gated, or the token is invalid; pass a token with read access',
  403: 'the token may not read this dataset (gated datasets need their terms accepted), or a signed URL expired',
  404: 'check the dataset id, config and split (the Parquet conversion may not exist for this dataset)',
  429: 'rate limited by the Hub; retry later',
};

/** The origin of an absolute URL, or undefined when it is not one. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** A URL without its query string and fragment (pre-signed CDN URLs carry credentials there). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '<invalid URL>';
  }
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

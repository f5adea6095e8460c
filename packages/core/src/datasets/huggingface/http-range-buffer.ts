import type { AsyncBuffer } from 'hyparquet';
import { DatasetError } from '../../errors/index.js';
import { errorFromStatus, type FetchFunction, fetchFollowingRedirects, originOf, redactUrl } from './http.js';

/** Options of {@link createHttpRangeBuffer}. */
export interface HttpRangeBufferOptions {
  /** The file's URL (it may redirect, e.g. from the Hub to its CDN). */
  url: string;
  /** Defaults to `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Access token sent as `Authorization: Bearer`, only to `tokenOrigin`. */
  token?: string;
  /** The only origin that receives the token; defaults to the origin of `url`. */
  tokenOrigin?: string;
  signal?: AbortSignal;
  /** Names the dataset in errors; defaults to `url` without its query string. */
  source?: string;
  /** Describes the file in errors, e.g. `Parquet file 2 of 3`; defaults to the URL. */
  label?: string;
}

/** A remote file read by HTTP Range requests, usable as a hyparquet `AsyncBuffer`. */
export interface HttpRangeBuffer extends AsyncBuffer {
  /** Total size in bytes, from the `Content-Range` of the first request. */
  readonly byteLength: number;
  /** Reads bytes `[start, end)` with one `Range: bytes=start-(end-1)` request. */
  slice(start: number, end?: number): Promise<ArrayBuffer>;
}

/** Statuses a pre-signed CDN URL answers once it has expired: re-resolve from the original URL. */
const EXPIRED_STATUSES = new Set([401, 403, 404, 410]);

/**
 * Opens a remote file for random access with HTTP Range requests, as a hyparquet `AsyncBuffer`.
 *
 * The size comes from a `Range: bytes=0-0` request (its `Content-Range: bytes 0-0/<size>`), which
 * also resolves redirects once: later slices go straight to the final URL. When that URL stops
 * working (a pre-signed CDN URL expired: 401/403/404/410), the original URL is resolved again, once
 * per slice. The token is sent only to `tokenOrigin`; a server that ignores `Range` is an error, since
 * reading the whole file for every slice would defeat streaming.
 *
 * @example
 * ```ts
 * const file = await createHttpRangeBuffer({ url, token });
 * const metadata = await parquetMetadataAsync(file);
 * ```
 */
export async function createHttpRangeBuffer(options: HttpRangeBufferOptions): Promise<HttpRangeBuffer> {
  const fetch = options.fetch ?? globalThis.fetch;
  const source = options.source ?? redactUrl(options.url);
  const label = options.label ?? redactUrl(options.url);
  const tokenOrigin = options.tokenOrigin ?? originOf(options.url);

  const get = (url: string, range: string) =>
    fetchFollowingRedirects(url, {
      fetch,
      headers: { range },
      ...(options.token === undefined ? {} : { token: options.token }),
      ...(tokenOrigin === undefined ? {} : { tokenOrigin }),
      ...(options.signal ? { signal: options.signal } : {}),
      source,
    });
  const fail = (response: Response, what: string) =>
    errorFromStatus(response, { action: `reading ${what} of ${label}`, source });

  const probe = await get(options.url, 'bytes=0-0');
  const byteLength = await sizeFromProbe(probe.response, { source, label, fail });
  let resolvedUrl = probe.url;

  async function slice(start: number, end: number = byteLength): Promise<ArrayBuffer> {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= byteLength)) {
      throw new DatasetError(`Invalid byte range [${start}, ${end}) of ${label} (size ${byteLength})`, {
        source,
      });
    }
    if (end <= start) return new ArrayBuffer(0);
    const range = `bytes=${start}-${end - 1}`;
    let { response } = await get(resolvedUrl, range);
    if (EXPIRED_STATUSES.has(response.status) && resolvedUrl !== options.url) {
      await response.body?.cancel();
      const again = await get(options.url, range);
      response = again.response;
      resolvedUrl = again.url;
    }
    const what = `bytes ${start}-${end - 1}`;
    const wholeFile = response.status === 200 && start === 0 && end === byteLength;
    if (response.status !== 206 && !wholeFile) {
      await response.body?.cancel();
      if (response.status === 200) throw rangeIgnored(source, label);
      throw fail(response, what);
    }
    if (response.status === 206) {
      const served = parseContentRange(response.headers.get('content-range'));
      if (served?.start !== start) {
        await response.body?.cancel();
        throw new DatasetError(`The server answered ${what} of ${label} with a different range`, { source });
      }
    }
    const body = await readBody(response, { source, label, what });
    if (body.byteLength !== end - start) {
      throw new DatasetError(
        `Expected ${end - start} bytes but received ${body.byteLength} for ${what} of ${label} (truncated transfer)`,
        { source, isRetryable: true },
      );
    }
    return body;
  }

  return { byteLength, slice };
}

async function sizeFromProbe(
  response: Response,
  context: { source: string; label: string; fail: (response: Response, what: string) => DatasetError },
): Promise<number> {
  const { source, label } = context;
  if (response.status === 206 || response.status === 416) {
    const range = parseContentRange(response.headers.get('content-range'));
    await response.body?.cancel();
    if (range?.size === undefined) {
      throw new DatasetError(`The server did not report the size of ${label} (no usable Content-Range)`, {
        source,
      });
    }
    if (range.size === 0) throw new DatasetError(`${label} is empty`, { source });
    return range.size;
  }
  await response.body?.cancel();
  if (response.ok) throw rangeIgnored(source, label);
  throw context.fail(response, 'the size');
}

function rangeIgnored(source: string, label: string): DatasetError {
  return new DatasetError(
    `The server ignored the HTTP Range request for ${label}; BenchHub reads remote Parquet files by range only`,
    { source },
  );
}

async function readBody(
  response: Response,
  context: { source: string; label: string; what: string },
): Promise<ArrayBuffer> {
  try {
    return await response.arrayBuffer();
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new DatasetError(`Connection lost while reading ${context.what} of ${context.label}`, {
      source: context.source,
      cause: error,
      isRetryable: true,
    });
  }
}

/** Parses `bytes <start>-<end>/<size>` or `bytes *\/<size>`; the size is undefined when given as `*`. */
export function parseContentRange(
  header: string | null,
): { start?: number; end?: number; size?: number } | undefined {
  if (header === null) return undefined;
  const match = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/i.exec(header.trim());
  if (!match) return undefined;
  const [, start, end, size] = match;
  return {
    ...(start === undefined ? {} : { start: Number(start) }),
    ...(end === undefined ? {} : { end: Number(end) }),
    ...(size === undefined || size === '*' ? {} : { size: Number(size) }),
  };
}

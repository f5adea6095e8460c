import { DatasetError } from '../../errors/index.js';
import type { Logger } from '../../logger/logger.js';
import type { FetchFunction } from './http.js';

/** The public Hugging Face Hub. */
export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

/** Which split of which Hub dataset. */
export interface HuggingFaceSplitOptions {
  /** Dataset id on the Hub, e.g. `BenchHub/BenchHub-Ko`. */
  dataset: string;
  /** Config (subset) name; default `default`. */
  config?: string;
  /** Split name; default `train`. */
  split?: string;
}

/** How to reach the Hub. */
export interface HuggingFaceHubOptions {
  /** Hub endpoint (a mirror or a local test server); default `https://huggingface.co`. */
  endpoint?: string;
  /**
   * Access token for private or gated datasets. It is sent as `Authorization: Bearer` to the
   * endpoint's origin only (never to a redirect target on another origin) and never appears in errors
   * or logs.
   */
  token?: string;
  /** Defaults to `globalThis.fetch`, looked up when a request is made. */
  fetch?: FetchFunction;
  /** Aborts every request made with these options. */
  signal?: AbortSignal;
  /** Receives debug lines (no secrets); silent by default. */
  logger?: Logger;
}

/** Options of `listHuggingFaceParquetFiles`. */
export type ListHuggingFaceParquetFilesOptions = HuggingFaceSplitOptions & HuggingFaceHubOptions;

/** Options after defaults and validation. */
export interface ResolvedHubOptions {
  dataset: string;
  config: string;
  split: string;
  endpoint: string;
  endpointOrigin: string;
  token: string | undefined;
  fetch: FetchFunction;
  signal: AbortSignal | undefined;
  logger: Logger | undefined;
  /** `hub:<dataset>/<config>/<split>`: names the split in rows and errors. */
  id: string;
}

const DATASET_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** Applies defaults and rejects bad input with a {@link DatasetError} naming the option. */
export function resolveHubOptions(options: ListHuggingFaceParquetFilesOptions): ResolvedHubOptions {
  const config = options.config ?? 'default';
  const split = options.split ?? 'train';
  const id = `hub:${options.dataset}/${config}/${split}`;
  if (!DATASET_ID.test(options.dataset)) {
    throw new DatasetError(
      `Invalid Hugging Face dataset id "${options.dataset}": expected "name" or "owner/name"`,
      {
        source: id,
        field: 'dataset',
      },
    );
  }
  if (config === '')
    throw new DatasetError('The config name must not be empty', { source: id, field: 'config' });
  if (split === '')
    throw new DatasetError('The split name must not be empty', { source: id, field: 'split' });
  const endpoint = (options.endpoint ?? DEFAULT_HUB_ENDPOINT).replace(/\/+$/, '');
  let endpointOrigin: string;
  try {
    const parsed = new URL(endpoint);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    endpointOrigin = parsed.origin;
  } catch {
    throw new DatasetError(`Invalid Hub endpoint "${endpoint}": expected an http(s) URL`, {
      source: id,
      field: 'endpoint',
    });
  }
  // Checked here because fetch's own header error would echo the value, i.e. the token.
  if (options.token !== undefined && !HEADER_SAFE.test(options.token)) {
    throw new DatasetError('The Hugging Face token is empty or contains spaces or control characters', {
      source: id,
      field: 'token',
    });
  }
  return {
    dataset: options.dataset,
    config,
    split,
    endpoint,
    endpointOrigin,
    token: options.token,
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    signal: options.signal,
    logger: options.logger,
    id,
  };
}

/** `dataset "a/b" (config "default", split "train")`, for error messages. */
export function describeSplit(options: ResolvedHubOptions): string {
  return `dataset "${options.dataset}" (config "${options.config}", split "${options.split}")`;
}

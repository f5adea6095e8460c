import { DatasetError } from '../../errors/index.js';
import type { Logger } from '../../logger/logger.js';
import type { RawRow } from '../rows.js';
import type { DatasetSourceSpec } from '../spec.js';
import type { FetchFunction } from './http.js';
import { createHuggingFaceSource } from './source.js';

/** The `huggingface` variant of a plan's dataset source. */
type HuggingFaceSpec = Extract<DatasetSourceSpec, { type: 'huggingface' }>;

/** Options of {@link createHuggingFaceOpener}. */
export interface HuggingFaceOpenerOptions {
  /**
   * Looks up the token a plan names by `tokenEnv` (the plan holds a variable name, never the token).
   * The library reads no environment itself: the CLI passes `(name) => process.env[name]`.
   */
  resolveToken?: (name: string) => string | undefined;
  /** Used when the plan's source names no endpoint. */
  endpoint?: string;
  fetch?: FetchFunction;
  footerFetchSize?: number;
  logger?: Logger;
}

/**
 * Opens the `huggingface` sources of plans: pass the result as the `huggingface` option of
 * `openDatasetSource`/`loadSamples`. Problems (an unset token variable, a bad dataset id) surface when
 * the rows are iterated, as `DatasetError`s.
 *
 * @example
 * ```ts
 * const huggingface = createHuggingFaceOpener({ resolveToken: (name) => process.env[name] });
 * for await (const row of openDatasetSource(spec.source, { huggingface })) { ... }
 * ```
 */
export function createHuggingFaceOpener(
  options: HuggingFaceOpenerOptions = {},
): (spec: HuggingFaceSpec, context: { signal?: AbortSignal; logger?: Logger }) => AsyncIterable<RawRow> {
  return async function* openHuggingFace(spec, context) {
    const token = spec.tokenEnv === undefined ? undefined : lookUpToken(spec, options);
    const endpoint = spec.endpoint ?? options.endpoint;
    const logger = context.logger ?? options.logger;
    const source = createHuggingFaceSource({
      dataset: spec.dataset,
      config: spec.config,
      split: spec.split,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(token === undefined ? {} : { token }),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.footerFetchSize === undefined ? {} : { footerFetchSize: options.footerFetchSize }),
      ...(logger ? { logger } : {}),
    });
    yield* source.rows(context.signal ? { signal: context.signal } : {});
  };
}

function lookUpToken(spec: HuggingFaceSpec, options: HuggingFaceOpenerOptions): string {
  const name = spec.tokenEnv as string;
  const source = `hub:${spec.dataset}/${spec.config}/${spec.split}`;
  if (!options.resolveToken) {
    throw new DatasetError(`The source names a token variable (${name}) but no resolveToken was configured`, {
      source,
      field: 'tokenEnv',
    });
  }
  const token = options.resolveToken(name);
  if (token === undefined || token === '') {
    throw new DatasetError(`The token variable ${name} is not set`, { source, field: 'tokenEnv' });
  }
  return token;
}

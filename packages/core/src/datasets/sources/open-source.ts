import { resolve } from 'node:path';
import type { DatasetError } from '../../errors/dataset-error.js';
import type { Logger } from '../../logger/logger.js';
import { createHuggingFaceOpener } from '../huggingface/opener.js';
import type { RawRow } from '../rows.js';
import type { DatasetSourceSpec } from '../spec.js';
import { flattenBatches, singleRowBatches } from './batches.js';
import { readCsvRows } from './csv.js';
import type { FileFormat } from './file-format.js';
import { readJsonBatches } from './json.js';
import { readJsonlBatches } from './jsonl.js';
import { listDataFiles } from './list-files.js';
import { readParquetBatches } from './parquet.js';
import type { ReadRowsOptions } from './read-options.js';

/** The `huggingface` variant of a source spec. */
export type HuggingFaceSourceSpec = Extract<DatasetSourceSpec, { type: 'huggingface' }>;

/** What a source factory receives besides its spec. */
export interface SourceContext {
  signal?: AbortSignal;
  logger?: Logger;
  onRowError?: (error: DatasetError) => void;
}

/**
 * Opens a `huggingface` source: `createHuggingFaceSource(...)` from `datasets/huggingface` has this
 * shape. Injected so that file-only users pull in no network code and tests can pass a fake.
 */
export type HuggingFaceSourceOpener = (
  spec: HuggingFaceSourceSpec,
  context: SourceContext,
) => AsyncIterable<RawRow>;

/** Options of {@link openDatasetSource}. */
export interface OpenDatasetSourceOptions extends SourceContext {
  /** Directory relative file paths are resolved against (the plan file's directory); default: cwd. */
  baseDir?: string;
  /**
   * Opens `huggingface` sources; by default `createHuggingFaceOpener()` on the public Hub, which cannot
   * resolve a `tokenEnv` (pass an opener with `resolveToken` for gated datasets).
   */
  huggingface?: HuggingFaceSourceOpener;
}

const BATCH_READERS: Readonly<
  Record<FileFormat, (path: string, options: ReadRowsOptions) => AsyncIterable<RawRow[]>>
> = {
  jsonl: readJsonlBatches,
  json: readJsonBatches,
  csv: (path, options) => singleRowBatches(readCsvRows(path, options)),
  parquet: readParquetBatches,
};

/**
 * Streams the raw rows of a dataset source:
 * - `file`: one file, a directory (walked recursively in code-point order), or a list of both; each
 *   file is read by its extension's reader unless `format` is set. `RawRow.source` is the resolved path.
 * - `inline`: the rows given in the plan (`source` is `inline`, `row` their 1-based index).
 * - `huggingface`: delegated to `options.huggingface` (default: the public Hub, no token).
 *
 * @example
 * ```ts
 * for await (const raw of openDatasetSource({ type: 'file', path: 'data/click' }, { baseDir: planDir })) { ... }
 * ```
 */
export function openDatasetSource(
  spec: DatasetSourceSpec,
  options: OpenDatasetSourceOptions = {},
): AsyncGenerator<RawRow> {
  return flattenBatches(openDatasetSourceBatches(spec, options));
}

/**
 * The batch form of {@link openDatasetSource}: rows in the batches their reader produces (one read
 * chunk, one row group), so a consumer awaits once per batch rather than once per row.
 */
export async function* openDatasetSourceBatches(
  spec: DatasetSourceSpec,
  options: OpenDatasetSourceOptions = {},
): AsyncGenerator<RawRow[]> {
  const { signal, onRowError } = options;
  switch (spec.type) {
    case 'inline': {
      signal?.throwIfAborted();
      yield spec.rows.map((data, i) => ({ source: 'inline', row: i + 1, data }));
      return;
    }
    case 'file': {
      const base = options.baseDir ?? process.cwd();
      const paths = (Array.isArray(spec.path) ? spec.path : [spec.path]).map((p) => resolve(base, p));
      const files = await listDataFiles(paths, spec.format);
      for (const file of files) {
        const readOptions: ReadRowsOptions = { source: file.path };
        if (signal) readOptions.signal = signal;
        if (onRowError) readOptions.onRowError = onRowError;
        options.logger?.debug('reading dataset file', { path: file.path, format: file.format });
        yield* BATCH_READERS[file.format](file.path, readOptions);
      }
      return;
    }
    case 'huggingface': {
      const open = options.huggingface ?? createHuggingFaceOpener();
      yield* singleRowBatches(
        open(spec, {
          ...(signal ? { signal } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
          ...(onRowError ? { onRowError } : {}),
        }),
      );
      return;
    }
  }
}

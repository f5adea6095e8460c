import { DatasetError } from '../../errors/index.js';
import type { DatasetReadOptions, DatasetSourceV1 } from '../../spec/dataset-source.js';
import type { RawRow } from '../rows.js';
import { createHttpRangeBuffer, type HttpRangeBuffer } from './http-range-buffer.js';
import { listHuggingFaceParquetFiles } from './list-parquet-files.js';
import {
  type ListHuggingFaceParquetFilesOptions,
  type ResolvedHubOptions,
  resolveHubOptions,
} from './options.js';
import { readParquetMetadata, readParquetRows } from './parquet-rows.js';

/** Options of {@link createHuggingFaceSource}. */
export interface HuggingFaceSourceOptions extends ListHuggingFaceParquetFilesOptions {
  /**
   * Bytes fetched from the end of each Parquet file to find its footer in one request (hyparquet's
   * default, 512 KiB, when absent). A larger footer costs one more request.
   */
  footerFetchSize?: number;
}

/** A split of a Hub dataset as a {@link DatasetSourceV1}. */
export interface HuggingFaceSource extends DatasetSourceV1 {
  /** `hub:<dataset>/<config>/<split>`, also the `source` of every row. */
  readonly id: string;
  rows(options?: DatasetReadOptions): AsyncIterable<RawRow>;
  /** Total rows of the split, from each file's footer (no row data is read). */
  count(options?: DatasetReadOptions): Promise<number>;
}

/**
 * Streams a split of a Hugging Face Hub dataset from its Parquet conversion, without downloading it:
 * the split's files are listed through the Hub API, then each file is read with HTTP Range requests
 * (footer first, then row group by row group) and rows are yielded as soon as their row group is
 * decoded. Rows are numbered from 1 across the whole split, in shard order; every row's `source` is the
 * source `id`.
 *
 * The token goes to the Hub only: redirects are followed hop by hop and `Authorization` is dropped for
 * any other origin (the CDN, whose URLs are pre-signed). Failures are `DatasetError`s naming the
 * dataset, config and split; 429/5xx and network errors are retryable (`isRetryable`).
 *
 * @example
 * ```ts
 * const source = createHuggingFaceSource({ dataset: 'BenchHub/BenchHub-Ko', split: 'train', token });
 * for await (const { row, data } of source.rows()) console.log(row, data.prompt);
 * ```
 */
export function createHuggingFaceSource(options: HuggingFaceSourceOptions): HuggingFaceSource {
  const resolved = resolveHubOptions(options);
  const footerFetchSize = options.footerFetchSize;
  if (footerFetchSize !== undefined && !(Number.isInteger(footerFetchSize) && footerFetchSize >= 8)) {
    throw new DatasetError(`footerFetchSize must be an integer of at least 8 bytes, got ${footerFetchSize}`, {
      source: resolved.id,
      field: 'footerFetchSize',
    });
  }

  async function* openFiles(signal: AbortSignal | undefined): AsyncGenerator<HttpRangeBuffer> {
    const urls = await listHuggingFaceParquetFiles({ ...options, ...(signal ? { signal } : {}) });
    for (const [index, url] of urls.entries()) {
      signal?.throwIfAborted();
      resolved.logger?.debug('huggingface: opening parquet file', { source: resolved.id, file: index + 1 });
      yield await createHttpRangeBuffer({
        url,
        fetch: resolved.fetch,
        ...(resolved.token === undefined ? {} : { token: resolved.token }),
        tokenOrigin: resolved.endpointOrigin,
        ...(signal ? { signal } : {}),
        source: resolved.id,
        label: `Parquet file ${index + 1} of ${urls.length}`,
      });
    }
  }

  return {
    specificationVersion: 'v1',
    id: resolved.id,
    async *rows(readOptions?: DatasetReadOptions): AsyncGenerator<RawRow> {
      const signal = combineSignals(resolved, readOptions?.signal);
      let row = 0;
      for await (const file of openFiles(signal)) {
        const rows = readParquetRows(file, {
          source: resolved.id,
          ...(footerFetchSize === undefined ? {} : { footerFetchSize }),
          ...(signal ? { signal } : {}),
        });
        for await (const data of rows) {
          signal?.throwIfAborted();
          row += 1;
          yield { source: resolved.id, row, data };
        }
      }
    },
    async count(readOptions?: DatasetReadOptions): Promise<number> {
      const signal = combineSignals(resolved, readOptions?.signal);
      let total = 0;
      for await (const file of openFiles(signal)) {
        const metadata = await readParquetMetadata(file, {
          source: resolved.id,
          ...(footerFetchSize === undefined ? {} : { footerFetchSize }),
        });
        total += Number(metadata.num_rows);
      }
      return total;
    },
  };
}

function combineSignals(
  resolved: ResolvedHubOptions,
  perRead: AbortSignal | undefined,
): AbortSignal | undefined {
  if (resolved.signal && perRead) return AbortSignal.any([resolved.signal, perRead]);
  return resolved.signal ?? perRead;
}

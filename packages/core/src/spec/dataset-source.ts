import type { RawRow } from '../datasets/rows.js';
import type { BenchHubSpecVersion } from './version.js';

/** Per-read options of a dataset source. */
export interface DatasetReadOptions {
  /** Stops the read: iteration ends by rejecting with the signal's reason, and open handles are closed. */
  signal?: AbortSignal;
}

/**
 * Where benchmark rows come from (a file, the Hugging Face Hub, a database...). Rows stream: a source
 * never holds the whole dataset in memory. Malformed input is reported as a `DatasetError` naming the
 * source, row and field.
 *
 * @example
 * ```ts
 * for await (const row of source.rows({ signal })) console.log(row.row, row.data.question);
 * ```
 */
export interface DatasetSourceV1 {
  /** The contract version this source implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** Identifies the source in errors and results (a path, URL or `hub:owner/name`). */
  readonly id: string;
  /**
   * Streams the raw rows in a stable order (the same order on every read, so seeded sampling is
   * reproducible). Each call starts a fresh read.
   */
  rows(options?: DatasetReadOptions): AsyncIterable<RawRow>;
  /** The number of rows, when the source knows it without reading every row (e.g. parquet metadata). */
  count?(options?: DatasetReadOptions): Promise<number>;
}

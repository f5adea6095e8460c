import { type FileHandle, open } from 'node:fs/promises';
import { type AsyncBuffer, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { DatasetError } from '../../errors/dataset-error.js';
import type { RawRow } from '../rows.js';
import { flattenBatches } from './batches.js';
import type { ReadRowsOptions } from './read-options.js';

/**
 * An `AsyncBuffer` (hyparquet's random-access file) over an open file handle: each `slice` reads just
 * that byte range, so a Parquet file is never loaded whole.
 */
export async function asyncBufferFromFileHandle(handle: FileHandle): Promise<AsyncBuffer> {
  const { size } = await handle.stat();
  return {
    byteLength: size,
    async slice(start: number, end: number = size): Promise<ArrayBuffer> {
      const from = Math.max(0, start);
      const length = Math.max(0, Math.min(end, size) - from);
      const bytes = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(bytes, done, length - done, from + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.buffer;
    },
  };
}

/** Turns 64-bit integers into numbers (or decimal strings when too large), recursively. */
function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = plainValue(inner);
    return out;
  }
  return value;
}

/**
 * Streams the rows of a Parquet file with hyparquet, one row group at a time: only the footer and the
 * current row group's column chunks are read (by byte range from a file handle), so memory follows the
 * row-group size, not the file size. `row` is the 1-based row index in the file. 64-bit integers become
 * numbers (decimal strings beyond 2^53). Snappy and uncompressed files are supported out of the box.
 *
 * @example
 * ```ts
 * for await (const { data } of readParquetRows('seed_leaderboard.parquet')) console.log(data.model_name, data.score);
 * ```
 */
export function readParquetRows(path: string, options: ReadRowsOptions = {}): AsyncGenerator<RawRow> {
  return flattenBatches(readParquetBatches(path, options));
}

/** The batch form of {@link readParquetRows}: the rows of one row group at a time. */
export async function* readParquetBatches(
  path: string,
  options: ReadRowsOptions = {},
): AsyncGenerator<RawRow[]> {
  const source = options.source ?? path;
  const { signal } = options;
  signal?.throwIfAborted();
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const file = await asyncBufferFromFileHandle(handle);
    const metadata = await parquetMetadataAsync(file);
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      signal?.throwIfAborted();
      const rowEnd = rowStart + Number(group.num_rows);
      const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd });
      const batch: RawRow[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        batch[i] = { source, row: rowStart + i + 1, data: plainValue(rows[i]) as Record<string, unknown> };
      }
      yield batch;
      rowStart = rowEnd;
    }
  } catch (error) {
    if (DatasetError.isInstance(error) || signal?.aborted) throw error;
    throw new DatasetError(`cannot read Parquet: ${(error as Error).message}`, { source, cause: error });
  } finally {
    await handle?.close();
  }
}

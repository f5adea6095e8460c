import { type AsyncBuffer, type FileMetaData, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { DatasetError } from '../../errors/index.js';

/** Options of {@link readParquetRows}. */
export interface ReadParquetRowsOptions {
  /** Bytes fetched from the end of the file to find the footer (hyparquet's default: 512 KiB). */
  footerFetchSize?: number;
  signal?: AbortSignal;
  /** Names the file in errors. */
  source: string;
}

/**
 * Streams the rows of a Parquet file as plain objects, one row group at a time: the footer is read
 * first, then each row group's column chunks, so memory holds at most one row group and a consumer
 * that stops early stops the reads. 64-bit integers become numbers when they are safe integers and
 * stay `bigint` otherwise; other values are as hyparquet decodes them.
 *
 * @example
 * ```ts
 * for await (const row of readParquetRows(file, { source: 'scores.parquet' })) console.log(row.score);
 * ```
 */
export async function* readParquetRows(
  file: AsyncBuffer,
  options: ReadParquetRowsOptions,
): AsyncGenerator<Record<string, unknown>> {
  const metadata = await readParquetMetadata(file, options);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    options.signal?.throwIfAborted();
    const rowEnd = rowStart + Number(group.num_rows);
    if (rowEnd > rowStart) {
      const rows = await parquet(options, () => parquetReadObjects({ file, metadata, rowStart, rowEnd }));
      for (const row of rows) yield normalizeRow(row);
    }
    rowStart = rowEnd;
  }
}

/** Reads a Parquet file's footer (schema, row groups, row count) and nothing else. */
export function readParquetMetadata(
  file: AsyncBuffer,
  options: ReadParquetRowsOptions,
): Promise<FileMetaData> {
  const footer = options.footerFetchSize === undefined ? {} : { initialFetchSize: options.footerFetchSize };
  return parquet(options, () => parquetMetadataAsync(file, footer));
}

/** Runs a hyparquet call, reporting a malformed file as a DatasetError (I/O errors pass through). */
async function parquet<T>(options: ReadParquetRowsOptions, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (DatasetError.isInstance(error) || options.signal?.aborted) throw error;
    if (error instanceof Error && error.name === 'AbortError') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatasetError(`Cannot decode Parquet data: ${reason}`, { source: options.source, cause: error });
  }
}

function normalizeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) out[key] = normalizeValue(row[key]);
  return out;
}

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : value;
  }
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return normalizeRow(value as Record<string, unknown>);
  }
  return value;
}

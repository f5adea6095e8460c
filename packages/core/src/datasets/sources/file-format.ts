import { extname } from 'node:path';

/** The file layouts BenchHub reads. */
export type FileFormat = 'jsonl' | 'json' | 'csv' | 'parquet';

const BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.parquet': 'parquet',
};

/**
 * The format a file's extension names (case-insensitive), or undefined for other files.
 *
 * @example
 * ```ts
 * fileFormatFromPath('data/train.NDJSON'); // 'jsonl'
 * fileFormatFromPath('README.md');         // undefined
 * ```
 */
export function fileFormatFromPath(path: string): FileFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

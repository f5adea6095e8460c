import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../../errors/dataset-error.js';
import { type FileFormat, fileFormatFromPath } from './file-format.js';

/** One data file to read, with the format it will be read as. */
export interface DataFile {
  path: string;
  format: FileFormat;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && fileFormatFromPath(entry.name) !== undefined) out.push(full);
  }
}

/**
 * Expands file and directory paths into the data files to read, in a stable order: a directory is
 * walked recursively, entries sorted by code point (not locale), hidden entries and files without a
 * data extension (.jsonl/.ndjson, .json, .csv, .parquet) skipped. `format` overrides the extension.
 * A missing path, or a file whose format is unknown, throws a {@link DatasetError}.
 */
export async function listDataFiles(paths: readonly string[], format?: FileFormat): Promise<DataFile[]> {
  const files: DataFile[] = [];
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (cause) {
      throw new DatasetError(`dataset path not found: ${(cause as Error).message}`, { source: path, cause });
    }
    const found: string[] = [];
    if (info.isDirectory()) await walk(path, found);
    else found.push(path);
    if (info.isDirectory() && found.length === 0) {
      throw new DatasetError('directory holds no data file (.jsonl, .ndjson, .json, .csv, .parquet)', {
        source: path,
      });
    }
    for (const file of found) {
      const fileFormat = format ?? fileFormatFromPath(file);
      if (!fileFormat) {
        throw new DatasetError(
          'unknown file format: use .jsonl, .ndjson, .json, .csv or .parquet, or set `format`',
          {
            source: file,
          },
        );
      }
      files.push({ path: file, format: fileFormat });
    }
  }
  return files;
}

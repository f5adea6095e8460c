import type { RawRow } from '../datasets/rows.js';
import { readCsvRows } from '../datasets/sources/csv.js';
import { fileFormatFromPath } from '../datasets/sources/file-format.js';
import { readParquetRows } from '../datasets/sources/parquet.js';
import { DatasetError } from '../errors/dataset-error.js';
import { SEED_LEADERBOARD_COLUMNS, type SeedLeaderboardRow } from './seed.js';

/** Options of {@link loadSeedLeaderboard}. */
export interface LoadSeedLeaderboardOptions {
  /** Stops reading when aborted. */
  signal?: AbortSignal;
}

/**
 * Reads the original system's seed leaderboard, `seed_leaderboard.csv` or `seed_leaderboard.parquet`
 * (chosen by extension), with core's dataset readers: one {@link SeedLeaderboardRow} per data row, in file
 * order, values as read (CSV scores are text; {@link seedLeaderboard} parses them). A missing column, or a
 * text column that is not text, throws a `DatasetError` naming the file, row and column.
 *
 * @example
 * ```ts
 * const rows = await loadSeedLeaderboard('../shared/data/benchhubplus/seed_leaderboard.parquet');
 * rows.length; // 4528
 * ```
 */
export async function loadSeedLeaderboard(
  path: string,
  options: LoadSeedLeaderboardOptions = {},
): Promise<SeedLeaderboardRow[]> {
  const format = fileFormatFromPath(path);
  const readOptions = options.signal === undefined ? {} : { signal: options.signal };
  let source: AsyncIterable<RawRow>;
  if (format === 'csv') source = readCsvRows(path, readOptions);
  else if (format === 'parquet') source = readParquetRows(path, readOptions);
  else {
    throw new DatasetError('loadSeedLeaderboard reads a .csv or .parquet file', { source: path });
  }
  const rows: SeedLeaderboardRow[] = [];
  for await (const { row, data } of source) {
    for (const column of SEED_LEADERBOARD_COLUMNS) {
      const value = data[column];
      if (value === undefined) {
        throw new DatasetError(`no "${column}" column`, { source: path, row, field: column });
      }
      const ok =
        column === 'score'
          ? typeof value === 'number' || typeof value === 'string'
          : typeof value === 'string';
      if (!ok) {
        throw new DatasetError(
          `"${column}" must be ${column === 'score' ? 'a number' : 'text'}, got ${JSON.stringify(value)}`,
          {
            source: path,
            row,
            field: column,
          },
        );
      }
    }
    rows.push({
      model_name: data.model_name as string,
      language: data.language as string,
      subject_type: data.subject_type as string,
      task_type: data.task_type as string,
      score: data.score as number | string,
    });
  }
  return rows;
}

import { type LeaderboardEntry, LeaderboardEntrySchema, leaderboardKey } from '../domain/leaderboard.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { StorageV1 } from '../spec/storage.js';

/**
 * One row of the original system's seed leaderboard (`seed_leaderboard.csv` / `.parquet`), with its
 * column names. `score` may be the CSV's text (`"0.5"`) or a number.
 */
export interface SeedLeaderboardRow {
  /** Kept exactly (e.g. `Qwen_Qwen2.5-72B-Instruct`). */
  model_name: string;
  /** A language name or tag (`English`, `ko`). */
  language: string;
  /** A BenchHub subject (`HASS/History`; aliases accepted). */
  subject_type: string;
  /** `Knowledge`, `Reasoning`, `Value/alignment` (aliases accepted). */
  task_type: string;
  /** The score: a number, or its decimal text. */
  score: number | string;
}

/** The columns of a seed row, in the file's order. */
export const SEED_LEADERBOARD_COLUMNS = [
  'model_name',
  'language',
  'subject_type',
  'task_type',
  'score',
] as const;

/** Options of {@link seedLeaderboard} and {@link seedLeaderboardEntries}. */
export interface SeedLeaderboardOptions {
  /** The metric the scores are of. Default `accuracy`. */
  metric?: string;
  /** The entries' `updatedAt` (the seed file has no dates). Default: now. */
  updatedAt?: Date;
  /** Entries per `upsertLeaderboard` call. Default 500. */
  batchSize?: number;
}

const FIELD_COLUMN: Readonly<Record<string, string>> = {
  modelName: 'model_name',
  language: 'language',
  subjectType: 'subject_type',
  taskType: 'task_type',
  score: 'score',
  metric: 'options.metric',
  updatedAt: 'options.updatedAt',
};

function rowError(row: number, column: string, message: string): BenchHubError {
  return new BenchHubError(`seedLeaderboard: row ${row}, ${column}: ${message}`);
}

function parseScore(value: unknown, row: number): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    if (Number.isFinite(parsed)) return parsed;
  }
  throw rowError(row, 'score', `must be a finite number, got ${JSON.stringify(value)}`);
}

/**
 * Turns seed rows into leaderboard entries without storing them: `source: 'seed'`, `n` 0, `stderr` and
 * `ci` null; the model name exactly as in the row (the original lost the `/` of names such as
 * `Qwen_Qwen2.5-72B-Instruct` upstream: nothing is guessed back); language, subject and task type
 * normalised as `LeaderboardEntrySchema` does (`English` → `en`). Row numbers are 1-based positions in
 * `rows` (a file's data rows, header excluded). The first bad row throws a `BenchHubError` naming its
 * row and column, as does a row repeating an earlier row's cell.
 *
 * @example
 * ```ts
 * seedLeaderboardEntries([{ model_name: 'google_gemma-3-1b-it', language: 'Korean',
 *   subject_type: 'HASS/History', task_type: 'Knowledge', score: '0.5' }])[0].language; // 'ko'
 * ```
 */
export function seedLeaderboardEntries(
  rows: Iterable<SeedLeaderboardRow>,
  options: SeedLeaderboardOptions = {},
): LeaderboardEntry[] {
  const updatedAt = options.updatedAt ?? new Date();
  const metric = options.metric ?? 'accuracy';
  const entries: LeaderboardEntry[] = [];
  const seen = new Map<string, number>();
  let row = 0;
  for (const raw of rows) {
    row++;
    if (typeof raw !== 'object' || raw === null) {
      throw new BenchHubError(
        `seedLeaderboard: row ${row} must be an object with the columns ${SEED_LEADERBOARD_COLUMNS.join(', ')}`,
      );
    }
    for (const column of ['model_name', 'language', 'subject_type', 'task_type'] as const) {
      const value = raw[column];
      if (typeof value !== 'string' || value.trim() === '') {
        throw rowError(row, column, `must be a non-empty string, got ${JSON.stringify(value)}`);
      }
    }
    const parsed = LeaderboardEntrySchema.safeParse({
      modelName: raw.model_name,
      metric,
      language: raw.language,
      subjectType: raw.subject_type,
      taskType: raw.task_type,
      score: parseScore(raw.score, row),
      n: 0,
      stderr: null,
      ci: null,
      updatedAt,
      source: 'seed',
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      throw rowError(row, FIELD_COLUMN[field] ?? field, issue?.message ?? 'invalid value');
    }
    const key = leaderboardKey(parsed.data);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new BenchHubError(
        `seedLeaderboard: row ${row} repeats the cell of row ${earlier} (same model_name, language, subject_type and task_type)`,
      );
    }
    seen.set(key, row);
    entries.push(parsed.data);
  }
  return entries;
}

/**
 * Imports seed scores (the original system's `seed_leaderboard` rows) into the leaderboard as
 * `source: 'seed'` entries (see {@link seedLeaderboardEntries} for the mapping). Every row is checked
 * before anything is written: a bad row rejects the call naming its row and column, and nothing of the
 * call is stored. Re-seeding the same rows replaces the same cells. Returns how many entries were written.
 *
 * @example
 * ```ts
 * const rows = await loadSeedLeaderboard('seed_leaderboard.csv');
 * await seedLeaderboard(storage, rows); // 4528
 * await storage.browseLeaderboard({ source: ['seed'], language: ['ko'], limit: 10 });
 * ```
 */
export async function seedLeaderboard(
  storage: StorageV1,
  rows: Iterable<SeedLeaderboardRow>,
  options: SeedLeaderboardOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new BenchHubError(`seedLeaderboard: batchSize must be an integer >= 1, got ${String(batchSize)}`);
  }
  const entries = seedLeaderboardEntries(rows, options);
  for (let i = 0; i < entries.length; i += batchSize) {
    await storage.upsertLeaderboard(entries.slice(i, i + batchSize));
  }
  return entries.length;
}

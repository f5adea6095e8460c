import { type LeaderboardQuery, listSubjects, type StorageV1 } from '@benchhub/core';
import { LEADERBOARD_LAYOUT, resultBatches } from './bench-rows.js';

/** The value at quantile `q` (0…1) of some numbers (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** Writes `rows` results of a new task `batchSize` at a time; returns rows per second of the writes alone. */
export async function measureWrites(storage: StorageV1, taskId: string, rows: number, batchSize: number) {
  await storage.createTask({ id: taskId, planName: 'bench write', plan: { name: 'bench write' } });
  let seconds = 0;
  let written = 0;
  for (const batch of resultBatches(taskId, 0, rows, batchSize)) {
    const start = performance.now();
    written += (await storage.appendResults(batch)).written;
    seconds += (performance.now() - start) / 1000;
  }
  if (written !== rows) throw new Error(`write benchmark: ${written} of ${rows} rows written`);
  return { rows, batchSize, seconds: round(seconds), rowsPerSec: Math.round(rows / seconds) };
}

/**
 * Stores `rows` results as one SUCCESS task per model of {@link LEADERBOARD_LAYOUT} (the rebuild's
 * input: each model's results cover all of its leaves); returns the seconds it took.
 */
export async function loadRows(storage: StorageV1, prefix: string, rows: number) {
  const start = performance.now();
  const models = LEADERBOARD_LAYOUT.models.length;
  for (let m = 0; m < models; m++) {
    const taskId = `${prefix}-${m}`;
    const count = Math.floor(rows / models) + (m < rows % models ? 1 : 0);
    await storage.createTask({ id: taskId, planName: 'bench rebuild', plan: { name: 'bench rebuild' } });
    for (const batch of resultBatches(taskId, m, count, 2_000)) await storage.appendResults(batch);
    await storage.updateTask(taskId, { status: 'STARTED' });
    await storage.updateTask(taskId, { status: 'SUCCESS', progress: { total: count, completed: count } });
  }
  return round((performance.now() - start) / 1000);
}

/** The browse queries: language + subject (fine or coarse, alternately) + task type, limit 100, score desc. */
export function browseQueries(count: number): LeaderboardQuery[] {
  const { languages, fineSubjects, coarseSubjects, taskTypes } = LEADERBOARD_LAYOUT;
  const queries: LeaderboardQuery[] = [];
  for (let i = 0; i < count; i++) {
    const h = Math.imul(i + 1, 2654435761) >>> 0;
    const subject =
      i % 2 === 0 ? fineSubjects[h % fineSubjects.length]! : coarseSubjects[h % coarseSubjects.length]!;
    queries.push({
      language: [languages[h % languages.length]!],
      subjectType: [subject],
      taskType: [taskTypes[(h >>> 8) % taskTypes.length]!],
      sort: { by: 'score', direction: 'desc' },
      limit: 100,
    });
  }
  return queries;
}

/** What a browse must return: one entry per model and subject (a coarse subject brings its fine ones). */
function expectedTotal(query: LeaderboardQuery): number {
  const subject = query.subjectType![0]!;
  const fine = LEADERBOARD_LAYOUT.coarseSubjects.includes(subject) ? listSubjects(subject).length + 1 : 1;
  return LEADERBOARD_LAYOUT.models.length * fine;
}

/**
 * Times `queries` browses after `warmup` unmeasured ones; returns the median, 95th percentile and largest
 * latency in milliseconds. Every page is checked to be sorted, and with `complete` (every cell of the
 * layout present) its size and `total` too.
 */
export async function measureBrowse(
  storage: StorageV1,
  queries: readonly LeaderboardQuery[],
  warmup: number,
  complete: boolean,
) {
  const times: number[] = [];
  for (const [i, query] of queries.entries()) {
    const start = performance.now();
    const page = await storage.browseLeaderboard(query);
    const ms = performance.now() - start;
    const total = complete ? expectedTotal(query) : page.total;
    if (page.total !== total || page.items.length !== Math.min(100, total)) {
      throw new Error(
        `browse ${JSON.stringify(query)}: total ${page.total} (expected ${total}), ${page.items.length} items`,
      );
    }
    for (let k = 1; k < page.items.length; k++) {
      if (page.items[k]!.score > page.items[k - 1]!.score)
        throw new Error('browse: items not sorted by score');
    }
    if (i >= warmup) times.push(ms);
  }
  return {
    queries: times.length,
    p50Ms: round(quantile(times, 0.5)),
    p95Ms: round(quantile(times, 0.95)),
    maxMs: round(Math.max(...times)),
  };
}

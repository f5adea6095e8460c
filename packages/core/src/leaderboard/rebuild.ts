import type { LeaderboardEntry } from '../domain/leaderboard.js';
import type { SampleResult } from '../domain/result.js';
import type { Task } from '../domain/task.js';
import { type RepeatReducer, reduceRepeats } from '../engine/reducers.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { getMetric } from '../metrics/registry.js';
import { RepeatReducerSchema } from '../plan/schema.js';
import type { StorageV1 } from '../spec/storage.js';
import { aggregateLeaderboard, toStoredLeaderboardEntry } from '../statistics/leaderboard.js';

/** Options of {@link rebuildLeaderboard}. */
export interface RebuildLeaderboardOptions {
  /** Entries per `upsertLeaderboard` call. Default 500. */
  batchSize?: number;
  /** Level of the confidence intervals of tasks whose stored plan names none. Default 0.95. */
  confidenceLevel?: number;
  /**
   * Which metrics get entries. Default: every metric with a score, except the built-in corpus-level ones
   * (BLEU, chrF, precision/recall/F1, pass@k), which the engine leaves off the leaderboard too.
   */
  includeMetric?: (metric: string) => boolean;
  /** Stops between results; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What {@link rebuildLeaderboard} did. */
export interface RebuildLeaderboardOutcome {
  /** SUCCESS tasks whose results were read. */
  tasks: number;
  /** Successful sample results read. */
  results: number;
  /** Entries upserted (a cell written by several tasks counts once per task). */
  entries: number;
}

interface TaskToRebuild {
  id: string;
  /** When its results became final: `finishedAt`, else `createdAt`. */
  at: number;
  reducer: RepeatReducer;
  confidenceLevel: number;
}

const DEFAULT_BATCH_SIZE = 500;
const TASK_PAGE = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The reducer and interval level the task's stored plan asked for (the engine's defaults otherwise). */
function planSettings(task: Task, fallbackLevel: number): Omit<TaskToRebuild, 'id' | 'at'> {
  const evaluation = isRecord(task.plan.evaluation) ? task.plan.evaluation : {};
  const reducer = RepeatReducerSchema.safeParse(evaluation.reducer);
  const level = evaluation.confidenceLevel;
  return {
    reducer: reducer.success ? reducer.data : 'mean',
    confidenceLevel: typeof level === 'number' && level > 0 && level < 1 ? level : fallbackLevel,
  };
}

/** The built-in metric of a name, when there is one (custom metrics are not known here). */
function builtinMetric(name: string): ReturnType<typeof getMetric> | undefined {
  try {
    return getMetric(name);
  } catch {
    return undefined;
  }
}

/**
 * Keeps of a stored result only what aggregation reads (the raw output only where majority voting needs
 * it), with the labels of equal results shared: a task of a million results repeats a few hundred labels.
 */
function slimmer(): (result: SampleResult) => SampleResult {
  const labels = new Map<string, SampleResult['labels']>();
  return (result) => {
    const { language, subjectType, taskType } = result.labels;
    const key = `${language}\u0000${taskType ?? '\u0001'}\u0000${subjectType.join('\u0000')}`;
    let shared = labels.get(key);
    if (shared === undefined) {
      shared = taskType === undefined ? { language, subjectType } : { language, subjectType, taskType };
      labels.set(key, shared);
    }
    const out: SampleResult = {
      taskId: result.taskId,
      modelId: result.modelId,
      sampleId: result.sampleId,
      datasetName: result.datasetName,
      repeat: result.repeat,
      scores: result.scores,
      attempts: result.attempts,
      labels: shared,
      createdAt: result.createdAt,
    };
    if (result.extracted !== undefined) out.extracted = result.extracted;
    else if (result.output !== undefined) out.output = result.output;
    return out;
  };
}

/** Reduces the repeats of each sample as the engine does before aggregating (see `summarizeResults`). */
function reduceTaskRepeats(
  results: readonly SampleResult[],
  reducer: RepeatReducer,
  metricNames: readonly string[],
): SampleResult[] {
  const higherIsBetter = new Map(metricNames.map((m) => [m, builtinMetric(m)?.higherIsBetter ?? true]));
  const groups = new Map<string, SampleResult[]>();
  for (const result of results) {
    const key = `${result.modelId}\u0000${result.datasetName}\u0000${result.sampleId}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [result]);
    else group.push(result);
  }
  const reduced: SampleResult[] = [];
  for (const group of groups.values()) {
    if (group.length > 1) group.sort((a, b) => a.repeat - b.repeat);
    const outcome = reduceRepeats(group, reducer, metricNames, (m) => higherIsBetter.get(m) ?? true);
    if (outcome !== undefined)
      reduced.push({ ...(group[0] as SampleResult), repeat: 0, scores: outcome.scores });
  }
  return reduced;
}

/** The SUCCESS tasks, in the order their results became final. */
async function successfulTasks(storage: StorageV1, fallbackLevel: number): Promise<TaskToRebuild[]> {
  const found: TaskToRebuild[] = [];
  for (let offset = 0; ; offset += TASK_PAGE) {
    const page = await storage.listTasks({ status: ['SUCCESS'], order: 'oldest', limit: TASK_PAGE, offset });
    for (const task of page.items) {
      found.push({
        id: task.id,
        at: (task.finishedAt ?? task.createdAt).getTime(),
        ...planSettings(task, fallbackLevel),
      });
    }
    if (page.items.length < TASK_PAGE || offset + page.items.length >= page.total) break;
  }
  // Stable: equal instants keep the listing's creation order.
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Recomputes the `evaluation` entries of the leaderboard from the stored sample results, as the engine
 * upserts them after a run: for every SUCCESS task, in the order the tasks finished, its successful
 * results are streamed, the repeats of each sample reduced with the reducer of the task's stored plan
 * (`mean` when it names none), and `aggregateLeaderboard` run for each metric present (fine subjects and
 * their coarse roll-ups); the entries are upserted in batches. Each cell thus ends with the value of the
 * last task that finished with it. One task's results are held at a time (never all tasks' at once).
 *
 * Upserts keep quarantine and revive soft-deleted cells; seed entries are untouched unless a task
 * produces the very same cell. Cells of tasks no longer stored are left as they are. A run-time
 * `options.reducer` given to `evaluate()` is not stored with the task, so it is not known here.
 *
 * @example
 * ```ts
 * const { tasks, results, entries } = await rebuildLeaderboard(storage);
 * console.log(`${entries} entries from ${results} results of ${tasks} tasks`);
 * ```
 */
export async function rebuildLeaderboard(
  storage: StorageV1,
  options: RebuildLeaderboardOptions = {},
): Promise<RebuildLeaderboardOutcome> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new BenchHubError(
      `rebuildLeaderboard: batchSize must be an integer >= 1, got ${String(batchSize)}`,
    );
  }
  const fallbackLevel = options.confidenceLevel ?? 0.95;
  if (!(typeof fallbackLevel === 'number' && fallbackLevel > 0 && fallbackLevel < 1)) {
    throw new BenchHubError(
      `rebuildLeaderboard: confidenceLevel must be between 0 and 1, got ${String(fallbackLevel)}`,
    );
  }
  const includeMetric =
    options.includeMetric ?? ((name: string) => builtinMetric(name)?.corpus === undefined);
  const { signal } = options;
  signal?.throwIfAborted();

  const outcome: RebuildLeaderboardOutcome = { tasks: 0, results: 0, entries: 0 };
  for (const task of await successfulTasks(storage, fallbackLevel)) {
    const results: SampleResult[] = [];
    const slim = slimmer();
    const metrics = new Set<string>();
    let repeated = false;
    for await (const result of storage.streamResults({ taskId: task.id, failed: false })) {
      signal?.throwIfAborted();
      if (result.error !== undefined) continue;
      results.push(slim(result));
      if (result.repeat > 0) repeated = true;
      for (const [metric, value] of Object.entries(result.scores)) if (value !== null) metrics.add(metric);
    }
    outcome.tasks++;
    outcome.results += results.length;
    const metricNames = [...metrics].sort();
    const aggregated = repeated ? reduceTaskRepeats(results, task.reducer, metricNames) : results;

    const entries: LeaderboardEntry[] = [];
    for (const metric of metricNames) {
      if (!includeMetric(metric)) continue;
      const { entries: cells } = aggregateLeaderboard(aggregated, {
        metric,
        confidenceLevel: task.confidenceLevel,
      });
      for (const e of cells) entries.push(toStoredLeaderboardEntry(e));
    }
    for (let i = 0; i < entries.length; i += batchSize) {
      signal?.throwIfAborted();
      await storage.upsertLeaderboard(entries.slice(i, i + batchSize));
    }
    outcome.entries += entries.length;
  }
  return outcome;
}

import type { SampleResult } from '../domain/result.js';
import type { Task } from '../domain/task.js';
import { createLeaderboardFeed } from '../engine/leaderboard-feed.js';
import type { RepeatReducer } from '../engine/reducers.js';
import { createRepeatGrouping } from '../engine/repeat-groups.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { getMetric } from '../metrics/registry.js';
import { RepeatReducerSchema } from '../plan/schema.js';
import type { StorageV1 } from '../spec/storage.js';

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
  /** Repeats per sample, when the stored plan says. */
  repeats: number | undefined;
}

const DEFAULT_BATCH_SIZE = 500;
const TASK_PAGE = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The reducer, interval level and repeats the task's stored plan asked for (the engine's defaults
 * otherwise; repeats unknown when the plan does not say).
 */
function planSettings(task: Task, fallbackLevel: number): Omit<TaskToRebuild, 'id' | 'at'> {
  const evaluation = isRecord(task.plan.evaluation) ? task.plan.evaluation : {};
  const reducer = RepeatReducerSchema.safeParse(evaluation.reducer);
  const level = evaluation.confidenceLevel;
  const repeats = evaluation.repeats;
  return {
    reducer: reducer.success ? reducer.data : 'mean',
    confidenceLevel: typeof level === 'number' && level > 0 && level < 1 ? level : fallbackLevel,
    repeats: typeof repeats === 'number' && Number.isInteger(repeats) && repeats >= 1 ? repeats : undefined,
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
 * Keeps of a stored successful result only what aggregation reads (the raw output only where majority
 * voting needs it), with the labels of equal results shared: for a task whose plan does not state its
 * repeats, whose samples are all held until the end.
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
 * upserts them after a run: for every SUCCESS task, in the order the tasks finished, its results
 * are streamed, the repeats of each sample reduced with the reducer of the task's stored plan (`mean`
 * when it names none; failed repeats left out), and the samples fed to a leaderboard builder per metric
 * present (fine subjects and their coarse roll-ups): the engine's own path (`createRepeatGrouping`,
 * `createLeaderboardFeed`). The entries are upserted in batches. Each cell thus ends with the value of the
 * last task that finished with it. One task's compact data is held at a time: its cells' values, and a
 * sample's results until its repeats are in (every sample's when the stored plan does not state
 * `repeats`).
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

  const higher = new Map<string, boolean>();
  const higherIsBetter = (metric: string): boolean => {
    let better = higher.get(metric);
    if (better === undefined) {
      better = builtinMetric(metric)?.higherIsBetter ?? true;
      higher.set(metric, better);
    }
    return better;
  };

  const outcome: RebuildLeaderboardOutcome = { tasks: 0, results: 0, entries: 0 };
  for (const task of await successfulTasks(storage, fallbackLevel)) {
    const feed = createLeaderboardFeed({ includeMetric, confidenceLevel: task.confidenceLevel });
    const grouping = createRepeatGrouping({
      repeats: task.repeats,
      reducer: task.reducer,
      higherIsBetter,
      onSample: feed.addSample,
    });
    // Known repeats: failed results complete their sample, which is then reduced and dropped. Unknown:
    // every sample is held to the end, so only slimmed successful results are.
    const slim = task.repeats === undefined ? slimmer() : undefined;
    let results = 0;
    for await (const result of storage.streamResults({ taskId: task.id })) {
      signal?.throwIfAborted();
      if (result.error === undefined) results++;
      if (slim === undefined) grouping.add(result);
      else if (result.error === undefined) grouping.add(slim(result));
    }
    grouping.finish();
    outcome.tasks++;
    outcome.results += results;
    const entries = feed.finish();
    for (let i = 0; i < entries.length; i += batchSize) {
      signal?.throwIfAborted();
      await storage.upsertLeaderboard(entries.slice(i, i + batchSize));
    }
    outcome.entries += entries.length;
  }
  return outcome;
}

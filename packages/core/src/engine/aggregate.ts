import type { LeaderboardEntry } from '../domain/leaderboard.js';
import type { SampleResult, SampleResultError } from '../domain/result.js';
import type { Sample } from '../domain/sample.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { MetricItem, MetricOutput, MetricV1 } from '../spec/metric.js';
import type { StorageV1 } from '../spec/storage.js';
import { criticalZ } from '../statistics/normal.js';
import { type Interval, summarize } from '../statistics/summarize.js';
import { createValueList, type ValueList } from '../statistics/value-list.js';
import type { MetricSummary } from './evaluation-result.js';
import { createLeaderboardFeed } from './leaderboard-feed.js';
import type { RepeatReducer } from './reducers.js';
import { createRepeatGrouping, type ReducedSampleHandler } from './repeat-groups.js';

/** What {@link summarizeResults} needs besides the results. */
export interface SummarizeResultsOptions {
  /** The models, in report order. */
  modelIds: readonly string[];
  /** The plan's metrics. */
  metrics: readonly MetricV1[];
  /** How repeats of a sample are reduced. Default `mean`. */
  reducer?: RepeatReducer;
  /** Level of the confidence intervals. Default 0.95. */
  confidenceLevel?: number;
  /**
   * Repeats per sample in the plan. With 1, every model × sample has one result, which spares grouping;
   * with more, a sample is reduced as soon as its `repeats` results are in. Default: unknown (results
   * are grouped, every sample's held until the end).
   */
  repeats?: number;
  /** The sample behind a result, for corpus-level metrics (BLEU, pass@k...). */
  sampleOf?: (datasetName: string, sampleId: string) => Sample | undefined;
}

/** The aggregates of a set of results and the leaderboard entries they give. */
export interface ResultsSummary {
  aggregates: MetricSummary[];
  leaderboard: LeaderboardEntry[];
}

/** Streams results into a {@link ResultsSummary}; see {@link createResultsAccumulator}. */
export interface ResultsAccumulator {
  /** Adds one stored result (any order; grouped repeats are reduced as soon as they are complete). */
  add(result: SampleResult): void;
  /** The aggregates and leaderboard entries of every result added. Call once, after the last `add`. */
  finish(): ResultsSummary;
  /** Results added. */
  readonly count: number;
  /** The error of the first failed result added. */
  readonly firstError: SampleResultError | undefined;
}

/** A {@link ResultsSummary} of a task's stored results, with how many were read. */
export interface StoredResultsSummary extends ResultsSummary {
  /** Results read. */
  count: number;
  /** The error of the first failed result read. */
  firstError: SampleResultError | undefined;
}

interface ModelTotals {
  errors: number;
  /** Per metric (plan order): the reduced per-sample values. */
  values: ValueList[];
  /** Per metric: samples it could not score. */
  unscored: number[];
  /** Per metric: outputs for corpus-level metrics (`undefined` for the others). */
  items: (MetricItem[] | undefined)[];
}

function corpusInterval(value: number, stderr: number | undefined, level: number): Interval | null {
  if (stderr === undefined || !Number.isFinite(stderr)) return null;
  const z = criticalZ(level);
  return { lower: value - z * stderr, upper: value + z * stderr, level, method: 'normal' };
}

/**
 * Creates the streaming form of {@link summarizeResults}: results are added one at a time and only
 * compact data is kept: per model × metric the reduced values, unscored and error counts; per leaderboard
 * cell its values (labels interned, each distinct label set resolved once). With `repeats: 1` no result
 * is retained; with more, a sample's results are held until its `repeats` results are in (a storage
 * streams them together), then reduced and dropped; samples still incomplete at `finish()` are reduced
 * then. Corpus metrics keep their outputs (`MetricItem`s), as they need them all.
 *
 * @example
 * ```ts
 * const accumulator = createResultsAccumulator({ modelIds: ['m'], metrics: [getMetric('accuracy')], repeats: 1 });
 * for await (const r of storage.streamResults({ taskId })) accumulator.add(r);
 * const { aggregates, leaderboard } = accumulator.finish();
 * ```
 */
export function createResultsAccumulator(options: SummarizeResultsOptions): ResultsAccumulator {
  const reducer = options.reducer ?? 'mean';
  const level = options.confidenceLevel ?? 0.95;
  const { metrics, sampleOf } = options;
  const metricNames = metrics.map((m) => m.name);
  const higherIsBetter = new Map(metrics.map((m) => [m.name, m.higherIsBetter]));
  const hasCorpus = metrics.some((m) => m.corpus !== undefined);

  const models = new Map<string, ModelTotals>();
  const totalsOf = (modelId: string): ModelTotals => {
    let totals = models.get(modelId);
    if (totals === undefined) {
      totals = {
        errors: 0,
        values: metrics.map(() => createValueList()),
        unscored: metrics.map(() => 0),
        items: metrics.map((m) => (m.corpus ? [] : undefined)),
      };
      models.set(modelId, totals);
    }
    return totals;
  };
  for (const id of options.modelIds) totalsOf(id);

  const leaderboard = createLeaderboardFeed({
    metrics: metrics.filter((m) => !m.corpus).map((m) => m.name),
    confidenceLevel: level,
  });

  /** Adds one sample's reduced scores (and its outputs for corpus metrics). */
  const addSample: ReducedSampleHandler = (first, scores, ok) => {
    leaderboard.addSample(first, scores, ok);
    if (scores === undefined) return;
    const totals = totalsOf(first.modelId);
    for (let m = 0; m < metricNames.length; m++) {
      const name = metricNames[m] as string;
      const value = scores[name] ?? null;
      if (value === null) (totals.unscored[m] as number)++;
      else (totals.values[m] as ValueList).push(value);
      if (!hasCorpus) continue;
      const corpusItems = totals.items[m];
      if (corpusItems === undefined) continue;
      const sample = sampleOf?.(first.datasetName, first.sampleId);
      if (sample === undefined) continue;
      for (const r of ok ?? [first]) corpusItems.push({ sample, output: storedOutput(r, name) });
    }
  };

  const grouping = createRepeatGrouping({
    repeats: options.repeats,
    reducer,
    metricNames,
    higherIsBetter: (name) => higherIsBetter.get(name) ?? true,
    onSample: addSample,
  });
  let count = 0;
  let firstError: SampleResultError | undefined;
  let finished = false;

  return {
    add(result) {
      if (finished) throw new BenchHubError('createResultsAccumulator: add() after finish()');
      count++;
      const totals = totalsOf(result.modelId);
      if (result.error !== undefined) {
        totals.errors++;
        firstError ??= result.error;
      }
      grouping.add(result);
    },

    finish() {
      if (finished) throw new BenchHubError('createResultsAccumulator: finish() was already called');
      finished = true;
      grouping.finish();
      const aggregates: MetricSummary[] = [];
      for (const [modelId, totals] of models) {
        metrics.forEach((metric, m) => {
          aggregates.push(metricSummary(modelId, metric, totals, m, level));
        });
      }
      return { aggregates, leaderboard: leaderboard.finish() };
    },

    get count() {
      return count;
    },
    get firstError() {
      return firstError;
    },
  };
}

/** The aggregate of one metric of one model. */
function metricSummary(
  modelId: string,
  metric: MetricV1,
  totals: ModelTotals,
  m: number,
  level: number,
): MetricSummary {
  const corpusItems = totals.items[m];
  const base = {
    modelId,
    metric: metric.name,
    errors: totals.errors,
    unscored: totals.unscored[m] as number,
  };
  if (corpusItems !== undefined && metric.corpus) {
    let out: ReturnType<NonNullable<MetricV1['corpus']>> | undefined;
    let error: string | undefined;
    try {
      out = corpusItems.length === 0 ? undefined : metric.corpus(corpusItems);
    } catch (e) {
      error = BenchHubError.isInstance(e) || e instanceof Error ? e.message : String(e);
    }
    const value = out !== undefined && Number.isFinite(out.value) ? out.value : null;
    return {
      ...base,
      ...(error === undefined ? {} : { error }),
      value,
      n: value === null ? 0 : (out as NonNullable<typeof out>).n,
      stderr: value === null ? null : ((out as NonNullable<typeof out>).stderr ?? null),
      ci: value === null ? null : corpusInterval(value, (out as NonNullable<typeof out>).stderr, level),
      aggregation: 'corpus',
    };
  }
  const summary = summarize((totals.values[m] as ValueList).toArray(), { confidenceLevel: level });
  return {
    ...base,
    value: summary.value,
    n: summary.n,
    stderr: summary.stderr,
    ci: summary.ci,
    aggregation: 'mean',
  };
}

/**
 * Aggregates a task's results per model × metric: repeats are reduced per sample, failed results are
 * counted in `errors` and left out of `n`, `mean` metrics get {@link summarize}'s stderr and interval
 * (Wilson for 0/1 scores), corpus metrics their own `corpus()` value over every successful output
 * (repeats included, whatever the reducer: pass@k needs them all), with a normal interval when they give
 * a stderr; a corpus metric that throws gets a `null` value and its message in `error`. Leaderboard
 * entries (model × language × subject × task type) are those `aggregateLeaderboard` gives for the reduced
 * per-sample scores of each `mean` metric. A wrapper over {@link createResultsAccumulator}.
 *
 * @example
 * ```ts
 * const { aggregates } = summarizeResults(results, { modelIds: ['m'], metrics: [getMetric('accuracy')] });
 * aggregates[0]; // { modelId: 'm', metric: 'accuracy', value: 0.8, n: 40, stderr: 0.064, ci: {…}, errors: 2, … }
 * ```
 */
export function summarizeResults(
  results: Iterable<SampleResult>,
  options: SummarizeResultsOptions,
): ResultsSummary {
  const accumulator = createResultsAccumulator(options);
  for (const result of results) accumulator.add(result);
  return accumulator.finish();
}

/**
 * Streams a task's stored results into a {@link createResultsAccumulator} and summarizes them, without
 * holding the results: what the engine reports after a run.
 *
 * @example
 * ```ts
 * const { aggregates, count, firstError } = await summarizeStoredResults(storage, task.id, { modelIds, metrics, repeats: 1 });
 * ```
 */
export async function summarizeStoredResults(
  storage: Pick<StorageV1, 'streamResults'>,
  taskId: string,
  options: SummarizeResultsOptions,
): Promise<StoredResultsSummary> {
  const accumulator = createResultsAccumulator(options);
  for await (const result of storage.streamResults({ taskId })) accumulator.add(result);
  const summary = accumulator.finish();
  return { ...summary, count: accumulator.count, firstError: accumulator.firstError };
}

/** A stored result as a corpus metric's output. The verdict is not stored: the metric's own 0/1 score is it. */
function storedOutput(r: SampleResult, metric: string): MetricOutput {
  const score = r.scores[metric];
  const output: MetricOutput = { text: r.output ?? '' };
  if (r.extracted !== undefined) output.extracted = r.extracted;
  if (score === 0 || score === 1) output.correct = score === 1;
  return output;
}

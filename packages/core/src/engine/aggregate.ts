import type { LeaderboardEntry } from '../domain/leaderboard.js';
import type { SampleResult } from '../domain/result.js';
import type { Sample } from '../domain/sample.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import type { MetricItem, MetricOutput, MetricV1 } from '../spec/metric.js';
import { aggregateLeaderboard, toStoredLeaderboardEntry } from '../statistics/leaderboard.js';
import { criticalZ } from '../statistics/normal.js';
import { type Interval, summarize } from '../statistics/summarize.js';
import type { MetricSummary } from './evaluation-result.js';
import { type ReducedSample, type RepeatReducer, reduceRepeats } from './reducers.js';

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
   * Repeats per sample in the plan. With 1, every model × sample has one result, which spares grouping.
   * Default: unknown (results are grouped).
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

interface ModelTotals {
  errors: number;
  /** Per metric (plan order): the reduced per-sample values. */
  values: number[][];
  /** Per metric: samples it could not score. */
  unscored: number[];
  /** Per metric: outputs for corpus-level metrics (`undefined` for the others). */
  items: (MetricItem[] | undefined)[];
  /** Results of each sample (`dataset \0 sampleId`) while grouping repeats. */
  samples: Map<string, SampleResult[]>;
}

function corpusInterval(value: number, stderr: number | undefined, level: number): Interval | null {
  if (stderr === undefined || !Number.isFinite(stderr)) return null;
  const z = criticalZ(level);
  return { lower: value - z * stderr, upper: value + z * stderr, level, method: 'normal' };
}

/**
 * Aggregates a task's results per model × metric: repeats are reduced per sample, failed results are
 * counted in `errors` and left out of `n`, `mean` metrics get {@link summarize}'s stderr and interval
 * (Wilson for 0/1 scores), corpus metrics their own `corpus()` value over every successful output
 * (repeats included, whatever the reducer: pass@k needs them all), with a normal interval when they give
 * a stderr; a corpus metric that throws gets a `null` value and its message in `error`. Leaderboard entries (model × language × subject × task type) come from
 * `aggregateLeaderboard` over the reduced per-sample scores of each `mean` metric.
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
  const reducer = options.reducer ?? 'mean';
  const level = options.confidenceLevel ?? 0.95;
  const { metrics } = options;
  const metricNames = metrics.map((m) => m.name);
  const higherIsBetter = new Map(metrics.map((m) => [m.name, m.higherIsBetter]));
  const better = (name: string) => higherIsBetter.get(name) ?? true;

  const models = new Map<string, ModelTotals>();
  const totalsOf = (modelId: string): ModelTotals => {
    let totals = models.get(modelId);
    if (totals === undefined) {
      totals = {
        errors: 0,
        values: metrics.map(() => []),
        unscored: metrics.map(() => 0),
        items: metrics.map((m) => (m.corpus ? [] : undefined)),
        samples: new Map(),
      };
      models.set(modelId, totals);
    }
    return totals;
  };
  for (const id of options.modelIds) totalsOf(id);

  /** Adds one sample's reduced scores (and its outputs for corpus metrics). */
  const addSample = (
    totals: ModelTotals,
    first: SampleResult,
    scores: ReducedSample['scores'],
    all: readonly SampleResult[] | undefined,
  ): void => {
    for (let m = 0; m < metricNames.length; m++) {
      const name = metricNames[m]!;
      const value = scores[name] ?? null;
      if (value === null) totals.unscored[m]!++;
      else totals.values[m]!.push(value);
      const corpusItems = totals.items[m];
      if (corpusItems === undefined) continue;
      const sample = options.sampleOf?.(first.datasetName, first.sampleId);
      if (sample === undefined) continue;
      for (const r of all ?? [first]) corpusItems.push({ sample, output: storedOutput(r, name) });
    }
  };

  // With one result per model × sample (no repeats) nothing needs grouping: the stored results are
  // their own reduced form, and the leaderboard reads them as they are.
  const single = options.repeats === 1;
  let reducedResults: SampleResult[];
  if (single) {
    reducedResults = Array.isArray(results) ? (results as SampleResult[]) : [...results];
    for (const result of reducedResults) {
      const totals = totalsOf(result.modelId);
      if (result.error !== undefined) {
        totals.errors++;
        continue;
      }
      addSample(totals, result, result.scores, undefined);
    }
  } else {
    reducedResults = [];
    for (const result of results) {
      const totals = totalsOf(result.modelId);
      if (result.error !== undefined) totals.errors++;
      const key = `${result.datasetName}\u0000${result.sampleId}`;
      const list = totals.samples.get(key);
      if (list === undefined) totals.samples.set(key, [result]);
      else list.push(result);
    }
    for (const totals of models.values()) {
      for (const list of totals.samples.values()) {
        if (list.length > 1) list.sort((a, b) => a.repeat - b.repeat);
        const ok = list.filter((r) => r.error === undefined);
        const reduced = reduceRepeats(ok, reducer, metricNames, better);
        if (reduced === undefined) {
          reducedResults.push(list[0]!);
          continue;
        }
        addSample(totals, list[0]!, reduced.scores, ok);
        reducedResults.push({ ...ok[0]!, repeat: 0, scores: reduced.scores });
      }
      totals.samples.clear();
    }
  }

  const aggregates: MetricSummary[] = [];
  for (const [modelId, totals] of models) {
    metrics.forEach((metric, m) => {
      const corpusItems = totals.items[m];
      const base = { modelId, metric: metric.name, errors: totals.errors, unscored: totals.unscored[m]! };
      if (corpusItems !== undefined && metric.corpus) {
        let out: ReturnType<NonNullable<MetricV1['corpus']>> | undefined;
        let error: string | undefined;
        try {
          out = corpusItems.length === 0 ? undefined : metric.corpus(corpusItems);
        } catch (e) {
          error = BenchHubError.isInstance(e) || e instanceof Error ? e.message : String(e);
        }
        const value = out !== undefined && Number.isFinite(out.value) ? out.value : null;
        aggregates.push({
          ...base,
          ...(error === undefined ? {} : { error }),
          value,
          n: value === null ? 0 : out!.n,
          stderr: value === null ? null : (out!.stderr ?? null),
          ci: value === null ? null : corpusInterval(value, out!.stderr, level),
          aggregation: 'corpus',
        });
        return;
      }
      const summary = summarize(totals.values[m]!, { confidenceLevel: level });
      aggregates.push({
        ...base,
        value: summary.value,
        n: summary.n,
        stderr: summary.stderr,
        ci: summary.ci,
        aggregation: 'mean',
      });
    });
  }

  const leaderboard: LeaderboardEntry[] = [];
  for (const metric of metrics) {
    if (metric.corpus) continue;
    const { entries } = aggregateLeaderboard(reducedResults, { metric: metric.name, confidenceLevel: level });
    for (const e of entries) leaderboard.push(toStoredLeaderboardEntry(e));
  }
  return { aggregates, leaderboard };
}

/** A stored result as a corpus metric's output. The verdict is not stored: the metric's own 0/1 score is it. */
function storedOutput(r: SampleResult, metric: string): MetricOutput {
  const score = r.scores[metric];
  const output: MetricOutput = { text: r.output ?? '' };
  if (r.extracted !== undefined) output.extracted = r.extracted;
  if (score === 0 || score === 1) output.correct = score === 1;
  return output;
}

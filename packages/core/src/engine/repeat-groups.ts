import type { SampleResult } from '../domain/result.js';
import { type RepeatReducer, reduceRepeats } from './reducers.js';

/** One sample's scores after its repeats were reduced; `undefined` when every repeat failed. */
export type ReducedScores = Readonly<Record<string, number | null>>;

/**
 * Receives a sample once its repeats are reduced. `first` is its first result by repeat index (for its
 * ids); `ok` its successful repeats sorted by repeat index, `undefined` when the sample had one result
 * (then `ok` is `[first]` if `scores` is defined).
 */
export type ReducedSampleHandler = (
  first: SampleResult,
  scores: ReducedScores | undefined,
  ok: readonly SampleResult[] | undefined,
) => void;

/** Options of {@link createRepeatGrouping}. */
export interface RepeatGroupingOptions {
  /**
   * Repeats per sample. With 1 every result is a sample of its own and nothing is held; with more a
   * sample is reduced as soon as its `repeats` results (failed ones included) are in. Unknown
   * (`undefined`): every sample is held until `finish()`.
   */
  repeats?: number | undefined;
  reducer: RepeatReducer;
  /** Metrics the reduced scores have. Default: every metric a successful repeat of the sample has. */
  metricNames?: readonly string[];
  /** Whether higher values of a metric are better (for `{ bestOf }`). */
  higherIsBetter: (metric: string) => boolean;
  onSample: ReducedSampleHandler;
}

/** Groups a stream of results by sample and hands each sample on once its repeats are reduced. */
export interface RepeatGrouping {
  add(result: SampleResult): void;
  /** Reduces the samples still held (incomplete or of unknown repeats), in order of first appearance. */
  finish(): void;
  /** Samples held, waiting for more repeats. */
  readonly pending: number;
}

function metricsOf(results: readonly SampleResult[]): string[] {
  const names = new Set<string>();
  for (const r of results) for (const name in r.scores) names.add(name);
  return [...names];
}

/**
 * Creates a {@link RepeatGrouping}: repeats of a sample (same model, dataset, sample id) are collected,
 * sorted by repeat index and reduced with `reduceRepeats` over their successful results. A storage streams
 * a task's results ordered by model, sample, repeat, so with known `repeats` only one sample per model is
 * held at a time.
 *
 * @example
 * ```ts
 * const grouping = createRepeatGrouping({ repeats: 3, reducer: 'mean', higherIsBetter: () => true, onSample });
 * for await (const r of storage.streamResults({ taskId })) grouping.add(r);
 * grouping.finish();
 * ```
 */
export function createRepeatGrouping(options: RepeatGroupingOptions): RepeatGrouping {
  const { reducer, metricNames, higherIsBetter, onSample } = options;
  const repeats =
    options.repeats !== undefined && Number.isInteger(options.repeats) && options.repeats >= 1
      ? options.repeats
      : undefined;
  const groups = new Map<string, SampleResult[]>();

  const reduce = (group: SampleResult[]): void => {
    if (group.length > 1) group.sort((a, b) => a.repeat - b.repeat);
    const ok = group.filter((r) => r.error === undefined);
    const reduced = reduceRepeats(ok, reducer, metricNames ?? metricsOf(ok), higherIsBetter);
    onSample(group[0] as SampleResult, reduced?.scores, reduced === undefined ? undefined : ok);
  };

  return {
    add(result) {
      if (repeats === 1) {
        onSample(result, result.error === undefined ? result.scores : undefined, undefined);
        return;
      }
      const key = `${result.modelId}\u0000${result.datasetName}\u0000${result.sampleId}`;
      const group = groups.get(key);
      if (group === undefined) {
        groups.set(key, [result]);
        return;
      }
      group.push(result);
      if (repeats !== undefined && group.length >= repeats) {
        groups.delete(key);
        reduce(group);
      }
    },
    finish() {
      for (const group of groups.values()) reduce(group);
      groups.clear();
    },
    get pending() {
      return groups.size;
    },
  };
}

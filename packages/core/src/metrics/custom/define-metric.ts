import type { Sample } from '../../domain/sample.js';
import { BenchHubError } from '../../errors/benchhub-error.js';
import type { MetricAggregate, MetricOutput, MetricRequirement, MetricV1 } from '../../spec/metric.js';
import { meanWithStderr } from './mean-aggregate.js';

/** Built-in ways to summarise the per-sample scores of a metric made with {@link defineMetric}. */
export type BuiltinMetricAggregation = 'mean' | 'sum' | 'median' | 'min' | 'max';

/**
 * A user's own aggregation: returns the summary, or just the value (then `n` is the count of values
 * and no standard error is reported).
 */
export type MetricAggregateFunction = (values: readonly number[]) => MetricAggregate | number;

/** What {@link defineMetric} needs. */
export interface DefineMetricOptions {
  /** Unique metric name, the key of the score in results and on the leaderboard. */
  name: string;
  /** Whether a larger value is better. */
  higherIsBetter: boolean;
  /**
   * Scores one sample: a finite number, or `null` when the sample cannot be scored (excluded from the
   * aggregate, never counted as 0). May be async (e.g. a judge or an embedding call).
   */
  score: (sample: Sample, output: MetricOutput) => number | null | Promise<number | null>;
  /** How scores are summarised. Default `mean`, with the standard error of the mean. */
  aggregate?: BuiltinMetricAggregation | MetricAggregateFunction;
  /** Inputs the metric needs, checked before a run starts. Default none. */
  requires?: readonly MetricRequirement[];
}

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function median(values: readonly number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const BUILTIN_AGGREGATES: Record<BuiltinMetricAggregation, (values: readonly number[]) => MetricAggregate> = {
  mean: meanWithStderr,
  sum: (values) => ({ value: values.reduce((a, b) => a + b, 0), n: values.length }),
  median: (values) => ({ value: median(values), n: values.length }),
  min: (values) => ({ value: values.reduce((a, b) => Math.min(a, b)), n: values.length }),
  max: (values) => ({ value: values.reduce((a, b) => Math.max(a, b)), n: values.length }),
};

function checkScore(name: string, sample: Sample, value: unknown): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const shown = typeof value === 'number' ? String(value) : typeof value;
    throw new BenchHubError(
      `metric "${name}": score of sample "${sample.id}" is ${shown}; return a finite number, or null to skip the sample`,
    );
  }
  return value;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function resolveAggregate(
  name: string,
  aggregate: DefineMetricOptions['aggregate'],
): (values: readonly number[]) => MetricAggregate {
  if (aggregate === undefined) return meanWithStderr;
  if (typeof aggregate === 'string') {
    const builtin = BUILTIN_AGGREGATES[aggregate];
    if (builtin === undefined) {
      throw new BenchHubError(
        `defineMetric("${name}"): unknown aggregate "${aggregate}"; use one of ${Object.keys(BUILTIN_AGGREGATES).join(', ')} or a function`,
      );
    }
    return builtin;
  }
  if (typeof aggregate !== 'function') {
    throw new BenchHubError(`defineMetric("${name}"): aggregate must be a name or a function`);
  }
  return (values) => {
    const result = aggregate(values);
    const summary = typeof result === 'number' ? { value: result, n: values.length } : result;
    if (typeof summary !== 'object' || summary === null || typeof summary.value !== 'number') {
      throw new BenchHubError(
        `metric "${name}": aggregate returned ${typeof result}; return a number or { value, n, stderr? }`,
      );
    }
    return summary;
  };
}

/**
 * Makes a `MetricV1` from a scoring function, for a metric of your own. Scores are checked (a
 * non-finite number is an error naming the metric and the sample; `null` skips the sample) and
 * summarised by `aggregate`: by default the mean with its standard error.
 *
 * @example
 * ```ts
 * const mentionsSeoul = defineMetric({
 *   name: 'mentions_seoul',
 *   higherIsBetter: true,
 *   score: (_sample, output) => (output.text.includes('서울') ? 1 : 0),
 * });
 * mentionsSeoul.aggregate([1, 0, 1, 1]); // { value: 0.75, stderr: 0.25, n: 4 }
 *
 * const worstCase = defineMetric({
 *   name: 'min_f1', higherIsBetter: true, requires: ['references'], aggregate: 'min',
 *   score: (sample, output) => (sample.references ? squadF1(output.text, sample.references) : null),
 * });
 * ```
 */
export function defineMetric(options: DefineMetricOptions): MetricV1 {
  if (typeof options !== 'object' || options === null) {
    throw new BenchHubError('defineMetric: expected an options object { name, higherIsBetter, score }');
  }
  const { name, higherIsBetter, score } = options;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new BenchHubError('defineMetric: name must be a non-empty string');
  }
  if (typeof higherIsBetter !== 'boolean') {
    throw new BenchHubError(`defineMetric("${name}"): higherIsBetter must be true or false`);
  }
  if (typeof score !== 'function') {
    throw new BenchHubError(
      `defineMetric("${name}"): score must be a function (sample, output) => number | null`,
    );
  }
  const aggregate = resolveAggregate(name, options.aggregate);
  return {
    specificationVersion: 'v1',
    name,
    higherIsBetter,
    requires: [...(options.requires ?? [])],
    score(sample, output) {
      const value = score(sample, output);
      if (isPromiseLike(value)) return Promise.resolve(value).then((v) => checkScore(name, sample, v));
      return checkScore(name, sample, value);
    },
    aggregate(values) {
      if (values.length === 0) {
        throw new BenchHubError(
          `metric "${name}": nothing to aggregate (every sample was skipped or failed)`,
        );
      }
      return aggregate(values);
    },
  };
}

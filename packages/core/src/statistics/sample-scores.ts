import type { SampleResult } from '../domain/result.js';

/** The identity of a sample across models: its dataset and id. */
export function sampleIdentity(result: Pick<SampleResult, 'datasetName' | 'sampleId'>): string {
  return JSON.stringify([result.datasetName, result.sampleId]);
}

/** Why results were left out of an aggregate. */
export interface ExcludedCounts {
  /** Results with an error: a failed call is never a score. */
  failed: number;
  /** Results without a score for the metric (`null` or absent, e.g. no logprobs). */
  unscored: number;
}

/** One sample's score for one model: the mean over its scored repeats. @internal */
export interface SampleScore {
  key: string;
  value: number;
  /** Scored repeats averaged into `value`. */
  repeats: number;
  /** The newest `createdAt` of the results averaged. */
  updatedAt: Date;
  /** A result of the sample (the first scored one), for its labels. */
  result: SampleResult;
}

/**
 * Per-sample scores of one metric: results with an error or no score for the metric are counted and
 * skipped, and the repeats of a sample are averaged (Miller 2024 §3.1: resampling a question reduces
 * the variance of its score; the question stays the unit of analysis). Keys are
 * `[datasetName, sampleId]`; `keyOf` may add grouping fields (the model).
 * @internal
 */
export function collectSampleScores(
  results: Iterable<SampleResult>,
  metric: string,
  keyOf: (result: SampleResult) => string = sampleIdentity,
): { scores: Map<string, SampleScore>; excluded: ExcludedCounts; seen: Set<string> } {
  const sums = new Map<string, { sum: number; repeats: number; updatedAt: Date; result: SampleResult }>();
  const excluded: ExcludedCounts = { failed: 0, unscored: 0 };
  const seen = new Set<string>();
  for (const result of results) {
    const key = keyOf(result);
    seen.add(key);
    if (result.error !== undefined) {
      excluded.failed++;
      continue;
    }
    const value = result.scores[metric];
    if (value === undefined || value === null) {
      excluded.unscored++;
      continue;
    }
    const entry = sums.get(key);
    if (entry === undefined) {
      sums.set(key, { sum: value, repeats: 1, updatedAt: result.createdAt, result });
    } else {
      entry.sum += value;
      entry.repeats++;
      if (result.createdAt > entry.updatedAt) entry.updatedAt = result.createdAt;
    }
  }
  const scores = new Map<string, SampleScore>();
  for (const [key, e] of sums) {
    scores.set(key, {
      key,
      value: e.sum / e.repeats,
      repeats: e.repeats,
      updatedAt: e.updatedAt,
      result: e.result,
    });
  }
  return { scores, excluded, seen };
}

import type { SampleResult } from '../domain/result.js';
import { BenchHubError } from '../errors/benchhub-error.js';

/**
 * How the repeats of one sample become the sample's score (failed repeats are left out):
 * - `mean`: each metric's mean over the repeats;
 * - `majority`: self-consistency, the answer extracted most often wins (ties: the earliest repeat) and
 *   the sample takes the scores of the first repeat that gave it;
 * - `{ bestOf: metric }`: best-of-n, the repeat with the best value of that metric (a judge score, for
 *   instance; ties: the earliest repeat).
 *
 * Reducers apply to per-sample metrics. Corpus-level metrics (BLEU, chrF, F1, pass@k) are computed over
 * every successful output, repeats included: pass@k needs no reducer, it reads every repeat itself.
 */
export type RepeatReducer = 'mean' | 'majority' | { bestOf: string };

/** A sample's repeats reduced: its scores, and the outputs corpus-level metrics should see. */
export interface ReducedSample {
  /** One value per metric; `null` when no repeat had a score for it. */
  scores: Record<string, number | null>;
  /** Every successful repeat for `mean`; the chosen repeat for `majority` and best-of-n. */
  chosen: readonly SampleResult[];
}

/** Throws a `BenchHubError` unless `reducer` is a valid {@link RepeatReducer} for these metrics. */
export function assertReducer(reducer: RepeatReducer, metricNames: readonly string[]): void {
  if (reducer === 'mean' || reducer === 'majority') return;
  if (typeof reducer === 'object' && reducer !== null && typeof reducer.bestOf === 'string') {
    if (!metricNames.includes(reducer.bestOf)) {
      throw new BenchHubError(
        `reducer bestOf "${reducer.bestOf}" is not a metric of the plan (metrics: ${metricNames.join(', ')})`,
      );
    }
    return;
  }
  throw new BenchHubError(
    `reducer must be 'mean', 'majority' or { bestOf: '<metric>' }, got ${JSON.stringify(reducer)}`,
  );
}

function answerOf(result: SampleResult): string {
  return (result.extracted ?? result.output ?? '').trim();
}

function majority(repeats: readonly SampleResult[]): SampleResult {
  const counts = new Map<string, number>();
  let best = repeats[0]!;
  let bestCount = 0;
  for (const r of repeats) {
    const answer = answerOf(r);
    const count = (counts.get(answer) ?? 0) + 1;
    counts.set(answer, count);
    if (count > bestCount) {
      bestCount = count;
      best = repeats.find((x) => answerOf(x) === answer)!;
    }
  }
  return best;
}

function bestOf(repeats: readonly SampleResult[], metric: string, higherIsBetter: boolean): SampleResult {
  let best = repeats[0]!;
  let bestValue: number | null | undefined = best.scores[metric];
  for (const r of repeats) {
    const v = r.scores[metric];
    if (v === null || v === undefined) continue;
    if (bestValue === null || bestValue === undefined || (higherIsBetter ? v > bestValue : v < bestValue)) {
      best = r;
      bestValue = v;
    }
  }
  return best;
}

/**
 * Reduces the successful repeats of one sample (sorted by repeat index) to one score per metric.
 * Returns `undefined` when no repeat succeeded.
 *
 * @example
 * ```ts
 * reduceRepeats(repeats, 'majority', ['accuracy'], () => true)?.scores.accuracy; // 1
 * ```
 */
export function reduceRepeats(
  repeats: readonly SampleResult[],
  reducer: RepeatReducer,
  metricNames: readonly string[],
  higherIsBetter: (metric: string) => boolean,
): ReducedSample | undefined {
  if (repeats.length === 0) return undefined;
  if (repeats.length === 1 || reducer !== 'mean') {
    const chosen =
      repeats.length === 1
        ? repeats[0]!
        : reducer === 'majority'
          ? majority(repeats)
          : bestOf(
              repeats,
              (reducer as { bestOf: string }).bestOf,
              higherIsBetter((reducer as { bestOf: string }).bestOf),
            );
    const scores: Record<string, number | null> = {};
    for (const name of metricNames) scores[name] = chosen.scores[name] ?? null;
    return { scores, chosen: [chosen] };
  }
  const scores: Record<string, number | null> = {};
  for (const name of metricNames) {
    let sum = 0;
    let n = 0;
    for (const r of repeats) {
      const v = r.scores[name];
      if (v === null || v === undefined) continue;
      sum += v;
      n++;
    }
    scores[name] = n === 0 ? null : sum / n;
  }
  return { scores, chosen: repeats };
}

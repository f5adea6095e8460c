import type { ConfidenceInterval, LeaderboardEntry } from '../domain/leaderboard.js';
import type { SampleResult } from '../domain/result.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { type CompareOptions, compareModels } from './compare.js';
import { holmBonferroni } from './holm.js';
import { normalCdf } from './normal.js';
import { collectSampleScores } from './sample-scores.js';
import { summarize } from './summarize.js';

/** What {@link rankModels} ranks from a leaderboard: one entry per model, all of the same cell. */
export type RankableEntry = Pick<LeaderboardEntry, 'modelName' | 'score' | 'n' | 'stderr'> &
  Partial<Pick<LeaderboardEntry, 'language' | 'subjectType' | 'taskType' | 'metric'>> & {
    ci?: ConfidenceInterval | null;
  };

/** Options of {@link rankModels}. */
export interface RankOptions extends CompareOptions {
  /**
   * Correction for the adjacent comparisons (one per neighbouring pair): `holm` (default) controls the
   * chance of any false separation across the whole ranking; `none` tests each pair at `1 − level`.
   */
  adjust?: 'holm' | 'none';
}

/** A model's place on a leaderboard. */
export interface RankedModel {
  modelName: string;
  /**
   * Competition rank with ties: 1 for the first model; a model that is not separable from the one above
   * shares its rank; one that is separable takes its position (1, 1, 3, …).
   */
  rank: number;
  score: number;
  n: number;
  stderr: number | null;
  ci: ConfidenceInterval | null;
  /** Whether this model scores significantly higher than the next one down; `null` for the last. */
  separableFromNext: boolean | null;
  /** The (adjusted) p-value of the comparison with the next model; `null` for the last, or when unknown. */
  pValueVsNext: number | null;
  /** The test behind `separableFromNext`: a paired test on per-sample scores, or `z-test` on entries. */
  test: 'mcnemar-exact' | 'permutation-exact' | 'permutation' | 'z-test' | null;
}

function isSampleResult(value: unknown): value is SampleResult {
  return typeof value === 'object' && value !== null && 'sampleId' in value && 'modelId' in value;
}

/**
 * Ranks models, best first, and says where the ranking is not supported by the data so a leaderboard
 * can show ties. Neighbours in score order are compared at `confidenceLevel` (0.95 by default, i.e.
 * α = 0.05), with Holm's correction over the neighbouring pairs unless `adjust: 'none'`:
 *
 * - from per-sample results (`SampleResult[]`, one slice, several models): each model's score is the
 *   mean of its per-sample scores (repeats averaged, failures left out) and neighbours are compared with
 *   a paired test on the same samples ({@link compareModels}: McNemar's exact test for 0/1 scores, the
 *   sign-flip permutation test otherwise). Models must share their sample set.
 * - from leaderboard entries (one per model, same language/subject/task type/metric): an unpaired
 *   two-sided z-test `z = (s₁ − s₂) / √(se₁² + se₂²)`, weaker than a paired test since it cannot cancel
 *   per-question difficulty; a model without a stderr is never separable. (Non-overlap of two 95% CIs
 *   would be stricter still, roughly a test at level 0.994.)
 *
 * Ranks chain: if A ≈ B and B ≈ C, all three share rank 1 even when A and C differ.
 *
 * @example
 * ```ts
 * rankModels([
 *   { modelName: 'a', score: 0.81, n: 500, stderr: 0.0175 },
 *   { modelName: 'b', score: 0.80, n: 500, stderr: 0.0179 },
 *   { modelName: 'c', score: 0.60, n: 500, stderr: 0.0219 },
 * ]).map((m) => m.rank); // [1, 1, 3]
 * ```
 */
export function rankModels(
  input: readonly RankableEntry[] | Iterable<SampleResult>,
  options: RankOptions = {},
): RankedModel[] {
  const items = [...input] as unknown[];
  if (items.length === 0) return [];
  const level = options.confidenceLevel ?? 0.95;
  const alpha = 1 - level;
  return items.every(isSampleResult)
    ? rankFromResults(items, options, alpha)
    : rankFromEntries(items as RankableEntry[], options, alpha);
}

interface Row {
  modelName: string;
  score: number;
  n: number;
  stderr: number | null;
  ci: ConfidenceInterval | null;
}

function byScore(x: Row, y: Row): number {
  return y.score - x.score || (x.modelName < y.modelName ? -1 : x.modelName > y.modelName ? 1 : 0);
}

function finish(
  rows: Row[],
  comparisons: { pValue: number | null; test: RankedModel['test'] }[],
  options: RankOptions,
  alpha: number,
): RankedModel[] {
  const known = comparisons.map((c, i) => [i, c.pValue] as const).filter(([, p]) => p !== null);
  const adjusted = comparisons.map((c) => c.pValue);
  if (options.adjust !== 'none' && known.length > 0) {
    const holm = holmBonferroni(
      known.map(([, p]) => p as number),
      alpha,
    ).adjusted;
    known.forEach(([i], j) => {
      adjusted[i] = holm[j] as number;
    });
  }
  const ranked: RankedModel[] = [];
  rows.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = previous === undefined ? 1 : previous.separableFromNext ? i + 1 : previous.rank;
    const p = i < comparisons.length ? (adjusted[i] ?? null) : null;
    ranked.push({
      ...row,
      rank,
      separableFromNext:
        i < comparisons.length ? p !== null && p <= alpha && rows[i + 1]!.score < row.score : null,
      pValueVsNext: p,
      test: i < comparisons.length ? (comparisons[i]?.test ?? null) : null,
    });
  });
  return ranked;
}

function rankFromEntries(
  entries: readonly RankableEntry[],
  options: RankOptions,
  alpha: number,
): RankedModel[] {
  const seen = new Set<string>();
  const cellFields = ['language', 'subjectType', 'taskType', 'metric'] as const;
  const first = entries[0] as RankableEntry;
  for (const e of entries) {
    if (seen.has(e.modelName)) {
      throw new BenchHubError(
        `rankModels: model "${e.modelName}" has more than one entry; rank the entries of one leaderboard cell (filter by language, subject, task type and metric first)`,
      );
    }
    seen.add(e.modelName);
    for (const field of cellFields) {
      if (e[field] !== undefined && first[field] !== undefined && e[field] !== first[field]) {
        throw new BenchHubError(
          `rankModels: entries mix ${field} "${first[field]}" and "${e[field]}"; rank the entries of one leaderboard cell`,
        );
      }
    }
  }
  const rows: Row[] = entries
    .map((e) => ({ modelName: e.modelName, score: e.score, n: e.n, stderr: e.stderr, ci: e.ci ?? null }))
    .sort(byScore);
  const comparisons = rows.slice(0, -1).map((row, i) => {
    const next = rows[i + 1] as Row;
    if (row.stderr === null || next.stderr === null) return { pValue: null, test: 'z-test' as const };
    const se = Math.sqrt(row.stderr ** 2 + next.stderr ** 2);
    const diff = row.score - next.score;
    const pValue = se === 0 ? (diff === 0 ? 1 : 0) : 2 * normalCdf(-Math.abs(diff) / se);
    return { pValue, test: 'z-test' as const };
  });
  return finish(rows, comparisons, options, alpha);
}

function rankFromResults(
  results: readonly SampleResult[],
  options: RankOptions,
  alpha: number,
): RankedModel[] {
  const metric = options.metric ?? 'accuracy';
  const byModel = new Map<string, SampleResult[]>();
  for (const r of results) {
    const list = byModel.get(r.modelId);
    if (list === undefined) byModel.set(r.modelId, [r]);
    else list.push(r);
  }
  const rows: (Row & { results: SampleResult[] })[] = [];
  for (const [modelName, list] of byModel) {
    const values = [...collectSampleScores(list, metric).scores.values()].map((s) => s.value);
    if (values.length === 0) {
      throw new BenchHubError(
        `rankModels: model "${modelName}" has no "${metric}" scores (every result failed or is unscored)`,
      );
    }
    const summary = summarize(values, {
      ...(options.kind === undefined ? {} : { kind: options.kind }),
      ...(options.confidenceLevel === undefined ? {} : { confidenceLevel: options.confidenceLevel }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
    });
    rows.push({
      modelName,
      score: summary.value as number,
      n: summary.n,
      stderr: summary.stderr,
      ci: summary.ci,
      results: list,
    });
  }
  rows.sort(byScore);
  const comparisons = rows.slice(0, -1).map((row, i) => {
    const c = compareModels(row.results, (rows[i + 1] as (typeof rows)[number]).results, {
      ...options,
      withInterval: false,
    });
    return { pValue: c.pValue, test: c.test };
  });
  return finish(
    rows.map(({ results: _results, ...row }) => row),
    comparisons,
    options,
    alpha,
  );
}

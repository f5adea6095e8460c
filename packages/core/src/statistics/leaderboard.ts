import { mulberry32, type Prng, randomBelow } from '../datasets/sampling/prng.js';
import type { LeaderboardEntry } from '../domain/leaderboard.js';
import type { SampleResult } from '../domain/result.js';
import { coarseSubject } from '../taxonomy/resolve.js';
import { binomialSampler } from './binomial-sampler.js';
import { type BootstrapOptions, percentileInterval, resolveBootstrap } from './bootstrap.js';
import { meanStderr } from './descriptive.js';
import { aggregateSubtaskMetrics, pooledSampleStderr, stratifiedStderr } from './group-aggregate.js';
import {
  createLabelInterner,
  createLabelResolver,
  type LeaderboardLabels,
  type ResolvedLabels,
} from './leaderboard-labels.js';
import { collectSampleScores, type ExcludedCounts } from './sample-scores.js';
import { type Interval, isBinary, type ScoreKind, summarize } from './summarize.js';
import { createValueList, type ValueList } from './value-list.js';

/**
 * How a coarse subject's score combines its fine subjects: `size` weights each by its number of samples
 * (lm-evaluation-harness's `weight_by_size: true`, its default; equal to the mean over the samples),
 * `mean` is the plain mean of the fine subjects' scores (each subject counts once).
 */
export type RollupWeighting = 'size' | 'mean';

/**
 * The stderr of a rolled-up score: `pooled` is lm-evaluation-harness's `pooled_sample_stderr`, which it
 * reports for both weightings; `stratified` is `√(Σ wᵢ²·seᵢ²)` with the weights actually used.
 */
export type RollupStderr = 'pooled' | 'stratified';

/** Options of {@link aggregateLeaderboard}. */
export interface LeaderboardOptions extends BootstrapOptions {
  /** The metric aggregated; `accuracy` by default. */
  metric?: string;
  /** Detected when absent: `proportion` when every score of the metric is 0 or 1 (after averaging repeats). */
  kind?: ScoreKind;
  /** Which rolled-up score a coarse entry's `score` is; `size` by default (both are in `rollup`). */
  weighting?: RollupWeighting;
  /** Stderr of rolled-up scores; `pooled` (lm-evaluation-harness) by default. */
  rollupStderr?: RollupStderr;
  /** Task type of results that have none; without it such results are left out and counted. */
  defaultTaskType?: string;
}

/** A rolled-up score with its uncertainty. */
export interface RollupAggregate {
  score: number;
  stderr: number | null;
  ci: Interval | null;
}

/** A leaderboard entry built from sample results, with how it was computed. */
export interface AggregatedLeaderboardEntry extends LeaderboardEntry {
  /** `fine` for a fine subject (`HASS/History`), `coarse` for a roll-up (`HASS`). */
  level: 'fine' | 'coarse';
  ci: Interval | null;
  /** Coarse entries: the sub-groups rolled up and both weightings. */
  rollup?: { groups: number; size: RollupAggregate; mean: RollupAggregate };
}

/**
 * The entry to store for an aggregated one: the leaderboard fields only (no `level` or `rollup`), with
 * `source: 'evaluation'`. What the engine upserts after a run and what `rebuildLeaderboard` recomputes.
 */
export function toStoredLeaderboardEntry(e: AggregatedLeaderboardEntry): LeaderboardEntry {
  return {
    modelName: e.modelName,
    metric: e.metric,
    language: e.language,
    subjectType: e.subjectType,
    taskType: e.taskType,
    score: e.score,
    n: e.n,
    stderr: e.stderr,
    ci: e.ci === null ? null : { lower: e.ci.lower, upper: e.ci.upper, level: e.ci.level },
    updatedAt: e.updatedAt,
    source: 'evaluation',
  };
}

/** Results left out of a leaderboard, by reason. */
export interface LeaderboardExclusions extends ExcludedCounts {
  /** Scored samples none of whose subjects is in the taxonomy. */
  unknownSubject: number;
  /** Scored samples without a task type (and no `defaultTaskType`). */
  missingTaskType: number;
}

/** The outcome of {@link aggregateLeaderboard}. */
export interface LeaderboardAggregation {
  /** Fine and coarse entries, sorted by model, language, subject (coarse before its fine subjects), task type. */
  entries: AggregatedLeaderboardEntry[];
  excluded: LeaderboardExclusions;
  kind: ScoreKind;
}

/** Feeds per-sample scores of one metric into leaderboard entries; see {@link createLeaderboardBuilder}. */
export interface LeaderboardBuilder {
  /**
   * Adds one sample's score (repeats already reduced) with the labels of the sample; `updatedAt` is when
   * the result was made. A sample without a task type or a known subject is counted in `excluded`.
   */
  add(modelId: string, labels: LeaderboardLabels, value: number, updatedAt: Date): void;
  /** Counts results left out before reaching the builder: failed, or without a score for the metric. */
  exclude(reason: keyof ExcludedCounts, count?: number): void;
  /** The entries of everything added so far (see {@link aggregateLeaderboard}). */
  finish(): LeaderboardAggregation;
}

interface Leaf {
  model: string;
  language: string;
  subject: string;
  taskType: string;
  values: ValueList;
  updatedAt: Date;
}

/** A leaf with its values as an array, while its coarse group is summarized. */
interface FilledLeaf extends Omit<Leaf, 'values'> {
  values: number[];
}

function newer(a: Date, b: Date): Date {
  return b > a ? b : a;
}

/**
 * Creates the streaming form of {@link aggregateLeaderboard}: samples are added one at a time and only
 * their values are kept (per leaf cell, model × language × subject × task type, a list of doubles); each
 * distinct label set is resolved once. `finish()` gives exactly what `aggregateLeaderboard` gives for the
 * same samples added in the same order.
 *
 * @example
 * ```ts
 * const builder = createLeaderboardBuilder({ metric: 'accuracy' });
 * builder.add('m', { language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' }, 1, new Date());
 * builder.exclude('failed');
 * builder.finish().entries; // HASS/History and its coarse roll-up HASS
 * ```
 */
export function createLeaderboardBuilder(options: LeaderboardOptions = {}): LeaderboardBuilder {
  const { level, seed, resamples } = resolveBootstrap(options, 'createLeaderboardBuilder');
  const metric = options.metric ?? 'accuracy';
  const labelsOf = createLabelResolver(options.defaultTaskType);
  const exclusions: LeaderboardExclusions = { failed: 0, unscored: 0, unknownSubject: 0, missingTaskType: 0 };
  let added = 0;
  let binary = true;
  const leaves = new Map<string, Leaf>();
  /** Per model, per resolved label set: the leaves a sample of it joins. */
  const targets = new Map<string, Map<ResolvedLabels, Leaf[]>>();

  const leafOf = (model: string, language: string, subject: string, taskType: string, at: Date): Leaf => {
    const key = `${model}\u0000${language}\u0000${subject}\u0000${taskType}`;
    let leaf = leaves.get(key);
    if (leaf === undefined) {
      leaf = { model, language, subject, taskType, values: createValueList(), updatedAt: at };
      leaves.set(key, leaf);
    }
    return leaf;
  };

  return {
    add(modelId, labels, value, updatedAt) {
      added++;
      if (binary && value !== 0 && value !== 1) binary = false;
      const resolved = labelsOf.resolve(labels);
      const { taskType } = resolved;
      if (taskType === undefined) {
        exclusions.missingTaskType++;
        return;
      }
      if (resolved.subjects.length === 0) {
        exclusions.unknownSubject++;
        return;
      }
      let byLabels = targets.get(modelId);
      if (byLabels === undefined) {
        byLabels = new Map();
        targets.set(modelId, byLabels);
      }
      let joined = byLabels.get(resolved);
      if (joined === undefined) {
        joined = resolved.subjects.map((s) => leafOf(modelId, resolved.language, s, taskType, updatedAt));
        byLabels.set(resolved, joined);
      }
      for (const leaf of joined) {
        leaf.values.push(value);
        leaf.updatedAt = newer(leaf.updatedAt, updatedAt);
      }
    },

    exclude(reason, count = 1) {
      exclusions[reason] += count;
    },

    finish() {
      const kind: ScoreKind = options.kind ?? (added > 0 && binary ? 'proportion' : 'continuous');
      const summarizeOptions = { kind, confidenceLevel: level, seed, resamples };
      const entries: AggregatedLeaderboardEntry[] = [];
      const coarseGroups = new Map<string, Leaf[]>();
      for (const leaf of leaves.values()) {
        const coarse = labelsOf.coarseOf(leaf.subject);
        const key = `${leaf.model}\u0000${leaf.language}\u0000${coarse}\u0000${leaf.taskType}`;
        const group = coarseGroups.get(key);
        if (group === undefined) coarseGroups.set(key, [leaf]);
        else group.push(leaf);
      }
      // One coarse group's values are arrays at a time. Every interval is seeded on its own, so the
      // order entries are computed in changes nothing.
      for (const group of coarseGroups.values()) {
        const filled = group.map((leaf): FilledLeaf => ({ ...leaf, values: leaf.values.toArray() }));
        for (const leaf of filled) {
          if (labelsOf.coarseOf(leaf.subject) === leaf.subject) continue;
          const summary = summarize(leaf.values, summarizeOptions);
          entries.push({
            modelName: leaf.model,
            metric,
            language: leaf.language,
            subjectType: leaf.subject,
            taskType: leaf.taskType,
            score: summary.value as number,
            n: summary.n,
            stderr: summary.stderr,
            ci: summary.ci,
            updatedAt: leaf.updatedAt,
            source: 'evaluation',
            level: 'fine',
          });
        }
        entries.push(coarseEntry(filled, metric, summarizeOptions, options));
      }

      const sortKey = (e: AggregatedLeaderboardEntry) =>
        JSON.stringify([e.modelName, e.language, e.subjectType, e.taskType]);
      entries.sort((x, y) => {
        const a = sortKey(x);
        const b = sortKey(y);
        return a < b ? -1 : a > b ? 1 : 0;
      });
      return { entries, excluded: { ...exclusions }, kind };
    },
  };
}

/** The coarse entry rolling up a group of leaves (see {@link aggregateLeaderboard}, point 3). */
function coarseEntry(
  group: readonly FilledLeaf[],
  metric: string,
  summarizeOptions: { kind: ScoreKind; confidenceLevel: number; seed: number; resamples: number },
  options: LeaderboardOptions,
): AggregatedLeaderboardEntry {
  const { confidenceLevel: level, seed, resamples } = summarizeOptions;
  const first = group[0] as FilledLeaf;
  const sizes = group.map((g) => g.values.length);
  const means = group.map((g) => g.values.reduce((s, v) => s + v, 0) / g.values.length);
  const stderrs = group.map((g) => meanStderr(g.values));
  const pooled = pooledSampleStderr(stderrs, sizes);
  const stderrOf = (bySize: boolean) =>
    options.rollupStderr === 'stratified' ? stratifiedStderr(stderrs, sizes, bySize) : pooled;
  const together = summarize(
    group.length === 1 ? first.values : group.flatMap((g) => g.values),
    summarizeOptions,
  );
  const size: RollupAggregate = {
    score: aggregateSubtaskMetrics(means, sizes, true),
    stderr: stderrOf(true),
    ci: together.ci,
  };
  const mean: RollupAggregate =
    group.length === 1
      ? size
      : {
          score: aggregateSubtaskMetrics(means, sizes, false),
          stderr: stderrOf(false),
          ci: stratifiedBootstrapOfMeans(
            group.map((g) => g.values),
            level,
            seed,
            resamples,
          ),
        };
  const chosen = options.weighting === 'mean' ? mean : size;
  return {
    modelName: first.model,
    metric,
    language: first.language,
    subjectType: coarseSubject(first.subject) ?? first.subject,
    taskType: first.taskType,
    score: chosen.score,
    n: sizes.reduce((s, n) => s + n, 0),
    stderr: chosen.stderr,
    ci: chosen.ci,
    updatedAt: group.reduce((d, g) => newer(d, g.updatedAt), first.updatedAt),
    source: 'evaluation',
    level: 'coarse',
    rollup: { groups: group.length, size, mean },
  };
}

/**
 * Builds leaderboard entries (model × language × subject × task type) from per-sample results, for one
 * metric:
 *
 * 1. A result with an error, or without a score for the metric, is left out and counted (`excluded`):
 *    never a 0. Repeats of a sample are averaged first (the sample is the unit).
 * 2. Fine entries: every canonical fine subject of a sample (a sample with two subjects counts in both)
 *    gets the sample's score; score = mean, stderr = `sampleStddev/√n`, ci = Wilson (0/1 scores) or seeded
 *    bootstrap percentile (see {@link summarize}).
 * 3. Coarse entries roll the fine subjects up to their coarse subject (`coarseSubject`), both ways
 *    (`rollup.size` and `rollup.mean`, see {@link RollupWeighting}); `n` is the sum of the fine subjects'
 *    sizes, as lm-evaluation-harness counts `samples`. Stderr: {@link pooledSampleStderr} by default.
 *    CI of the size-weighted score: that of all the sub-groups' samples together (Wilson or bootstrap);
 *    of the plain mean: a stratified bootstrap (resampling within each fine subject), seeded.
 *    A sample labelled with a coarse subject only joins its coarse entry as a sub-group of its own.
 *
 * `updatedAt` is the newest `createdAt` among the results behind an entry. The streaming form is
 * {@link createLeaderboardBuilder}.
 *
 * @example
 * ```ts
 * const { entries, excluded } = aggregateLeaderboard(results, { metric: 'accuracy', seed: 1 });
 * entries.find((e) => e.subjectType === 'HASS')?.rollup; // { groups, size: {...}, mean: {...} }
 * excluded.failed; // results whose call failed
 * ```
 */
export function aggregateLeaderboard(
  results: Iterable<SampleResult>,
  options: LeaderboardOptions = {},
): LeaderboardAggregation {
  resolveBootstrap(options, 'aggregateLeaderboard');
  const metric = options.metric ?? 'accuracy';
  const { scores, excluded } = collectSampleScores(
    results,
    metric,
    (r) => `${r.modelId}\u0000${r.datasetName}\u0000${r.sampleId}`,
  );
  const builder = createLeaderboardBuilder(options);
  builder.exclude('failed', excluded.failed);
  builder.exclude('unscored', excluded.unscored);
  // Labels repeat across thousands of results: share them so each distinct set is resolved once.
  const intern = createLabelInterner();
  for (const score of scores.values()) {
    builder.add(score.result.modelId, intern(score.result.labels), score.value, score.updatedAt);
  }
  return builder.finish();
}

/**
 * Percentile interval of the plain mean of group means, resampling within each group (the groups are
 * fixed strata; their sizes do not change between resamples). A 0/1 group is resampled by drawing its
 * number of ones from Binomial(n, k/n), the exact distribution of that count under resampling, which
 * costs one draw instead of n; other groups resample their values.
 */
function stratifiedBootstrapOfMeans(
  groups: readonly (readonly number[])[],
  level: number,
  seed: number,
  resamples: number,
): Interval | null {
  if (groups.every((g) => g.length < 2)) return null;
  const rng = mulberry32(seed);
  const draws = groups.map((g): ((rng: Prng) => number) => {
    const n = g.length;
    if (isBinary(g)) {
      const ones = binomialSampler(n, g.reduce((s, v) => s + v, 0) / n);
      return (r) => ones(r) / n;
    }
    return (r) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += g[randomBelow(r, n)] as number;
      return sum / n;
    };
  });
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    for (const draw of draws) total += draw(rng);
    replicates[r] = total / groups.length;
  }
  return { ...percentileInterval(replicates, level), level, method: 'stratified-bootstrap-percentile' };
}

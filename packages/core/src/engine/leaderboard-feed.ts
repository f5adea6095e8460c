import type { LeaderboardEntry } from '../domain/leaderboard.js';
import {
  createLeaderboardBuilder,
  type LeaderboardBuilder,
  toStoredLeaderboardEntry,
} from '../statistics/leaderboard.js';
import { createLabelInterner } from '../statistics/leaderboard-labels.js';
import type { ReducedSampleHandler } from './repeat-groups.js';

/** Options of {@link createLeaderboardFeed}. */
export interface LeaderboardFeedOptions {
  /**
   * The metrics that get entries, in entry order. Default: every metric a sample has a score for that
   * `includeMetric` accepts, in name order.
   */
  metrics?: readonly string[];
  /** With no `metrics`: which metric names get entries. Default: all. */
  includeMetric?: (metric: string) => boolean;
  /** Level of the confidence intervals. */
  confidenceLevel: number;
}

/** Turns reduced samples into the leaderboard entries to store, one metric builder each. */
export interface LeaderboardFeed {
  /** Adds one reduced sample (the handler of a `RepeatGrouping`). */
  readonly addSample: ReducedSampleHandler;
  /** The entries to store (`toStoredLeaderboardEntry`), metric by metric. */
  finish(): LeaderboardEntry[];
}

/**
 * Creates a {@link LeaderboardFeed}: a sample with a score for a metric joins that metric's
 * {@link createLeaderboardBuilder} (labels and date of its first successful repeat, labels interned);
 * a failed sample or a missing score is only counted. What the engine and `rebuildLeaderboard` share.
 *
 * @example
 * ```ts
 * const feed = createLeaderboardFeed({ metrics: ['accuracy'], confidenceLevel: 0.95 });
 * const grouping = createRepeatGrouping({ repeats: 1, reducer: 'mean', higherIsBetter: () => true, onSample: feed.addSample });
 * ```
 */
export function createLeaderboardFeed(options: LeaderboardFeedOptions): LeaderboardFeed {
  const { confidenceLevel } = options;
  const intern = createLabelInterner();
  const fixed = options.metrics?.map((metric) => ({
    metric,
    builder: createLeaderboardBuilder({ metric, confidenceLevel }),
  }));
  const include = options.includeMetric ?? (() => true);
  /** With dynamic metrics: the builder of each metric name seen (`null`: not included). */
  const dynamic = new Map<string, LeaderboardBuilder | null>();
  const dynamicBuilder = (metric: string): LeaderboardBuilder | null => {
    let builder = dynamic.get(metric);
    if (builder === undefined) {
      builder = include(metric) ? createLeaderboardBuilder({ metric, confidenceLevel }) : null;
      dynamic.set(metric, builder);
    }
    return builder;
  };

  return {
    addSample(first, scores, ok) {
      if (scores === undefined) {
        if (fixed !== undefined) for (const { builder } of fixed) builder.exclude('failed');
        return;
      }
      const source = ok?.[0] ?? first;
      const labels = intern(source.labels);
      if (fixed !== undefined) {
        for (const { metric, builder } of fixed) {
          const value = scores[metric];
          if (value === undefined || value === null) builder.exclude('unscored');
          else builder.add(source.modelId, labels, value, source.createdAt);
        }
        return;
      }
      for (const metric in scores) {
        const value = scores[metric];
        if (value === undefined || value === null) {
          dynamic.get(metric)?.exclude('unscored');
          continue;
        }
        dynamicBuilder(metric)?.add(source.modelId, labels, value, source.createdAt);
      }
    },

    finish() {
      const builders =
        fixed ??
        [...dynamic.keys()].sort().flatMap((metric) => {
          const builder = dynamic.get(metric);
          return builder ? [{ metric, builder }] : [];
        });
      const entries: LeaderboardEntry[] = [];
      for (const { builder } of builders) {
        for (const e of builder.finish().entries) entries.push(toStoredLeaderboardEntry(e));
      }
      return entries;
    },
  };
}

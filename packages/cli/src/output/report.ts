import type { EvaluationResult, LeaderboardEntry, MetricSummary } from '@benchhub/core';
import Table from 'cli-table3';
import type { Colors } from 'picocolors/types';

/** Table borders without a line between rows. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

const fmt = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

function ciText(ci: { lower: number; upper: number } | null | undefined): string {
  return ci ? `[${fmt(ci.lower)}, ${fmt(ci.upper)}]` : '—';
}

/** The per-model scores with stderr, CI, n and errors, best first within each metric. */
export function scoreTable(aggregates: readonly MetricSummary[], level: number, pc: Colors): string {
  const table = new Table({
    head: ['model', 'metric', 'score', '± stderr', `${Math.round(level * 100)}% CI`, 'n', 'errors'].map((h) =>
      pc.bold(h),
    ),
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  const rows = [...aggregates].sort(
    (a, b) =>
      a.metric.localeCompare(b.metric) ||
      (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY),
  );
  for (const row of rows) {
    table.push([
      row.modelId,
      row.metric,
      fmt(row.value),
      fmt(row.stderr),
      ciText(row.ci),
      String(row.n),
      row.errors > 0 ? pc.red(String(row.errors)) : '0',
    ]);
  }
  return table.toString();
}

/**
 * The leaderboard slices (model × language × subject × task) at the coarse-subject level, best first
 * within each slice; the fine subjects are in the JSON output.
 */
export function leaderboardTable(entries: readonly LeaderboardEntry[], pc: Colors): string {
  const table = new Table({
    head: ['model', 'language', 'subject', 'task', 'score', '95% CI', 'n'].map((h) => pc.bold(h)),
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  const rows = entries
    .filter((e) => !e.subjectType.includes('/'))
    .sort(
      (a, b) =>
        a.subjectType.localeCompare(b.subjectType) ||
        a.taskType.localeCompare(b.taskType) ||
        b.score - a.score,
    );
  for (const e of rows) {
    table.push([e.modelName, e.language, e.subjectType, e.taskType, fmt(e.score), ciText(e.ci), String(e.n)]);
  }
  return table.toString();
}

/** The closing summary: status, why the run stopped, tokens and cost. */
export function runSummary(result: EvaluationResult, pc: Colors): string {
  const { task, stopReason, usage } = result;
  const status = task.status === 'SUCCESS' ? pc.green(task.status) : pc.red(task.status);
  return `task ${task.id}: ${status} (${stopReason}) · ${usage.inputTokens + usage.outputTokens} tokens · $${usage.costUsd.toFixed(4)}`;
}

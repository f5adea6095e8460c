/** Result and leaderboard fixtures shared by the SQLite and PostgreSQL adapters' tests. */
import {
  COARSE_SUBJECTS,
  type LeaderboardEntry,
  listSubjects,
  type SampleResult,
  TASK_TYPES,
} from '@benchhub/core';

/** A successful sample result of `taskId` with overridable fields. */
export function sampleResult(
  taskId: string,
  index: number,
  fields: Partial<SampleResult> = {},
): SampleResult {
  return {
    taskId,
    modelId: `org/model-${index % 3}`,
    sampleId: `kmmlu-${index}`,
    datasetName: 'kmmlu',
    repeat: 0,
    output: `Answer: ${'ABCD'[index % 4]}`,
    extracted: 'ABCD'[index % 4] as string,
    scores: { accuracy: index % 2, f1: null },
    usage: { inputTokens: 100 + (index % 7), outputTokens: 3 },
    costUsd: 0.0001,
    latencyMs: 12.5,
    attempts: 1,
    labels: {
      language: 'ko',
      subjectType: ['HASS/History', 'HASS'],
      taskType: 'Knowledge',
      benchmarkName: 'KMMLU',
    },
    createdAt: new Date(1_700_000_000_000 + index),
    ...fields,
  };
}

/** A leaderboard entry with overridable fields. */
export function leaderboardEntry(index: number, fields: Partial<LeaderboardEntry> = {}): LeaderboardEntry {
  return {
    modelName: `org/model-${index}`,
    metric: 'accuracy',
    language: 'ko',
    subjectType: 'HASS/History',
    taskType: 'Knowledge',
    score: (index % 1000) / 1000,
    n: 100,
    stderr: 0.01,
    ci: { lower: 0, upper: 1, level: 0.95 },
    updatedAt: new Date(1_700_000_000_000),
    source: 'evaluation',
    ...fields,
  };
}

/**
 * A leaderboard as the browse index sees it in production: `models` models × 2 languages × every fine and
 * coarse subject × 3 task types (1,536 entries per model), with deterministic scores.
 */
export function leaderboardGrid(models: number): LeaderboardEntry[] {
  const out: LeaderboardEntry[] = [];
  const subjects = [...listSubjects(), ...COARSE_SUBJECTS];
  const updatedAt = new Date('2025-06-01T00:00:00Z');
  for (let m = 0; m < models; m++) {
    for (const language of ['ko', 'en']) {
      for (const subjectType of subjects) {
        for (const taskType of TASK_TYPES) {
          const score = ((m * 7919 + subjectType.length * 31 + taskType.length) % 1000) / 1000;
          out.push({
            modelName: `org/model-${m}`,
            metric: 'accuracy',
            language,
            subjectType,
            taskType,
            score,
            n: 100,
            stderr: 0.04,
            ci: { lower: Math.max(0, score - 0.08), upper: Math.min(1, score + 0.08), level: 0.95 },
            updatedAt,
            source: 'evaluation',
          });
        }
      }
    }
  }
  return out;
}

/** Drains an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

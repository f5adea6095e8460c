/** Result and leaderboard fixtures shared by the SQLite and PostgreSQL adapters' tests. */
import type { LeaderboardEntry, SampleResult } from '@benchhub/core';

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

/** Drains an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

import type { SampleResult } from '../../src/domain/result.js';

/** Options of {@link result}: what a test varies. */
export interface ResultFields {
  model?: string;
  sample: string;
  dataset?: string;
  repeat?: number;
  /** The `accuracy` score (or `scores` for several metrics); omitted when `error` is set. */
  score?: number | null;
  scores?: Record<string, number | null>;
  error?: string;
  subjects?: string[];
  language?: string;
  taskType?: string | null;
  createdAt?: Date;
}

/** A SampleResult with the labels a leaderboard slices by. */
export function result(fields: ResultFields): SampleResult {
  const scores = fields.error !== undefined ? {} : (fields.scores ?? { accuracy: fields.score ?? null });
  return {
    taskId: 't1',
    modelId: fields.model ?? 'model-a',
    sampleId: fields.sample,
    datasetName: fields.dataset ?? 'bench',
    repeat: fields.repeat ?? 0,
    scores,
    attempts: 1,
    ...(fields.error === undefined ? {} : { error: { name: 'ProviderCallError', message: fields.error } }),
    labels: {
      language: fields.language ?? 'ko',
      subjectType: fields.subjects ?? ['HASS/History'],
      ...(fields.taskType === null ? {} : { taskType: fields.taskType ?? 'Knowledge' }),
    },
    createdAt: fields.createdAt ?? new Date('2025-01-01T00:00:00Z'),
  };
}

/** Results of one model for scores given in order (sample ids `s0`, `s1`, …). */
export function resultsOf(
  model: string,
  scores: readonly number[],
  fields: Partial<ResultFields> = {},
): SampleResult[] {
  return scores.map((score, i) => result({ ...fields, model, sample: `s${i}`, score }));
}

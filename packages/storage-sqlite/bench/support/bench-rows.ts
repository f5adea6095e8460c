import { COARSE_SUBJECTS, listSubjects, type SampleResult, TASK_TYPES } from '@benchhub/core';

/**
 * The leaderboard the rebuild benchmark fills: 49 models × 2 languages × 250 fine subjects × 3 task
 * types = 73,500 fine entries, plus their 1,764 coarse roll-ups (6 coarse subjects): 75,264 entries, the
 * issue's "about 75,000". (Core's taxonomy has 250 fine + 6 coarse subjects, not the ~310 the issue
 * guessed, so 49 models rather than 40 reach that size.)
 */
export const LEADERBOARD_LAYOUT = {
  models: Array.from({ length: 49 }, (_, i) => `org-${i % 7}/model-${i}`),
  languages: ['ko', 'en'],
  fineSubjects: listSubjects(),
  coarseSubjects: [...COARSE_SUBJECTS] as string[],
  taskTypes: [...TASK_TYPES] as string[],
} as const;

/** Fine leaves of one model: language × fine subject × task type (1,500). */
export const LEAVES_PER_MODEL =
  LEADERBOARD_LAYOUT.languages.length *
  LEADERBOARD_LAYOUT.fineSubjects.length *
  LEADERBOARD_LAYOUT.taskTypes.length;

/** Entries a rebuild gives: every fine leaf plus one coarse roll-up per model × language × coarse × task. */
export const EXPECTED_ENTRIES =
  LEADERBOARD_LAYOUT.models.length *
  (LEAVES_PER_MODEL +
    LEADERBOARD_LAYOUT.languages.length *
      LEADERBOARD_LAYOUT.coarseSubjects.length *
      LEADERBOARD_LAYOUT.taskTypes.length);

const CREATED_AT = new Date('2025-06-01T00:00:00Z');

/**
 * Sample result `i` of model `model` (an index into {@link LEADERBOARD_LAYOUT}.models) in a task:
 * consecutive `i` walk every leaf of the model (language × fine subject × task type) before repeating
 * one, so {@link LEAVES_PER_MODEL} or more results cover the model's whole leaderboard. Scores are 0/1
 * from a fixed hash of `i`; every 97th result is a failed call (an error, no score).
 */
export function benchResult(taskId: string, model: number, i: number): SampleResult {
  const { models, languages, fineSubjects, taskTypes } = LEADERBOARD_LAYOUT;
  let leaf = i % LEAVES_PER_MODEL;
  const language = languages[leaf % languages.length]!;
  leaf = Math.floor(leaf / languages.length);
  const subject = fineSubjects[leaf % fineSubjects.length]!;
  const taskType = taskTypes[Math.floor(leaf / fineSubjects.length)]!;
  const base = {
    taskId,
    modelId: models[model]!,
    sampleId: `s${i}`,
    datasetName: 'bench',
    repeat: 0,
    attempts: 1,
    latencyMs: 12 + (i % 50),
    labels: { language, subjectType: [subject], taskType, problemType: 'MCQA', benchmarkName: 'bench' },
    createdAt: CREATED_AT,
  };
  if (i % 97 === 0) {
    return {
      ...base,
      scores: {},
      error: { name: 'ProviderCallError', message: 'HTTP 503', statusCode: 503, isRetryable: true },
    };
  }
  const right = (Math.imul(i, 2654435761) >>> 0) % 10 < 7;
  return {
    ...base,
    output: right ? 'Answer: B' : 'Answer: C',
    extracted: right ? 'B' : 'C',
    scores: { accuracy: right ? 1 : 0 },
    usage: { inputTokens: 80 + (i % 20), outputTokens: 3 },
    costUsd: 0.00001,
  };
}

/** Results `0` … `count - 1` of model `model` in a task, `size` at a time. */
export function* resultBatches(
  taskId: string,
  model: number,
  count: number,
  size: number,
): Generator<SampleResult[]> {
  for (let start = 0; start < count; start += size) {
    const batch: SampleResult[] = [];
    for (let i = start; i < Math.min(count, start + size); i++) batch.push(benchResult(taskId, model, i));
    yield batch;
  }
}

import { z } from 'zod';
import { BenchHubError } from '../errors/benchhub-error.js';
import { ProviderCallError } from '../errors/provider-call-error.js';
import { normalizeTaskType } from '../taxonomy/task-types.js';
import { LanguageSchema } from './language.js';
import { TimestampSchema } from './task.js';

/** Token counts of a result's model call (summed over the attempts that reached the model). */
export const SampleResultUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
});
/** Token counts of a result's model call. */
export type SampleResultUsage = z.infer<typeof SampleResultUsageSchema>;

/** Why a sample has no score: the final error of its model call or its scoring. */
export const SampleResultErrorSchema = z.object({
  name: z.string().min(1),
  message: z.string(),
  /** HTTP status when the call reached a server. */
  statusCode: z.number().int().optional(),
  /** Whether a later re-run may succeed. */
  isRetryable: z.boolean().optional(),
});
/** Why a sample has no score. */
export type SampleResultError = z.infer<typeof SampleResultErrorSchema>;

/**
 * The labels a result is sliced by on the leaderboard, copied from the sample's metadata. The language is
 * normalised to BCP-47 (`Korean` → `ko`); the task type to its canonical spelling.
 */
export const SampleResultLabelsSchema = z.object({
  language: LanguageSchema,
  /** Subject names of the sample (canonical where the dataset uses BenchHub's taxonomy). */
  subjectType: z.array(z.string()),
  taskType: z.string().transform(normalizeTaskType).optional(),
  targetType: z.string().optional(),
  problemType: z.string().optional(),
  benchmarkName: z.string().optional(),
});
/** The labels of a result. */
export type SampleResultLabels = z.infer<typeof SampleResultLabelsSchema>;

/**
 * One model's outcome on one sample (one repeat). A failed call is an `error` with no scores, never a
 * score of 0: the schema refuses a result that has both.
 *
 * @example
 * ```ts
 * SampleResultSchema.parse({
 *   taskId: 't1', modelId: 'openai/gpt-4o-mini', sampleId: 'kmmlu-17', datasetName: 'kmmlu', repeat: 0,
 *   output: 'Answer: B', extracted: 'B', scores: { accuracy: 1 }, attempts: 1,
 *   labels: { language: 'Korean', subjectType: ['HASS/History'] }, createdAt: new Date(),
 * });
 * ```
 */
export const SampleResultSchema = z
  .object({
    taskId: z.string().min(1),
    /** The model as the plan names it (provider id and model name; slashes kept). */
    modelId: z.string().min(1),
    sampleId: z.string().min(1),
    datasetName: z.string().min(1),
    /** 0-based repeat index. */
    repeat: z.number().int().nonnegative(),
    /** The model's raw output. */
    output: z.string().optional(),
    /** The answer extracted from the output (a choice letter, a number, a span). */
    extracted: z.string().optional(),
    /**
     * Per-metric scores; `null` when a metric could not score this sample (e.g. no logprobs). Empty when
     * the result has an error.
     */
    scores: z.record(z.string(), z.number().finite().nullable()).default({}),
    usage: SampleResultUsageSchema.optional(),
    costUsd: z.number().finite().nonnegative().optional(),
    latencyMs: z.number().finite().nonnegative().optional(),
    /** Provider calls made; 0 when the output came from the response cache. */
    attempts: z.number().int().nonnegative(),
    error: SampleResultErrorSchema.optional(),
    labels: SampleResultLabelsSchema,
    createdAt: TimestampSchema,
  })
  .superRefine((result, ctx) => {
    if (result.error !== undefined && Object.keys(result.scores).length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['scores'],
        message: `a result with an error has no scores (got ${Object.keys(result.scores).join(', ')}): a failed call is an error, never a score`,
      });
    }
  });
/** One model's outcome on one sample. */
export type SampleResult = z.infer<typeof SampleResultSchema>;
/** A sample result before parsing (timestamps may be ISO strings, labels not yet normalised). */
export type SampleResultInput = z.input<typeof SampleResultSchema>;

/** Whether a result is a failure (it has an error and therefore no scores). */
export function isFailedResult(result: Pick<SampleResult, 'error'>): boolean {
  return result.error !== undefined;
}

/**
 * The unique key of a result: task, model, sample, repeat. A retried write with the same key replaces
 * nothing and duplicates nothing.
 *
 * @example
 * ```ts
 * sampleResultKey({ taskId: 't1', modelId: 'openai/gpt-4o', sampleId: 's9', repeat: 0 });
 * // '["t1","openai/gpt-4o","s9",0]'
 * ```
 */
export function sampleResultKey(
  result: Pick<SampleResult, 'taskId' | 'modelId' | 'sampleId' | 'repeat'>,
): string {
  return JSON.stringify([result.taskId, result.modelId, result.sampleId, result.repeat]);
}

/**
 * Turns anything thrown while producing a result into the result's `error` field: name, message, and
 * for a {@link ProviderCallError} its status code and retryability.
 *
 * @example
 * ```ts
 * toSampleResultError(new ProviderCallError('rate limited', { provider: 'openai', model: 'gpt-4o', statusCode: 429 }));
 * // { name: 'ProviderCallError', message: 'rate limited', statusCode: 429, isRetryable: true }
 * ```
 */
export function toSampleResultError(error: unknown): SampleResultError {
  if (ProviderCallError.isInstance(error)) {
    return {
      name: error.name,
      message: error.message,
      ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
      isRetryable: error.isRetryable,
    };
  }
  if (BenchHubError.isInstance(error)) {
    return { name: error.name, message: error.message, isRetryable: error.isRetryable };
  }
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  return { name: 'Error', message: String(error) };
}

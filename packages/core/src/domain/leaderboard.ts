import { z } from 'zod';
import { resolveSubject } from '../taxonomy/resolve.js';
import { SubjectSchema } from '../taxonomy/schema.js';
import { normalizeTaskType } from '../taxonomy/task-types.js';
import { LanguageSchema, normalizeLanguage } from './language.js';
import { TimestampSchema } from './task.js';

/** A confidence interval with its coverage level. */
export const ConfidenceIntervalSchema = z
  .object({
    lower: z.number().finite(),
    upper: z.number().finite(),
    /** Coverage, e.g. 0.95. */
    level: z.number().gt(0).lt(1),
  })
  .refine((ci) => ci.lower <= ci.upper, { message: 'ci.lower exceeds ci.upper' });
/** A confidence interval with its coverage level. */
export type ConfidenceInterval = z.infer<typeof ConfidenceIntervalSchema>;

/**
 * One leaderboard cell: a model's score in one metric (`accuracy` unless said) on one language × subject ×
 * task type. Labels are normalised on parse: language to BCP-47 (`Korean` → `ko`), subject to its
 * canonical name (`Technology/Programming` → `Tech./Coding`), task type to its canonical spelling. The model name is kept as given, slashes included.
 * `stderr` and `ci` are null when unknown (scores imported without their sample counts).
 *
 * @example
 * ```ts
 * LeaderboardEntrySchema.parse({
 *   modelName: 'Qwen/Qwen2.5-72B-Instruct', language: 'Korean', subjectType: 'HASS/History',
 *   taskType: 'Knowledge', score: 0.71, n: 120, stderr: 0.041,
 *   ci: { lower: 0.63, upper: 0.79, level: 0.95 }, updatedAt: '2025-01-02T03:04:05Z',
 * }).language; // 'ko'
 * ```
 */
export const LeaderboardEntrySchema = z.object({
  modelName: z.string().min(1),
  /** The metric the score is of; `accuracy` when absent. */
  metric: z.string().min(1).default('accuracy'),
  language: LanguageSchema,
  subjectType: SubjectSchema,
  taskType: z.string().min(1).transform(normalizeTaskType),
  score: z.number().finite(),
  /** Sample results behind the score (0 when unknown). */
  n: z.number().int().nonnegative(),
  stderr: z.number().finite().nonnegative().nullable(),
  ci: ConfidenceIntervalSchema.nullable(),
  updatedAt: TimestampSchema,
  /**
   * Where the entry came from: `evaluation` (computed from stored sample results; the default) or `seed`
   * (imported scores, e.g. the original system's seed file, with `n` 0 and `stderr`/`ci` null).
   */
  source: z.enum(['evaluation', 'seed']).default('evaluation'),
});
/** One leaderboard cell. */
export type LeaderboardEntry = z.infer<typeof LeaderboardEntrySchema>;
/** Where a leaderboard entry came from. */
export type LeaderboardSource = LeaderboardEntry['source'];
/** A leaderboard entry before parsing (aliases and ISO strings accepted). */
export type LeaderboardEntryInput = z.input<typeof LeaderboardEntrySchema>;

/** The fields that identify a leaderboard cell. */
export type LeaderboardKeyFields = Pick<
  LeaderboardEntry,
  'modelName' | 'language' | 'subjectType' | 'taskType'
> & {
  /** `accuracy` when absent. */
  metric?: string | undefined;
};

/**
 * The identity of a leaderboard cell: model × metric × language × subject × task type. Labels are normalised first
 * (so `Korean` and `ko` give the same key); the model name is taken as given (case and slashes kept).
 *
 * @example
 * ```ts
 * leaderboardKey({ modelName: 'openai/gpt-4o', language: 'Korean', subjectType: 'Technology/Coding', taskType: 'knowledge' });
 * // '["openai/gpt-4o","accuracy","ko","Tech./Coding","Knowledge"]'
 * ```
 */
export function leaderboardKey(entry: LeaderboardKeyFields): string {
  return JSON.stringify([
    entry.modelName,
    entry.metric?.trim() || 'accuracy',
    normalizeLanguage(entry.language) ?? entry.language.trim(),
    resolveSubject(entry.subjectType) ?? entry.subjectType.trim(),
    normalizeTaskType(entry.taskType),
  ]);
}

import {
  BUILTIN_METRIC_NAMES,
  COARSE_SUBJECTS,
  closestMatch,
  EVALUATION_METHODS,
  FINE_SUBJECTS,
  KNOWN_PROVIDERS,
  normalizeLanguage,
  normalizeTaskType,
  PROBLEM_TYPES,
  resolveSubject,
  TASK_TYPES,
  unknownSubjectMessage,
} from '@benchhub/core';
import { z } from 'zod';
import type { PlanningIssue } from '../errors.js';
import { BENCHHUB_TOTAL_QUESTIONS, BENCHMARK_NAMES, findBenchmark } from './benchmarks.js';

/** Languages BenchHub has data in (`BenchHub/BenchHub-Ko`, `BenchHub/BenchHub-En`). */
export const PLAN_LANGUAGES = ['ko', 'en'] as const;
/** A plan language. */
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];

/** Problem types a planner may select: core's `PROBLEM_TYPES` plus `short-form` (short answers). */
export const PLAN_PROBLEM_TYPES = [...PROBLEM_TYPES, 'short-form'] as const;

/** Target types of BenchHub: universal knowledge (`General`) or culture-specific (`Local`). */
export const PLAN_TARGET_TYPES = ['General', 'Local'] as const;

/**
 * Providers a planner may propose: core's `KNOWN_PROVIDERS` without the test providers (`function`,
 * `baseline`), which answer no real request.
 */
export const PLAN_PROVIDERS = KNOWN_PROVIDERS.filter(
  (p): p is Exclude<(typeof KNOWN_PROVIDERS)[number], 'function' | 'baseline'> =>
    p !== 'function' && p !== 'baseline',
);

/** Every canonical subject name: the 6 coarse subjects, then the 250 fine ones. */
export const PLAN_SUBJECTS: readonly string[] = [
  ...COARSE_SUBJECTS,
  ...COARSE_SUBJECTS.flatMap((c) => FINE_SUBJECTS[c]),
];

const FIXED_METRICS = BUILTIN_METRIC_NAMES.filter((m) => m !== 'pass@k');
const PASS_AT_K = /^pass@[1-9]\d*$/;

const nonEmpty = (values: readonly string[]): [string, ...string[]] => {
  const [first, ...rest] = values;
  if (first === undefined) throw new TypeError('an enum needs at least one value');
  return [first, ...rest];
};

/** One model of a draft: a provider BenchHub ships and the model name, verbatim. */
export const DraftModelSchema = z
  .object({
    provider: z.enum(PLAN_PROVIDERS).describe('BenchHub provider id'),
    model: z
      .string()
      .min(1)
      .describe('model name exactly as the request writes it ("Qwen/Qwen2.5-7B-Instruct", "llama3.1:8b")'),
    baseUrl: z
      .string()
      .nullish()
      .describe('endpoint of a self-hosted server, only when the request gives one; else null'),
  })
  .strict();
/** One model of a draft. */
export type DraftModel = z.infer<typeof DraftModelSchema>;

/**
 * The part of a BenchHub plan a planner decides, with every category restricted to what exists: subjects
 * from core's taxonomy, core's task and problem types (plus `short-form`), the target types, the two
 * languages BenchHub has data in, and BenchHub's benchmark names. Optional fields are nullable (`null`
 * means "not restricted"), so the same schema serves strict structured output, where every field is
 * required. {@link buildPlan} turns a draft into a full plan.
 */
export const PlanDraftSchema = z
  .object({
    models: z.array(DraftModelSchema).min(1).describe('the models to evaluate'),
    language: z.enum(PLAN_LANGUAGES).describe('language of the questions: ko or en'),
    subjectType: z
      .array(z.enum(nonEmpty(PLAN_SUBJECTS)))
      .min(1)
      .nullish()
      .describe('canonical subjects; a coarse one (Science) covers its fine ones; null: every subject'),
    taskType: z.enum(TASK_TYPES).nullish().describe('null: every task type'),
    problemType: z.enum(PLAN_PROBLEM_TYPES).nullish().describe('null: every problem type'),
    targetType: z
      .enum(PLAN_TARGET_TYPES)
      .nullish()
      .describe('Local: culture-specific knowledge; General: universal; null: both'),
    benchmarkName: z
      .array(z.enum(nonEmpty(BENCHMARK_NAMES)))
      .min(1)
      .nullish()
      .describe('BenchHub source benchmarks to restrict to; null: all'),
    sampleSize: z.number().int().positive().describe('number of questions in total'),
    seed: z.number().int().describe('seed of the sampler (42 unless the request gives one)'),
    method: z.enum(EVALUATION_METHODS).describe('scoring method (string_match unless asked otherwise)'),
    metrics: z
      .array(z.union([z.enum(nonEmpty(FIXED_METRICS)), z.string().regex(PASS_AT_K)]))
      .min(1)
      .describe('metric names (accuracy unless asked otherwise)'),
    judge: z
      .object({
        provider: z.enum(PLAN_PROVIDERS),
        model: z.string().min(1),
      })
      .strict()
      .nullish()
      .describe('the grading model for method llm_judge, when the request names one; else null'),
  })
  .strict();
/** A validated plan draft. */
export type PlanDraft = z.infer<typeof PlanDraftSchema>;

/**
 * A draft as a planner may have assembled it before validation: the shape of {@link PlanDraft} with plain
 * strings for the categories, so {@link checkDraft} can say what is wrong with each.
 */
export interface PlanDraftLike {
  models: readonly { provider: string; model: string; baseUrl?: string | null | undefined }[];
  language: string;
  subjectType?: readonly string[] | null | undefined;
  taskType?: string | null | undefined;
  problemType?: string | null | undefined;
  targetType?: string | null | undefined;
  benchmarkName?: readonly string[] | null | undefined;
  sampleSize: number;
  seed: number;
  method: string;
  metrics: readonly string[];
  judge?: { provider: string; model: string } | null | undefined;
}

/** JSON-Schema keywords kept by {@link planDraftJsonSchema}; every other keyword is dropped. */
const KEPT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'anyOf',
  'description',
  'pattern',
  'minimum',
  'maximum',
]);

function portable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(portable);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (!KEPT_KEYWORDS.has(keyword)) continue;
    if (keyword === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, portable(v)]),
      );
    } else if ((keyword === 'minimum' || keyword === 'maximum') && Math.abs(Number(value)) >= 2 ** 53 - 1) {
      // zod writes the safe-integer range on every int: noise for a model, dropped.
    } else {
      out[keyword] = portable(value);
    }
  }
  if (source.type === 'integer' && source.exclusiveMinimum === 0) out.minimum = 1;
  if (source.type === 'object' && typeof out.properties === 'object' && out.properties !== null) {
    out.required = Object.keys(out.properties);
    out.additionalProperties = false;
  }
  return out;
}

/**
 * The JSON Schema of {@link PlanDraftSchema} for tool parameters and `json_schema` response formats,
 * written to be accepted by OpenAI's strict mode (and so by the less strict Anthropic and
 * OpenAI-compatible servers). Adapted from `z.toJSONSchema` (draft 2020-12, input side):
 *
 * - every property is `required` and every object has `additionalProperties: false` (strict mode asks for
 *   both); optional fields are nullable in the zod schema, so "absent" is written `null`;
 * - only `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `anyOf`,
 *   `description`, `pattern`, `minimum` and `maximum` are kept: `$schema`, `minLength` and `minItems`
 *   are dropped (not accepted everywhere; the zod schema still checks them), zod's safe-integer bounds
 *   are dropped and `exclusiveMinimum: 0` on an integer becomes `minimum: 1`.
 */
export function planDraftJsonSchema(): Record<string, unknown> {
  return portable(z.toJSONSchema(PlanDraftSchema, { io: 'input' })) as Record<string, unknown>;
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

function unknownValue(field: string, value: string, allowed: readonly string[]): string {
  const hint = closestMatch(value, allowed);
  return `unknown ${field} "${value}"${hint ? `: did you mean "${hint}"?` : ''} (one of ${allowed.join(', ')})`;
}

function checkModels(draft: PlanDraftLike, issues: PlanningIssue[]): void {
  if (draft.models.length === 0)
    issues.push({ path: 'models', message: 'the plan needs at least one model: name a model to evaluate' });
  draft.models.forEach((m, i) => {
    if (!isOneOf(PLAN_PROVIDERS, m.provider))
      issues.push({
        path: `models[${i}].provider`,
        message: unknownValue('provider', m.provider, PLAN_PROVIDERS),
      });
    if (m.model.trim() === '')
      issues.push({ path: `models[${i}].model`, message: 'the model name is empty' });
    if (m.baseUrl !== null && m.baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(m.baseUrl))
      issues.push({ path: `models[${i}].baseUrl`, message: `"${m.baseUrl}" is not an http(s) URL` });
  });
  const seen = new Map<string, number>();
  draft.models.forEach((m, i) => {
    const id = `${m.provider}:${m.model}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else issues.push({ path: `models[${i}]`, message: `model "${id}" is listed twice (models[${first}])` });
  });
  if (draft.judge !== null && draft.judge !== undefined && !isOneOf(PLAN_PROVIDERS, draft.judge.provider))
    issues.push({
      path: 'judge.provider',
      message: unknownValue('provider', draft.judge.provider, PLAN_PROVIDERS),
    });
}

function checkCategories(draft: PlanDraftLike, issues: PlanningIssue[]): void {
  (draft.subjectType ?? []).forEach((subject, i) => {
    const canonical = resolveSubject(subject);
    if (canonical === undefined)
      issues.push({ path: `subjectType[${i}]`, message: unknownSubjectMessage(subject) });
    else if (canonical !== subject)
      issues.push({ path: `subjectType[${i}]`, message: `write the canonical subject "${canonical}"` });
  });
  const task = draft.taskType;
  if (task !== null && task !== undefined && !isOneOf(TASK_TYPES, task)) {
    const normalized = normalizeTaskType(task);
    issues.push({
      path: 'taskType',
      message: isOneOf(TASK_TYPES, normalized)
        ? `write the canonical task type "${normalized}"`
        : unknownValue('task type', task, TASK_TYPES),
    });
  }
  const problem = draft.problemType;
  if (problem !== null && problem !== undefined && !isOneOf(PLAN_PROBLEM_TYPES, problem))
    issues.push({ path: 'problemType', message: unknownValue('problem type', problem, PLAN_PROBLEM_TYPES) });
  const target = draft.targetType;
  if (target !== null && target !== undefined && !isOneOf(PLAN_TARGET_TYPES, target))
    issues.push({ path: 'targetType', message: unknownValue('target type', target, PLAN_TARGET_TYPES) });
}

function checkLanguageAndData(draft: PlanDraftLike, issues: PlanningIssue[]): void {
  const language = isOneOf(PLAN_LANGUAGES, draft.language) ? draft.language : undefined;
  if (language === undefined) {
    const tag = normalizeLanguage(draft.language) ?? draft.language;
    issues.push({
      path: 'language',
      message: `BenchHub has no data in language "${tag}": its questions are in Korean (ko) and English (en) only`,
    });
  }
  (draft.benchmarkName ?? []).forEach((name, i) => {
    const benchmark = findBenchmark(name);
    if (benchmark === undefined) {
      const hint = closestMatch(name, BENCHMARK_NAMES);
      issues.push({
        path: `benchmarkName[${i}]`,
        message: `unknown benchmark "${name}"${hint ? `: did you mean "${hint}"?` : ''}`,
      });
    } else if (benchmark.name !== name) {
      issues.push({ path: `benchmarkName[${i}]`, message: `write the benchmark name "${benchmark.name}"` });
    } else if (language !== undefined && !benchmark.languages.includes(language)) {
      issues.push({
        path: `benchmarkName[${i}]`,
        message: `benchmark ${name} has no questions in language "${language}" (only ${benchmark.languages.join(', ')})`,
      });
    }
  });
  if (!Number.isInteger(draft.sampleSize) || draft.sampleSize <= 0)
    issues.push({
      path: 'sampleSize',
      message: `sample size ${draft.sampleSize} is not possible: ask for a positive whole number of questions`,
    });
  else if (draft.sampleSize > BENCHHUB_TOTAL_QUESTIONS)
    issues.push({
      path: 'sampleSize',
      message: `sample size ${draft.sampleSize} exceeds all of BenchHub (about ${BENCHHUB_TOTAL_QUESTIONS.toLocaleString('en-US')} questions over both languages)`,
    });
  if (!Number.isInteger(draft.seed))
    issues.push({ path: 'seed', message: `seed ${draft.seed} is not an integer` });
}

function checkEvaluation(draft: PlanDraftLike, issues: PlanningIssue[]): void {
  if (!isOneOf(EVALUATION_METHODS, draft.method))
    issues.push({
      path: 'method',
      message: unknownValue('scoring method', draft.method, EVALUATION_METHODS),
    });
  if (draft.metrics.length === 0) issues.push({ path: 'metrics', message: 'name at least one metric' });
  draft.metrics.forEach((metric, i) => {
    if (!FIXED_METRICS.includes(metric) && !PASS_AT_K.test(metric))
      issues.push({ path: `metrics[${i}]`, message: unknownValue('metric', metric, FIXED_METRICS) });
  });
}

/**
 * What is wrong with a draft beyond its JSON shape, each problem with its field path: unknown or
 * non-canonical subjects (with a did-you-mean from core's taxonomy), task, problem and target types,
 * providers and benchmarks; a benchmark without questions in the draft's language; a language BenchHub
 * has no data in; a sample size of zero or less or beyond all of BenchHub; unknown methods and metrics;
 * duplicate models. An empty list means the draft can be built into a plan.
 *
 * @example
 * ```ts
 * checkDraft({ ...draft, subjectType: ['HASS/Histroy'] });
 * // [{ path: 'subjectType[0]', message: 'unknown subject "HASS/Histroy": did you mean "HASS/History"?' }]
 * ```
 */
export function checkDraft(draft: PlanDraftLike): PlanningIssue[] {
  const issues: PlanningIssue[] = [];
  checkModels(draft, issues);
  checkCategories(draft, issues);
  checkLanguageAndData(draft, issues);
  checkEvaluation(draft, issues);
  return issues;
}

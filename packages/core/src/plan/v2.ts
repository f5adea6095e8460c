import { z } from 'zod';
import type { DatasetSpecInput } from '../datasets/spec.js';
import { normalizeLanguage } from '../domain/language.js';
import { formatPlanPath } from './issues.js';
import { EVALUATION_METHODS, type EvaluationMethod, type ModelSpecInput, type PlanInput } from './schema.js';
import { BaseUrlSchema, SecretRefSchema } from './secret-ref.js';

/** Whether parsed plan data is a BenchHub Plus plan (`version: "2.0"`; YAML's bare `2.0` is read as 2). */
export function isV2PlanData(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('version' in data)) return false;
  const version = (data as { version: unknown }).version;
  return version === '2.0' || version === '2' || version === 2;
}

/** The Hub datasets a v2 `benchhub` dataset reads, by language. */
export const BENCHHUB_HUB_DATASETS: Readonly<Record<'ko' | 'en', string>> = {
  ko: 'BenchHub/BenchHub-Ko',
  en: 'BenchHub/BenchHub-En',
};

const stringOrList = z.union([z.string(), z.array(z.string())]);

const V2ModelSchema = z
  .object({
    /** Model name as the provider knows it; also the label on the original's leaderboard. */
    name: z.string().min(1),
    /** `openai`, `anthropic`, `huggingface`, `custom`, ... (the planner writes `type`). */
    type: z.string().min(1).optional(),
    /** The API's spelling of `type` (`ModelInfo.model_type`). */
    model_type: z.string().min(1).optional(),
    api_base: BaseUrlSchema.nullish(),
    api_key: SecretRefSchema.nullish(),
    parameters: z
      .object({
        temperature: z.number().min(0).max(2).optional(),
        max_tokens: z.number().int().positive().optional(),
        top_p: z.number().min(0).max(1).optional(),
      })
      .strict()
      .nullish(),
  })
  .strict();

const V2FiltersSchema = z
  .object({
    language: z
      .string()
      .refine((value) => v2LanguageKey(value) !== undefined, {
        error: 'BenchHub Plus datasets exist in Korean (Ko) and English (En) only',
      })
      .optional(),
    problem_type: stringOrList.optional(),
    subject_type: stringOrList.optional(),
    task_type: stringOrList.optional(),
    target_type: stringOrList.optional(),
    external_tool_usage: z
      .boolean()
      .refine((value) => !value, {
        error: 'external_tool_usage: true has no BenchHub filter; remove it or set false',
      })
      .optional(),
  })
  .strict();

const V2DatasetSchema = z
  .object({
    name: z.string().min(1),
    type: z
      .literal('benchhub', { error: "BenchHub Plus plans read only datasets of type 'benchhub'" })
      .optional(),
    split: z.string().min(1).optional(),
    sample_size: z.number().int().positive().optional(),
    seed: z.number().int().optional(),
    filters: V2FiltersSchema.nullish(),
  })
  .strict();

/**
 * The original BenchHub Plus plan, `version: "2.0"`, as `build_plan_yaml` in HAE-RAE/BenchhubPlus
 * `apps/core/plan/planner.py` writes it. All objects are strict: unknown fields are reported.
 */
export const V2PlanSchema = z
  .object({
    version: z.union([z.literal('2.0'), z.literal('2'), z.literal(2)]),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    models: z.array(V2ModelSchema).min(1, { error: 'a plan needs at least one model' }),
    datasets: z.array(V2DatasetSchema).min(1, { error: 'a plan needs at least one dataset' }),
    evaluation: z
      .object({
        method: z.enum(EVALUATION_METHODS).optional(),
        judge_model: z.string().min(1).nullish(),
        criteria: z.array(z.string()).nullish(),
      })
      .strict()
      .nullish(),
    output: z
      .object({
        format: z.enum(['json', 'jsonl', 'csv']).optional(),
        include_samples: z.boolean().optional(),
        include_metadata: z.boolean().optional(),
      })
      .strict()
      .nullish(),
  })
  .strict();
/** A BenchHub Plus plan, version "2.0". */
export type V2Plan = z.infer<typeof V2PlanSchema>;

function v2LanguageKey(value: string): 'ko' | 'en' | undefined {
  const base = normalizeLanguage(value)?.split('-')[0];
  return base === 'ko' || base === 'en' ? base : undefined;
}

/** Provider id for a v2 model `type`. */
export function providerForV2Type(type: string | undefined): string {
  const key = (type ?? 'openai').trim().toLowerCase();
  if (key === 'openai' || key === 'anthropic' || key === 'huggingface') return key;
  if (key === 'hf') return 'huggingface';
  if (key === 'claude') return 'anthropic';
  if (['custom', 'openai-compatible', 'openai_compatible', 'vllm', 'litellm'].includes(key))
    return 'openai-compatible';
  return key;
}

/** Provider id guessed from a judge model name (v2 plans name the judge only, e.g. `gpt-4`). */
function providerForModelName(name: string): string {
  if (/^claude/i.test(name)) return 'anthropic';
  if (name.includes('/')) return 'huggingface';
  return 'openai';
}

const list = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? [...value] : [value];

/** A converted plan and where each of its fields came from in the v2 plan. */
export interface ConvertedV2Plan {
  plan: PlanInput;
  /** The v2 path a converted path came from (its nearest recorded ancestor), for error lines. */
  originOf(path: readonly PropertyKey[]): readonly PropertyKey[];
}

/**
 * Converts a validated BenchHub Plus v2 plan to BenchHub's format.
 *
 * - models: `name` → `model` and `id` (kept verbatim, "/" included); `type` (or `model_type`) →
 *   provider: openai, anthropic, huggingface (`hf`), and `custom`/`vllm`/`litellm` →
 *   `openai-compatible`, other types kept as ids; `api_base` → `baseUrl`; `api_key` stays a `${VAR}`
 *   placeholder; `parameters.{max_tokens,temperature,top_p}` → `{maxTokens,temperature,topP}`.
 * - datasets of type `benchhub` read the `train` split of `BenchHub/BenchHub-Ko` when
 *   `filters.language` is Korean (or absent, the original's default) and `BenchHub/BenchHub-En` when
 *   English, in the `benchhub` row format. The language (normalised, "Ko" → "ko") labels the rows
 *   through `defaults.language`; the other filters map to camelCase filters; `external_tool_usage:
 *   false` is dropped.
 * - the prompt template is `mcqa` for MCQA datasets and `open` otherwise.
 * - `evaluation.method` is kept; `judge_model` becomes `evaluation.judge` (provider guessed from the
 *   name, mode `rubric`) carrying `criteria`; without a judge the criteria have no effect and are
 *   dropped.
 * - `metadata` is kept as is and gives the plan `name`/`description`; `output` maps to camelCase.
 */
export function convertV2Plan(v2: V2Plan): ConvertedV2Plan {
  const origins = new Map<string, readonly PropertyKey[]>();
  const from = (target: PropertyKey[], source: PropertyKey[]): void => {
    origins.set(formatPlanPath(target), source);
  };

  const models = v2.models.map((model, i): ModelSpecInput => {
    const at = (field: string): PropertyKey[] => ['models', i, field];
    from(['models', i], ['models', i]);
    from(at('id'), at('name'));
    from(at('model'), at('name'));
    from(
      at('provider'),
      at(model.type === undefined && model.model_type !== undefined ? 'model_type' : 'type'),
    );
    from(at('baseUrl'), at('api_base'));
    from(at('apiKey'), at('api_key'));
    from(['models', i, 'parameters', 'maxTokens'], ['models', i, 'parameters', 'max_tokens']);
    from(['models', i, 'parameters', 'topP'], ['models', i, 'parameters', 'top_p']);
    const spec: ModelSpecInput = {
      id: model.name,
      provider: providerForV2Type(model.type ?? model.model_type),
      model: model.name,
    };
    if (model.api_base) spec.baseUrl = model.api_base;
    if (model.api_key) spec.apiKey = model.api_key;
    const p = model.parameters;
    if (p && (p.temperature !== undefined || p.top_p !== undefined || p.max_tokens !== undefined)) {
      spec.parameters = {};
      if (p.temperature !== undefined) spec.parameters.temperature = p.temperature;
      if (p.top_p !== undefined) spec.parameters.topP = p.top_p;
      if (p.max_tokens !== undefined) spec.parameters.maxTokens = p.max_tokens;
    }
    return spec;
  });

  const templates: string[] = [];
  const datasets = v2.datasets.map((dataset, i): DatasetSpecInput => {
    const filters = dataset.filters ?? {};
    const language = v2LanguageKey(filters.language ?? 'ko') ?? 'ko';
    from(['datasets', i], ['datasets', i]);
    from(['datasets', i, 'sampleSize'], ['datasets', i, 'sample_size']);
    from(['datasets', i, 'source'], ['datasets', i, 'filters', 'language']);
    from(['datasets', i, 'defaults'], ['datasets', i, 'filters', 'language']);
    const spec: DatasetSpecInput = {
      name: dataset.name,
      source: {
        type: 'huggingface',
        dataset: BENCHHUB_HUB_DATASETS[language],
        config: 'default',
        split: dataset.split ?? 'train',
      },
      format: 'benchhub',
      defaults: { language: normalizeLanguage(filters.language ?? 'ko') ?? language },
    };
    const mapped: Record<string, string[] | undefined> = {
      problemType: list(filters.problem_type),
      subjectType: list(filters.subject_type),
      taskType: list(filters.task_type),
      targetType: list(filters.target_type),
    };
    const present = Object.entries(mapped).filter(
      (entry): entry is [string, string[]] => entry[1] !== undefined,
    );
    if (present.length > 0) {
      spec.filters = Object.fromEntries(present);
      for (const [key] of present)
        from(
          ['datasets', i, 'filters', key],
          ['datasets', i, 'filters', key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)],
        );
    }
    if (dataset.sample_size !== undefined) spec.sampleSize = dataset.sample_size;
    if (dataset.seed !== undefined) spec.seed = dataset.seed;
    const problemTypes = list(filters.problem_type) ?? ['MCQA'];
    templates.push(problemTypes.some((t) => t.toLowerCase() === 'mcqa') ? 'mcqa' : 'open');
    return spec;
  });

  const metadata = v2.metadata ?? undefined;
  const name =
    typeof metadata?.name === 'string' && metadata.name !== '' ? metadata.name : 'BenchHub Plus plan';
  from(['name'], ['metadata', 'name']);
  from(['description'], ['metadata', 'description']);

  const plan: PlanInput = { benchhub: 1, name, models, datasets };
  if (typeof metadata?.description === 'string') plan.description = metadata.description;
  if (metadata) plan.metadata = { ...metadata };

  const [firstTemplate = 'mcqa'] = templates;
  plan.prompt = { template: firstTemplate };
  const overrides = datasets.flatMap((dataset, i) =>
    templates[i] !== firstTemplate
      ? [[dataset.name, { template: templates[i] ?? firstTemplate }] as const]
      : [],
  );
  if (overrides.length > 0) plan.prompts = Object.fromEntries(overrides);

  const evaluation = v2.evaluation ?? {};
  const method: EvaluationMethod = evaluation.method ?? 'string_match';
  plan.evaluation = { method };
  from(['evaluation'], ['evaluation']);
  from(['evaluation', 'judge'], ['evaluation', 'judge_model']);
  from(['evaluation', 'judge', 'criteria'], ['evaluation', 'criteria']);
  if (evaluation.judge_model) {
    plan.evaluation.judge = {
      provider: providerForModelName(evaluation.judge_model),
      model: evaluation.judge_model,
      mode: 'rubric',
      ...(evaluation.criteria && evaluation.criteria.length > 0
        ? { criteria: [...evaluation.criteria] }
        : {}),
    };
  }

  if (v2.output) {
    from(['output', 'includeSamples'], ['output', 'include_samples']);
    from(['output', 'includeMetadata'], ['output', 'include_metadata']);
    plan.output = {};
    if (v2.output.format !== undefined) plan.output.format = v2.output.format;
    if (v2.output.include_samples !== undefined) plan.output.includeSamples = v2.output.include_samples;
    if (v2.output.include_metadata !== undefined) plan.output.includeMetadata = v2.output.include_metadata;
  }

  const originOf = (path: readonly PropertyKey[]): readonly PropertyKey[] => {
    for (let n = path.length; n > 0; n--) {
      const source = origins.get(formatPlanPath(path.slice(0, n)));
      if (source) return [...source, ...path.slice(n)];
    }
    return path;
  };
  return { plan, originOf };
}

import { z } from 'zod';
import { DatasetSpecSchema } from '../datasets/spec.js';
import { PromptSpecSchema } from '../prompts/spec.js';
import { closestMatch } from '../text/closest-match.js';
import { BaseUrlSchema, SecretRefSchema } from './secret-ref.js';

/**
 * The format marker of BenchHub's own plans: `benchhub: 1`. Plans of the original BenchHub Plus carry
 * `version: "2.0"` instead and are converted on load (see `convertV2Plan`).
 */
export const PLAN_FORMAT_VERSION = 1;

/** Provider ids BenchHub ships adapters for; any other id names a user-registered provider. */
export const KNOWN_PROVIDERS = [
  'openai',
  'anthropic',
  'huggingface',
  'openai-compatible',
  'local-gguf',
  'function',
  'baseline',
] as const;

/** Sampling parameters of a model call. */
export const ModelParametersSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().positive().optional(),
    stop: z.array(z.string()).optional(),
    seed: z.number().int().optional(),
    /** Ask for per-token log-probabilities of the generated text (stored with each output). */
    logprobs: z.boolean().optional(),
    /** Alternatives per token to return with `logprobs` (OpenAI allows up to 20). */
    topLogprobs: z.number().int().min(0).max(20).optional(),
    /** Provider-specific options passed through untouched (e.g. `{ top_k: 40 }`). */
    extra: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
/** Sampling parameters of a model call. */
export type ModelParameters = z.infer<typeof ModelParametersSchema>;

/** Client-side request limits for one model. */
export const RateLimitSpecSchema = z
  .object({
    requestsPerMinute: z.number().positive().optional(),
    tokensPerMinute: z.number().positive().optional(),
  })
  .strict();
/** Client-side request limits for one model. */
export type RateLimitSpec = z.infer<typeof RateLimitSpecSchema>;

/**
 * A model's price in US dollars per million tokens, for costs and budgets. A price given to `evaluate`
 * in `options.prices` takes precedence over the plan's.
 */
export const ModelPriceSchema = z
  .object({
    /** Dollars per million prompt tokens. */
    inputPerMTok: z.number().min(0),
    /** Dollars per million generated tokens. */
    outputPerMTok: z.number().min(0),
  })
  .strict();
/** A model's price in US dollars per million tokens. */
export type ModelPriceSpec = z.infer<typeof ModelPriceSchema>;

const modelFields = {
  /** Unique label in reports and on the leaderboard; defaults to `provider:model`. */
  id: z.string().min(1).optional(),
  /** Provider id: one of {@link KNOWN_PROVIDERS} or a registered custom id. */
  provider: z.string().regex(/^[A-Za-z0-9][\w.-]*$/, {
    error: 'must be a provider id such as openai, anthropic or openai-compatible',
  }),
  /** Model name as the provider knows it, kept verbatim (`Qwen/Qwen2.5-7B-Instruct`). */
  model: z.string().min(1),
  /** Endpoint, local ones included, or a `${VAR}` placeholder. */
  baseUrl: BaseUrlSchema.optional(),
  /** `${VAR}` or `{ env: 'VAR' }`; never a literal key. */
  apiKey: SecretRefSchema.optional(),
  parameters: ModelParametersSchema.optional(),
  /**
   * Options of the provider's adapter, never secrets: e.g. `{ threads: 1, contextSize: 2048 }` for
   * local-gguf, `{ logLikelihood: true }` for a vLLM server, `{ embeddingModel: 'text-embedding-3-small' }`.
   * The provider registry checks the names.
   */
  options: z.record(z.string(), z.unknown()).optional(),
  /** Calls in flight at once for this model. */
  concurrency: z.number().int().positive().optional(),
  rateLimit: RateLimitSpecSchema.optional(),
};

function withDefaultId<T extends { id?: string | undefined; provider: string; model: string }>(
  spec: T,
): T & { id: string } {
  return { ...spec, id: spec.id ?? `${spec.provider}:${spec.model}` };
}

/** The object behind {@link ModelSpecSchema}, before the default id is filled in. */
export const ModelSpecObjectSchema = z
  .object({
    ...modelFields,
    /** Price per million tokens (`options.prices` overrides it; else the built-in table is used). */
    price: ModelPriceSchema.optional(),
  })
  .strict();

/**
 * One model under evaluation.
 *
 * @example
 * ```yaml
 * - provider: openai-compatible
 *   model: Qwen/Qwen2.5-7B-Instruct
 *   baseUrl: http://localhost:8000/v1
 *   apiKey: ${VLLM_API_KEY}
 *   parameters: { temperature: 0, maxTokens: 256 }
 *   price: { inputPerMTok: 0.2, outputPerMTok: 0.6 }
 * ```
 */
export const ModelSpecSchema = ModelSpecObjectSchema.transform(withDefaultId);
/** One model under evaluation (id filled in). */
export type ModelSpec = z.infer<typeof ModelSpecSchema>;
/** A model as written (id optional). */
export type ModelSpecInput = z.input<typeof ModelSpecSchema>;

/** Scoring methods, as in the HRET toolkit. */
export const EVALUATION_METHODS = [
  'string_match',
  'partial_match',
  'choice',
  'log_likelihood',
  'math_match',
  'llm_judge',
] as const;
/** A scoring method. */
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

/** Modes of an LLM judge: a rubric, a rubric with the reference answer, or pairwise comparison. */
export const JUDGE_MODES = ['rubric', 'rubric_reference', 'pairwise'] as const;

/** The model that grades outputs for `llm_judge`, with its criteria. */
export const JudgeSpecSchema = z
  .object({
    ...modelFields,
    /** What the judge grades, e.g. `correctness`, `completeness`. */
    criteria: z.array(z.string().min(1)).optional(),
    mode: z.enum(JUDGE_MODES).optional(),
  })
  .strict()
  .transform(withDefaultId);
/** The judge model and its criteria. */
export type JudgeSpec = z.infer<typeof JudgeSpecSchema>;

/** Names of the built-in repeat reducers (see {@link RepeatReducerSchema}). */
export const REPEAT_REDUCERS = ['mean', 'majority'] as const;

/**
 * How the repeats of a sample become its score: `mean` of each metric, `majority` (self-consistency:
 * the answer extracted most often wins), or `{ bestOf: metric }` (best-of-n: the repeat with the best
 * value of that metric, which must be one of the plan's metrics).
 */
export const RepeatReducerSchema = z.union([
  z.enum(REPEAT_REDUCERS),
  z.object({ bestOf: z.string().min(1) }).strict(),
]);
/** How the repeats of a sample become its score. */
export type RepeatReducerSpec = z.infer<typeof RepeatReducerSchema>;

/** How outputs are scored and aggregated. */
export const EvaluationSpecSchema = z
  .object({
    method: z.enum(EVALUATION_METHODS).default('string_match'),
    /** Metric names (built-in or registered). */
    metrics: z.array(z.string().min(1)).min(1).default(['accuracy']),
    /** Required when `method` is `llm_judge`. */
    judge: JudgeSpecSchema.optional(),
    /** How many times each sample is asked (for variance across samplings). */
    repeats: z.number().int().min(1).default(1),
    /** How the repeats of a sample are reduced to its score; `options.reducer` overrides it. Default `mean`. */
    reducer: RepeatReducerSchema.optional(),
    /** Level of the reported confidence intervals. */
    confidenceLevel: z.number().gt(0).lt(1).default(0.95),
  })
  .strict();
/** How outputs are scored and aggregated. */
export type EvaluationSpec = z.infer<typeof EvaluationSpecSchema>;

/** What a run writes out. */
export const OutputSpecSchema = z
  .object({
    includeSamples: z.boolean().default(true),
    includeMetadata: z.boolean().default(true),
    format: z.enum(['json', 'jsonl', 'csv']).default('json'),
  })
  .strict();
/** What a run writes out. */
export type OutputSpec = z.infer<typeof OutputSpecSchema>;

/** One cross-field problem, with the path it belongs to. */
export interface PlanRuleIssue {
  path: (string | number)[];
  message: string;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Rules that span fields: unique model ids and dataset names, `prompts` keys and few-shot datasets
 * that name a dataset of the plan, and a judge for `llm_judge`. Reads the input defensively, so the
 * rules are reported together with every field error.
 */
export function planRuleIssues(input: unknown): PlanRuleIssue[] {
  const plan = asRecord(input);
  if (!plan) return [];
  const issues: PlanRuleIssue[] = [];

  const modelIds = new Map<string, number>();
  asArray(plan.models).forEach((raw, index) => {
    const model = asRecord(raw);
    if (!model) return;
    const id =
      typeof model.id === 'string'
        ? model.id
        : typeof model.provider === 'string' && typeof model.model === 'string'
          ? `${model.provider}:${model.model}`
          : undefined;
    if (id === undefined) return;
    const first = modelIds.get(id);
    if (first === undefined) modelIds.set(id, index);
    else
      issues.push({
        path: ['models', index, typeof model.id === 'string' ? 'id' : 'model'],
        message: `model id "${id}" is already used by models[${first}]: give one of them a distinct id`,
      });
  });

  const datasetNames = new Map<string, number>();
  asArray(plan.datasets).forEach((raw, index) => {
    const name = asRecord(raw)?.name;
    if (typeof name !== 'string') return;
    const first = datasetNames.get(name);
    if (first === undefined) datasetNames.set(name, index);
    else
      issues.push({
        path: ['datasets', index, 'name'],
        message: `dataset name "${name}" is already used by datasets[${first}]`,
      });
  });

  const names = [...datasetNames.keys()];
  const noDataset = (name: string): string => {
    const hint = closestMatch(name, names);
    return `no dataset named "${name}" in this plan${hint ? `; did you mean "${hint}"?` : ''}`;
  };
  const checkFewShot = (prompt: unknown, path: (string | number)[]): void => {
    const dataset = asRecord(asRecord(prompt)?.fewShot)?.dataset;
    if (typeof dataset === 'string' && !datasetNames.has(dataset))
      issues.push({ path: [...path, 'fewShot', 'dataset'], message: noDataset(dataset) });
  };
  checkFewShot(plan.prompt, ['prompt']);
  for (const [name, prompt] of Object.entries(asRecord(plan.prompts) ?? {})) {
    if (!datasetNames.has(name)) issues.push({ path: ['prompts', name], message: noDataset(name) });
    checkFewShot(prompt, ['prompts', name]);
  }

  const evaluation = asRecord(plan.evaluation);
  const bestOf = asRecord(evaluation?.reducer)?.bestOf;
  if (typeof bestOf === 'string') {
    const metrics = Array.isArray(evaluation?.metrics) ? evaluation.metrics : ['accuracy'];
    if (!metrics.includes(bestOf))
      issues.push({
        path: ['evaluation', 'reducer', 'bestOf'],
        message: `reducer bestOf "${bestOf}" is not a metric of the plan (metrics: ${metrics.join(', ')})`,
      });
  }
  if (evaluation?.method === 'llm_judge' && evaluation.judge === undefined)
    issues.push({
      path: ['evaluation', 'judge'],
      message: 'method llm_judge needs a judge model: add evaluation.judge { provider, model }',
    });
  return issues;
}

/** The fields of a plan, without the cross-field rules of {@link PlanSchema}. */
export const PlanObjectSchema = z
  .object({
    /** Format marker; defaults to 1 for plans built in code. */
    benchhub: z
      .literal(PLAN_FORMAT_VERSION, {
        error: `unsupported plan format: this BenchHub reads 'benchhub: ${PLAN_FORMAT_VERSION}' plans and BenchHub Plus 'version: "2.0"' plans`,
      })
      .default(PLAN_FORMAT_VERSION),
    name: z.string().min(1),
    description: z.string().optional(),
    /** Free-form labels kept with the run. */
    metadata: z.record(z.string(), z.unknown()).optional(),
    models: z.array(ModelSpecSchema).min(1, { error: 'a plan needs at least one model' }),
    datasets: z.array(DatasetSpecSchema).min(1, { error: 'a plan needs at least one dataset' }),
    /** The prompt of every dataset. */
    prompt: PromptSpecSchema.optional(),
    /** Per-dataset prompts, keyed by dataset name; they replace `prompt` for that dataset. */
    prompts: z.record(z.string(), PromptSpecSchema).optional(),
    evaluation: EvaluationSpecSchema.prefault({}),
    output: OutputSpecSchema.optional(),
  })
  .strict();

/**
 * A BenchHub plan: which models, which benchmark rows, how to prompt and how to score.
 *
 * Paths of `file` dataset sources are relative to the plan file's folder (see `resolvePlanPaths`).
 * `prompt` applies to every dataset; `prompts` overrides it per dataset name.
 *
 * @example
 * ```yaml
 * benchhub: 1
 * name: Korean history quick start
 * models:
 *   - provider: function
 *     model: echo-first-choice
 * datasets:
 *   - name: history
 *     source: { type: file, path: ../data/korean-history-mini.jsonl }
 *     sampleSize: 10
 * evaluation: { method: string_match }
 * ```
 */
export const PlanSchema = PlanObjectSchema.superRefine((plan, ctx) => {
  for (const issue of planRuleIssues(plan)) ctx.addIssue({ code: 'custom', ...issue });
});

/** A validated plan, defaults applied. */
export type Plan = z.infer<typeof PlanSchema>;
/** A plan as written in code or YAML (defaults optional). */
export type PlanInput = z.input<typeof PlanSchema>;

import {
  BENCHHUB_HUB_DATASETS,
  type DatasetSpecInput,
  type ModelSpecInput,
  type PlanContext,
  type PlanInput,
  PlanValidationError,
  parsePlan,
} from '@benchhub/core';
import { PlanningError } from '../errors.js';
import { compatibleVariables } from './compatible-vendors.js';
import { checkDraft, type DraftModel, type PlanDraft } from './draft.js';

/** A plan built from a draft, with what the user should know about the choices made while building it. */
export interface BuiltPlan {
  /** The plan in BenchHub's format (`benchhub: 1`); it passes core's `parsePlan`. */
  plan: PlanInput;
  /** What the builder assumed (a default judge, an endpoint or key to supply). */
  warnings: string[];
}

/** The judge used for `llm_judge` when the draft names none: the cheapest current OpenAI model. */
export const DEFAULT_JUDGE = { provider: 'openai', model: 'gpt-4o-mini' } as const;

const LANGUAGE_NAMES = { ko: 'Korean', en: 'English' } as const;

const KEY_VARIABLES: Readonly<Record<string, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  huggingface: 'HF_TOKEN',
};

const isLocalUrl = (url: string): boolean =>
  /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)(:\d+)?(\/|$)/i.test(url);

function modelSpec(m: DraftModel, warnings: string[]): ModelSpecInput {
  const spec: ModelSpecInput = { provider: m.provider, model: m.model };
  const baseUrl = m.baseUrl ?? undefined;
  if (m.provider === 'openai-compatible') {
    if (baseUrl !== undefined) {
      spec.baseUrl = baseUrl;
      if (!isLocalUrl(baseUrl)) spec.apiKey = `\${${compatibleVariables(m.model).key}}`;
    } else {
      const vars = compatibleVariables(m.model);
      spec.baseUrl = `\${${vars.url}}`;
      spec.apiKey = `\${${vars.key}}`;
      warnings.push(
        `${m.model} runs through an OpenAI-compatible endpoint: set ${vars.url} to its base URL and ${vars.key} to its key before running`,
      );
    }
    return spec;
  }
  if (baseUrl !== undefined) spec.baseUrl = baseUrl;
  const variable = KEY_VARIABLES[m.provider];
  if (variable !== undefined) spec.apiKey = `\${${variable}}`;
  return spec;
}

/** A short, stable, non-reversible digest of the request (FNV-1a, 32 bits, hex). */
function requestDigest(request: string): string {
  let hash = 0x811c9dc5;
  for (const char of request.normalize('NFC')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function describeSelection(draft: PlanDraft): string {
  const parts = [
    LANGUAGE_NAMES[draft.language],
    draft.subjectType?.join(' + '),
    draft.taskType ?? undefined,
    draft.problemType ?? undefined,
    draft.targetType === 'Local'
      ? 'culture-specific'
      : draft.targetType === 'General'
        ? 'general'
        : undefined,
    draft.benchmarkName?.join(' + '),
  ];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' ');
}

function dataset(draft: PlanDraft): DatasetSpecInput {
  const filters: NonNullable<DatasetSpecInput['filters']> = {};
  if (draft.subjectType) filters.subjectType = [...draft.subjectType];
  if (draft.taskType) filters.taskType = [draft.taskType];
  if (draft.problemType) filters.problemType = [draft.problemType];
  if (draft.targetType) filters.targetType = [draft.targetType];
  if (draft.benchmarkName) filters.benchmarkName = [...draft.benchmarkName];
  const spec: DatasetSpecInput = {
    name: `benchhub-${draft.language}`,
    source: {
      type: 'huggingface',
      dataset: BENCHHUB_HUB_DATASETS[draft.language],
      config: 'default',
      split: 'train',
    },
    format: 'benchhub',
    defaults: { language: draft.language },
    sampleSize: draft.sampleSize,
    seed: draft.seed,
  };
  if (Object.keys(filters).length > 0) spec.filters = filters;
  return spec;
}

function evaluation(draft: PlanDraft, warnings: string[]): NonNullable<PlanInput['evaluation']> {
  const spec: NonNullable<PlanInput['evaluation']> = { method: draft.method, metrics: [...draft.metrics] };
  if (draft.method === 'llm_judge') {
    const judge = draft.judge ?? DEFAULT_JUDGE;
    if (!draft.judge)
      warnings.push(
        `no judge model named: ${judge.provider}:${judge.model} grades the answers (change evaluation.judge to use another)`,
      );
    spec.judge = {
      provider: judge.provider,
      model: judge.model,
      mode: 'rubric',
      ...(KEY_VARIABLES[judge.provider] === undefined
        ? {}
        : { apiKey: `\${${KEY_VARIABLES[judge.provider]}}` }),
    };
  }
  return spec;
}

/**
 * Builds a BenchHub plan (`benchhub: 1`) from a checked draft:
 *
 * - one dataset: the BenchHub Hub dataset of the draft's language (`BenchHub/BenchHub-Ko` or
 *   `BenchHub/BenchHub-En`, split `train`, row format `benchhub`, rows labelled with the language as
 *   `convertV2Plan` does), the draft's filters, sample size and seed;
 * - models with their provider ids and `${VAR}` key placeholders (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`,
 *   `HF_TOKEN`; none for local endpoints and GGUF files), never a literal key; an OpenAI-compatible model
 *   without an endpoint gets `${…_BASE_URL}`/`${…_API_KEY}` placeholders and a warning;
 * - the `mcqa` prompt template for MCQA and binary questions (and for unrestricted ones, BenchHub's bulk),
 *   `open` for open-ended and short-form ones;
 * - the draft's method and metrics; `llm_judge` gets the draft's judge or {@link DEFAULT_JUDGE} with a
 *   warning.
 *
 * The request text is not copied into the plan (it may carry injected instructions); `metadata.request`
 * holds a digest of it, so a stored plan can be traced to the request that produced it.
 *
 * @param request - The natural-language request the draft was made from.
 * @param context - The planning context; its `language` only names the plan when the draft has none.
 * @throws PlanningError when {@link checkDraft} finds a problem or the built plan fails core's validation.
 */
export function buildPlan(draft: PlanDraft, request: string, _context: PlanContext = {}): BuiltPlan {
  const issues = checkDraft(draft);
  if (issues.length > 0) throw new PlanningError('The request cannot be planned as asked', issues);
  const warnings: string[] = [];
  const models = draft.models.map((m) => modelSpec(m, warnings));
  const selection = describeSelection(draft);
  const modelNames = draft.models.map((m) => m.model).join(' vs ');
  const openStyle = draft.problemType === 'open-ended' || draft.problemType === 'short-form';
  const plan: PlanInput = {
    benchhub: 1,
    name: `${selection} — ${modelNames}`,
    description: `${draft.sampleSize} ${selection} questions from BenchHub, sampled with seed ${draft.seed}, scored by ${draft.method} (${draft.metrics.join(', ')})`,
    metadata: { generatedBy: '@benchhub/planner', request: `fnv1a:${requestDigest(request)}` },
    models,
    datasets: [dataset(draft)],
    prompt: { template: openStyle ? 'open' : 'mcqa' },
    evaluation: evaluation(draft, warnings),
  };
  try {
    parsePlan(plan);
  } catch (error) {
    if (PlanValidationError.isInstance(error))
      throw new PlanningError('The planned evaluation is not a valid plan', error.issues, { cause: error });
    throw error;
  }
  return { plan, warnings };
}

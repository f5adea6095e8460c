import {
  COARSE_SUBJECTS,
  type EvaluationMethod,
  listSubjects,
  normalizeLanguage,
  type PlanContext,
  unknownSubjectMessage,
} from '@benchhub/core';
import type { PlanningIssue } from '../errors.js';
import type { PlanDraftLike, PlanLanguage } from '../plan/draft.js';
import { parseContextModel } from './context-models.js';
import { maskEmbeddedInstructions } from './embedded-instructions.js';
import { extractBenchmarks, unknownBenchmarkMessage } from './extract-benchmarks.js';
import { extractEvaluation } from './extract-evaluation.js';
import { extractLabels, type FoundLabel } from './extract-labels.js';
import { extractLanguage, type LanguageReading } from './extract-language.js';
import {
  DEFAULT_NICKNAME_MODELS,
  extractModels,
  type NamedModel,
  type NicknameModels,
} from './extract-models.js';
import { extractSampleSizes, extractSeeds } from './extract-numbers.js';
import { readMisspelledSubjects } from './misspelled-subjects.js';
import { RequestText } from './request-text.js';
import { findUnknownTopic } from './unknown-subject.js';

/** Options of the rule planner. */
export interface RulePlannerOptions {
  /** Questions planned when the request gives no number (and the context no default). Default 100. */
  defaultSampleSize?: number;
  /** The sampler's seed when the request gives none. Default 42, the plan format's default. */
  defaultSeed?: number;
  /** Models planned for vendor nicknames (`claude`, `GPT`, `gemini`, `qwen`). */
  nicknameModels?: Partial<NicknameModels>;
  /**
   * Models planned when the request names none and the context lists none. Default: the cheapest current
   * OpenAI and Anthropic models, `openai:gpt-4o-mini` and `anthropic:claude-haiku-4-5`.
   */
  defaultModels?: readonly { provider: string; model: string }[];
}

/** The draft fields whose source counts towards the confidence. */
export type CoreField = 'models' | 'language' | 'subject' | 'sampleSize';

/** Everything the rule planner read from a request. */
export interface RequestAnalysis {
  /** The draft, before {@link checkDraft}. */
  draft: PlanDraftLike;
  /** What was assumed or mapped approximately, for the user to check. */
  warnings: string[];
  /** Why the request cannot be planned as asked (unknown topic, unsupported or contradictory language). */
  issues: PlanningIssue[];
  /** Core fields the request states, and optional fields it sets. */
  stated: string[];
  /** Core fields the planner had to assume. */
  assumed: CoreField[];
  /** The models as the request writes them, verbatim. */
  namedModels: string[];
  /** One line per decision, for the rationale. */
  reasons: string[];
}

const DEFAULT_MODELS = [
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'anthropic', model: 'claude-haiku-4-5' },
] as const;

const LANGUAGE_NAMES: Readonly<Record<PlanLanguage, string>> = { ko: 'Korean', en: 'English' };

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

interface Ctx {
  warnings: string[];
  issues: PlanningIssue[];
  stated: string[];
  assumed: CoreField[];
  reasons: string[];
}

/** Why words that look like model ids cannot be planned. */
function unreadModelsMessage(unread: readonly string[]): string {
  return `could not read ${quoted(unread)} as ${unread.length === 1 ? 'a model' : 'models'}: write a Hugging Face id (org/name, e.g. Qwen/Qwen2.5-7B-Instruct), a vendor model id (gpt-4o-mini, claude-haiku-4-5, gemini-2.5-flash, solar-pro, HCX-003), a .gguf path, or say which local server (vLLM, Ollama) runs it; no plan is proposed rather than one with other models`;
}

function chooseModels(
  named: readonly NamedModel[],
  unread: readonly string[],
  context: PlanContext,
  options: RulePlannerOptions,
  ctx: Ctx,
): PlanDraftLike['models'] {
  const candidates = named.filter((m) => m.role === 'candidate');
  if (unread.length > 0) ctx.issues.push({ path: 'models', message: unreadModelsMessage(unread) });
  if (candidates.length > 0 || unread.length > 0) {
    for (const m of candidates) {
      if (m.assumed !== undefined) ctx.warnings.push(m.assumed);
      if (m.note !== undefined) ctx.warnings.push(m.note);
    }
    if (candidates.some((m) => m.assumed !== undefined)) ctx.assumed.push('models');
    else ctx.stated.push('models');
    if (candidates.length > 0)
      ctx.reasons.push(
        `models: ${candidates.map((m) => `${m.provider}:${m.model}${m.written === m.model ? '' : ` (from "${m.written}")`}`).join(', ')}`,
      );
    return candidates.map((m) => ({
      provider: m.provider,
      model: m.model,
      ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
    }));
  }
  ctx.assumed.push('models');
  const fromContext = (context.models ?? []).map(parseContextModel).filter((m) => m !== undefined);
  const models = fromContext.length > 0 ? fromContext : [...(options.defaultModels ?? DEFAULT_MODELS)];
  const listed = models.map((m) => `${m.provider}:${m.model}`).join(' and ');
  ctx.warnings.push(
    fromContext.length > 0
      ? `no model named: planned the models you can run (${listed})`
      : `no model named: planned ${listed}; edit models to evaluate others`,
  );
  ctx.reasons.push(`models: ${listed} (none named)`);
  return models.map((m) => ({ ...m }));
}

function benchmarkLanguage(
  benchmarks: ReturnType<typeof extractBenchmarks>['named'],
): PlanLanguage | undefined {
  if (benchmarks.length === 0) return undefined;
  const shared = (['ko', 'en'] as const).filter((l) => benchmarks.every((b) => b.languages.includes(l)));
  return shared.length === 1 ? shared[0] : undefined;
}

function chooseLanguage(
  reading: LanguageReading,
  fromBenchmarks: PlanLanguage | undefined,
  context: PlanContext,
  ctx: Ctx,
): string {
  for (const name of unique(reading.unsupported))
    ctx.issues.push({
      path: 'language',
      message: `BenchHub has no questions in ${name}: the language must be Korean (ko) or English (en)`,
    });
  if (reading.stated.length > 1)
    ctx.issues.push({
      path: 'language',
      message:
        'the request asks for Korean questions and English questions at once: a plan evaluates one language; plan each language separately',
    });
  const stated = reading.stated[0];
  if (stated !== undefined) {
    ctx.stated.push('language');
    ctx.reasons.push(`language: ${LANGUAGE_NAMES[stated]} (asked for)`);
    return stated;
  }
  if (reading.unsupported.length > 0) return reading.script;
  if (fromBenchmarks !== undefined) {
    ctx.stated.push('language');
    ctx.reasons.push(
      `language: ${LANGUAGE_NAMES[fromBenchmarks]} (the only language of the named benchmarks)`,
    );
    return fromBenchmarks;
  }
  ctx.assumed.push('language');
  if (reading.topic !== undefined) {
    ctx.warnings.push(
      `no question language named: planned ${LANGUAGE_NAMES[reading.topic]} questions for a Korean topic (say "in English" for English ones)`,
    );
    ctx.reasons.push(`language: ${LANGUAGE_NAMES[reading.topic]} (the topic is Korean)`);
    return reading.topic;
  }
  const fromContext =
    context.language === undefined ? undefined : normalizeLanguage(context.language)?.split('-')[0];
  if (fromContext !== undefined) {
    ctx.reasons.push(`language: ${fromContext} (the context's default)`);
    return fromContext;
  }
  ctx.reasons.push(`language: ${LANGUAGE_NAMES[reading.script]} (the language the request is written in)`);
  return reading.script;
}

function chooseSubjects(labels: readonly FoundLabel[], ctx: Ctx): string[] | undefined {
  const found = labels.filter((l): l is Extract<FoundLabel, { kind: 'subject' }> => l.kind === 'subject');
  const strong = found.filter((l) => l.weak !== true);
  const used = strong.length > 0 ? strong : found;
  if (used.length === 0) return undefined;
  for (const note of unique(used.flatMap((l) => (l.note === undefined ? [] : [l.note]))))
    ctx.warnings.push(note);
  const names = unique(used.map((l) => l.value));
  const kept = names.filter((s) => !names.some((other) => other !== s && other.startsWith(`${s}/`)));
  const coarse = kept.filter((s) => (COARSE_SUBJECTS as readonly string[]).includes(s));
  for (const c of coarse)
    ctx.warnings.push(
      `"${used.find((l) => l.value === c)?.written ?? c}" names a broad area: the plan covers all of ${c}; name a narrower subject (e.g. ${listSubjects(c).slice(0, 3).join(', ')}) to focus it`,
    );
  ctx.stated.push('subject');
  ctx.reasons.push(
    `subjects: ${kept.map((s) => `${s} (from ${quoted(unique(used.filter((l) => l.value === s).map((l) => l.written)))})`).join(', ')}`,
  );
  return kept;
}

function chooseLabel<K extends 'taskType' | 'problemType' | 'targetType'>(
  kind: K,
  labels: readonly FoundLabel[],
  ctx: Ctx,
): string | undefined {
  const found = labels.filter((l) => l.kind === kind);
  const values = unique(found.map((l) => l.value));
  const title = { taskType: 'task type', problemType: 'problem type', targetType: 'target type' }[kind];
  if (values.length > 1) {
    ctx.warnings.push(`several ${title}s named (${values.join(', ')}): the plan keeps every ${title}`);
    return undefined;
  }
  const value = values[0];
  if (value !== undefined) {
    ctx.stated.push(kind);
    ctx.reasons.push(`${title}: ${value} (from ${quoted(unique(found.map((l) => l.written)))})`);
  }
  return value;
}

function chooseMethod(
  reading: EvaluationMethod | undefined,
  judge: NamedModel | undefined,
  problemType: string | undefined,
  ctx: Ctx,
): string {
  if (reading !== undefined) {
    ctx.stated.push('method');
    ctx.reasons.push(`scoring: ${reading} (asked for)`);
    return reading;
  }
  if (judge !== undefined) {
    ctx.stated.push('method');
    ctx.reasons.push(`scoring: llm_judge with ${judge.model} (named as the judge)`);
    return 'llm_judge';
  }
  if (problemType === 'open-ended') {
    ctx.warnings.push(
      'open-ended answers cannot be string-matched: planned scoring by an LLM judge (llm_judge)',
    );
    return 'llm_judge';
  }
  return 'string_match';
}

/**
 * Why a topic cannot be planned: core's message (with its did-you-mean) for Latin-script names long
 * enough for a typo to be likely; for short or Korean names, the coarse subjects to start from.
 */
function unknownTopicMessage(topic: string): string {
  const base = /^[A-Za-z][A-Za-z .&'-]{4,}$/.test(topic)
    ? unknownSubjectMessage(topic)
    : `unknown subject "${topic}": use a BenchHub subject, e.g. one of the coarse subjects (${COARSE_SUBJECTS.join(', ')})`;
  return `${base} (no BenchHub subject covers it, so no plan is proposed rather than one for a different subject)`;
}

/**
 * Reads a request into a plan draft: models, language, subjects, task/problem/target types, benchmarks,
 * sample size, seed, method and metrics, saying what was assumed (`warnings`) and what makes the request
 * impossible (`issues`). Extraction only: nothing of the request but recognised values reaches the draft.
 */
export function analyzeRequest(
  request: string,
  context: PlanContext = {},
  options: RulePlannerOptions = {},
): RequestAnalysis {
  const text = new RequestText(request);
  const ctx: Ctx = { warnings: [], issues: [], stated: [], assumed: [], reasons: [] };
  const nicknames = { ...DEFAULT_NICKNAME_MODELS, ...options.nicknameModels };
  ctx.warnings.push(...maskEmbeddedInstructions(text));
  const modelReading = extractModels(text, nicknames);
  const seeds = extractSeeds(text);
  const sizes = extractSampleSizes(text);
  const evaluation = extractEvaluation(text);
  const benchmarks = extractBenchmarks(text);
  const languageReading = extractLanguage(text);
  const labels = extractLabels(text);

  const models = chooseModels(modelReading.models, modelReading.unread, context, options, ctx);
  ctx.warnings.push(...modelReading.warnings);
  const language = chooseLanguage(languageReading, benchmarkLanguage(benchmarks.named), context, ctx);

  let subjectType = chooseSubjects(labels, ctx);
  for (const name of benchmarks.unknown)
    ctx.issues.push({ path: 'benchmarkName', message: unknownBenchmarkMessage(name) });
  if (benchmarks.named.length > 0) {
    ctx.stated.push('benchmarkName');
    ctx.reasons.push(`benchmarks: ${benchmarks.named.map((b) => b.name).join(', ')}`);
  }
  if (subjectType === undefined && benchmarks.named.length === 0 && benchmarks.unknown.length === 0) {
    const topic = findUnknownTopic(text);
    const misspelled = topic === undefined ? [] : readMisspelledSubjects(topic, text.original);
    if (misspelled.length > 0) subjectType = chooseSubjects(misspelled, ctx);
    else if (topic !== undefined)
      ctx.issues.push({
        path: 'subjectType',
        message: unknownTopicMessage(topic),
      });
    else {
      ctx.assumed.push('subject');
      ctx.warnings.push('no subject named: the plan samples every subject');
    }
  } else if (subjectType === undefined) ctx.stated.push('subject');

  const taskType = chooseLabel('taskType', labels, ctx);
  const problemType = chooseLabel('problemType', labels, ctx);
  const targetType = chooseLabel('targetType', labels, ctx);

  const defaultSize = context.defaultSampleSize ?? options.defaultSampleSize ?? 100;
  const sizeValues = unique(sizes.map((s) => s.value));
  if (sizeValues.length > 1)
    ctx.warnings.push(
      `several sample sizes given (${sizeValues.join(', ')}): planned the first, ${sizeValues[0]}`,
    );
  const sampleSize = sizes[0]?.value ?? defaultSize;
  if (sizes[0] === undefined) {
    ctx.assumed.push('sampleSize');
    ctx.warnings.push(`no sample size given: planned ${defaultSize} questions`);
  } else {
    ctx.stated.push('sampleSize');
    ctx.reasons.push(`sample size: ${sampleSize} (from "${sizes[0].written}")`);
  }

  const seedValues = unique(seeds.map((s) => s.value));
  if (seedValues.length > 1)
    ctx.warnings.push(`several seeds given (${seedValues.join(', ')}): planned the first, ${seedValues[0]}`);
  const seed = seeds[0]?.value ?? options.defaultSeed ?? 42;
  if (seeds[0] !== undefined) {
    ctx.stated.push('seed');
    ctx.reasons.push(`seed: ${seed}`);
  }

  const judge = modelReading.models.find((m) => m.role === 'judge');
  const method = chooseMethod(evaluation.method, judge, problemType, ctx);
  const openAnswers = problemType === 'open-ended' || problemType === 'short-form';
  const metrics =
    evaluation.metrics.length > 0
      ? evaluation.metrics.map((m) => (m === 'f1_macro' && openAnswers ? 'squad_f1' : m))
      : ['accuracy'];
  if (evaluation.metrics.length > 0) {
    ctx.stated.push('metrics');
    ctx.reasons.push(`metrics: ${metrics.join(', ')}`);
  }

  const draft: PlanDraftLike = {
    models,
    language,
    sampleSize,
    seed,
    method,
    metrics,
    ...(subjectType === undefined ? {} : { subjectType }),
    ...(taskType === undefined ? {} : { taskType }),
    ...(problemType === undefined ? {} : { problemType }),
    ...(targetType === undefined ? {} : { targetType }),
    ...(benchmarks.named.length === 0 ? {} : { benchmarkName: benchmarks.named.map((b) => b.name) }),
    ...(judge === undefined ? {} : { judge: { provider: judge.provider, model: judge.model } }),
  };
  return {
    draft,
    warnings: unique(ctx.warnings),
    issues: ctx.issues,
    stated: unique(ctx.stated),
    assumed: unique(ctx.assumed),
    namedModels: modelReading.models.map((m) => m.written),
    reasons: ctx.reasons,
  };
}

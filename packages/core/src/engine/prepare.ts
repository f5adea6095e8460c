import { collectSamples, loadSamples } from '../datasets/load-samples.js';
import type { DatasetSpec } from '../datasets/spec.js';
import { normalizeLanguage } from '../domain/language.js';
import type { SampleResultLabels } from '../domain/result.js';
import type { Sample } from '../domain/sample.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { DatasetError } from '../errors/dataset-error.js';
import { type PlanIssue, PlanValidationError } from '../errors/plan-validation-error.js';
import { type Logger, silentLogger } from '../logger/logger.js';
import { getMetric } from '../metrics/registry.js';
import { resolvePlanEnv } from '../plan/resolve-env.js';
import type { JudgeSpec, ModelSpec, Plan } from '../plan/schema.js';
import { createPromptRenderer, type PromptRendering } from '../prompts/render-prompt.js';
import type { PromptSpec } from '../prompts/spec.js';
import { type AdaptiveConcurrency, createAdaptiveConcurrency } from '../rate-limit/adaptive-concurrency.js';
import { type ConcurrencyLimiter, createConcurrencyLimiter } from '../rate-limit/concurrency-limiter.js';
import { createInProcessRateLimiter } from '../rate-limit/in-process-rate-limiter.js';
import { getScorer } from '../scoring/registry.js';
import type { Scorer } from '../scoring/scorer.js';
import type { MetricV1 } from '../spec/metric.js';
import type { GenerateRequest, ModelProviderV1 } from '../spec/model-provider.js';
import { supportsLogLikelihood } from '../spec/model-provider.js';
import type { RateLimiterV1 } from '../spec/rate-limiter.js';
import { normalizeTaskType } from '../taxonomy/task-types.js';
import { BudgetLedger } from './budget.js';
import type { EvaluateOptions, ProviderSource } from './options.js';
import { findPrice, type ModelPrice } from './prices.js';
import { assertReducer, type RepeatReducer } from './reducers.js';

/** Defaults of the engine's knobs. */
export const ENGINE_DEFAULTS = Object.freeze({
  globalConcurrency: 64,
  modelConcurrency: 16,
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  chunkSize: 256,
  resultBatchSize: 512,
  flushIntervalMs: 500,
  progressIntervalMs: 100,
});

/** One model of the run, ready to call. */
export interface ModelRuntime {
  /** The model's spec, placeholders resolved. */
  readonly spec: ModelSpec;
  readonly id: string;
  readonly provider: ModelProviderV1;
  readonly price: ModelPrice | undefined;
  /** Calls in flight at most (the adaptive limiter's maximum when adaptive). */
  readonly limit: number;
  /** The adaptive limiter, when adaptive concurrency is on. */
  readonly adaptive: AdaptiveConcurrency | undefined;
  readonly rateLimiter: RateLimiterV1 | undefined;
  /** The request's fields other than the prompt (sampling parameters). */
  readonly parameters: Omit<GenerateRequest, 'prompt'>;
  /** Whether `parameters` has any field. */
  readonly hasParameters: boolean;
  /** Send chat messages (the provider takes them and the prompt style is chat). */
  readonly chat: boolean;
  /** Counts prompt tokens for budgets and token limits. */
  readonly countTokens: ((text: string) => number) | undefined;
}

/** A sample with the labels its results carry. */
export interface PreparedSample {
  readonly sample: Sample;
  readonly labels: SampleResultLabels;
}

/** One evaluated dataset of the run. */
export interface DatasetRuntime {
  readonly name: string;
  /**
   * The samples this process holds, by id: all of them when the dataset is held in memory; while it
   * streams, those of the chunks in flight (the run's job source adds and removes them).
   */
  readonly byId: Map<string, PreparedSample>;
  /** The samples in load order when the dataset is held in memory; `undefined` when it streams. */
  readonly held: readonly PreparedSample[] | undefined;
  /** Reads the samples from the source again, in load order (what a streamed dataset is fed from). */
  readonly stream: () => AsyncIterable<PreparedSample>;
  /** Renders a sample's prompt per the dataset's prompt spec. */
  readonly render: (sample: Sample) => PromptRendering;
}

/** What the run scores with. */
export interface ScoringRuntime {
  readonly scorer: Scorer;
  readonly metrics: readonly MetricV1[];
  readonly judge: ModelProviderV1 | undefined;
  readonly reducer: RepeatReducer;
  readonly repeats: number;
  readonly confidenceLevel: number;
}

/** Everything about a plan the engine needs before any dataset is read. */
export interface ResolvedPlan {
  /** The plan with `${VAR}` placeholders resolved (for this run only; never stored). */
  readonly plan: Plan;
  readonly models: ReadonlyMap<string, ModelRuntime>;
  readonly scoring: ScoringRuntime;
  readonly budget: BudgetLedger | undefined;
  /** The limit across models, when the models' own limits can exceed it. */
  readonly globalLimiter: ConcurrencyLimiter | undefined;
}

function positiveInt(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new BenchHubError(`${name} must be an integer >= 1, got ${String(value)}`);
  }
  return value;
}

async function lookupProvider(
  source: ProviderSource,
  spec: ModelSpec | JudgeSpec,
  path: string,
  issues: PlanIssue[],
): Promise<ModelProviderV1 | undefined> {
  if (typeof source === 'function') {
    try {
      return await source(spec);
    } catch (error) {
      issues.push({
        path,
        message: `the provider function failed for "${spec.id}": ${(error as Error).message}`,
      });
      return undefined;
    }
  }
  const found = Object.hasOwn(source, spec.id)
    ? source[spec.id]
    : Object.hasOwn(source, spec.provider)
      ? source[spec.provider]
      : undefined;
  if (found === undefined) {
    const known = Object.keys(source);
    issues.push({
      path,
      message: `no provider for model "${spec.id}": pass providers["${spec.id}"] (or providers["${spec.provider}"])${known.length > 0 ? `; given: ${known.join(', ')}` : ''}`,
    });
  }
  return found;
}

function modelParameters(spec: ModelSpec): Omit<GenerateRequest, 'prompt'> {
  const p = spec.parameters ?? {};
  return {
    ...(p.maxTokens === undefined ? {} : { maxTokens: p.maxTokens }),
    ...(p.temperature === undefined ? {} : { temperature: p.temperature }),
    ...(p.topP === undefined ? {} : { topP: p.topP }),
    ...(p.stop === undefined ? {} : { stop: p.stop }),
    ...(p.seed === undefined ? {} : { seed: p.seed }),
    ...(p.logprobs === undefined ? {} : { logprobs: p.logprobs }),
    ...(p.topLogprobs === undefined ? {} : { topLogprobs: p.topLogprobs }),
    ...(p.extra === undefined ? {} : { extra: p.extra }),
  };
}

function concurrencySettings(options: EvaluateOptions) {
  const raw = options.concurrency;
  const given = typeof raw === 'number' ? { global: raw } : (raw ?? {});
  const adaptive = given.adaptive ?? false;
  return {
    global: positiveInt(given.global, 'concurrency.global') ?? ENGINE_DEFAULTS.globalConcurrency,
    perModel: positiveInt(given.perModel, 'concurrency.perModel') ?? ENGINE_DEFAULTS.modelConcurrency,
    adaptive: adaptive !== false,
    adaptiveMin:
      typeof adaptive === 'object' ? (positiveInt(adaptive.min, 'concurrency.adaptive.min') ?? 1) : 1,
  };
}

function hasSystemMessage(plan: Plan): boolean {
  return [plan.prompt, ...Object.values(plan.prompts ?? {})].some((s) => s?.system !== undefined);
}

/** What the plan asks of a provider that its capability flags refuse (an absent flag refuses nothing). */
function capabilityIssues(spec: ModelSpec, provider: ModelProviderV1, plan: Plan, chat: boolean): string[] {
  const caps = provider.capabilities;
  const name = `provider ${provider.providerId}/${provider.modelId}`;
  const issues: string[] = [];
  if (spec.parameters?.seed !== undefined && caps.seed === false)
    issues.push(`parameters.seed is set, but ${name} does not support seeds: remove the seed`);
  if (
    (spec.parameters?.temperature !== undefined || spec.parameters?.topP !== undefined) &&
    caps.temperature === false
  )
    issues.push(`parameters.temperature/topP are set, but ${name} takes no sampling parameters: remove them`);
  if (spec.parameters?.logprobs === true && caps.logprobs === false)
    issues.push(`parameters.logprobs is set, but ${name} does not return log-probabilities`);
  if (chat && caps.chat && caps.systemPrompt === false && hasSystemMessage(plan))
    issues.push(`the prompt has a system message, but ${name} does not take one: fold it into the template`);
  return issues;
}

function chatStyle(plan: Plan): boolean {
  const specs = [plan.prompt, ...Object.values(plan.prompts ?? {})];
  return specs.every((s) => s === undefined || s.style !== 'completion');
}

/**
 * Checks a plan against the run's options and resolves everything except the datasets: providers (with
 * their capabilities checked against the scoring method), prices (when a budget is set), limits, the
 * scorer and the metrics. Throws a `PlanValidationError` listing every problem, before any task exists.
 */
export async function resolvePlan(plan: Plan, options: EvaluateOptions): Promise<ResolvedPlan> {
  const needsEnv = options.env !== undefined || typeof options.providers === 'function';
  const resolved = needsEnv ? resolvePlanEnv(plan, options.env ?? {}) : plan;
  const issues: PlanIssue[] = [];
  const method = resolved.evaluation.method;
  const scorerOptions =
    method === 'llm_judge' && resolved.evaluation.judge
      ? {
          ...(resolved.evaluation.judge.criteria ? { criteria: resolved.evaluation.judge.criteria } : {}),
          ...(resolved.evaluation.judge.mode ? { mode: resolved.evaluation.judge.mode } : {}),
        }
      : undefined;
  const scorer = getScorer(method, scorerOptions as never);
  const limits = concurrencySettings(options);
  const budget = options.budgetUsd === undefined ? undefined : new BudgetLedger(options.budgetUsd);
  const chat = chatStyle(resolved);

  const models = new Map<string, ModelRuntime>();
  for (const [i, spec] of resolved.models.entries()) {
    const path = `models[${i}]`;
    const provider = await lookupProvider(options.providers, spec, path, issues);
    if (provider === undefined) continue;
    if (scorer.requires.logLikelihoods && !supportsLogLikelihood(provider)) {
      issues.push({
        path,
        message: `evaluation.method ${method} needs log-likelihoods, but provider ${provider.providerId}/${provider.modelId} does not support them`,
      });
    }
    if (scorer.requires.generation && !provider.capabilities.generate) {
      issues.push({
        path,
        message: `provider ${provider.providerId}/${provider.modelId} cannot generate text`,
      });
    }
    for (const message of capabilityIssues(spec, provider, resolved, chat)) issues.push({ path, message });
    const price = findPrice(spec, options.prices);
    if (budget !== undefined) {
      if (price === undefined)
        issues.push({
          path,
          message: `a budget needs the price of "${spec.id}": give the model a price in the plan or pass it in options.prices`,
        });
      if (scorer.requires.generation && spec.parameters?.maxTokens === undefined)
        issues.push({
          path: `${path}.parameters.maxTokens`,
          message: 'a budget needs maxTokens so that every call has a bounded cost',
        });
    }
    const limit = spec.concurrency ?? provider.capabilities.maxConcurrency ?? limits.perModel;
    const rateLimiter =
      typeof options.rateLimiter === 'function'
        ? options.rateLimiter(spec)
        : (options.rateLimiter ??
          (spec.rateLimit?.requestsPerMinute !== undefined || spec.rateLimit?.tokensPerMinute !== undefined
            ? createInProcessRateLimiter({
                ...(spec.rateLimit.requestsPerMinute === undefined
                  ? {}
                  : { requestsPerMinute: spec.rateLimit.requestsPerMinute }),
                ...(spec.rateLimit.tokensPerMinute === undefined
                  ? {}
                  : { tokensPerMinute: spec.rateLimit.tokensPerMinute }),
              })
            : undefined));
    const countTokens = provider.countTokens?.bind(provider);
    models.set(spec.id, {
      spec,
      id: spec.id,
      provider,
      price,
      limit,
      adaptive: limits.adaptive
        ? createAdaptiveConcurrency({ initial: limit, max: limit, min: Math.min(limits.adaptiveMin, limit) })
        : undefined,
      rateLimiter,
      parameters: modelParameters(spec),
      hasParameters: Object.keys(modelParameters(spec)).length > 0,
      chat: chat && provider.capabilities.chat,
      countTokens,
    });
  }

  let judge: ModelProviderV1 | undefined;
  if (scorer.requires.judge && resolved.evaluation.judge) {
    judge = await lookupProvider(options.providers, resolved.evaluation.judge, 'evaluation.judge', issues);
  }

  const metrics: MetricV1[] = [];
  for (const [i, name] of resolved.evaluation.metrics.entries()) {
    const own = options.metrics?.find((m) => m.name === name);
    if (own) {
      metrics.push(own);
      continue;
    }
    try {
      metrics.push(getMetric(name, options.embedder ? { embedder: options.embedder } : {}));
    } catch (error) {
      issues.push({ path: `evaluation.metrics[${i}]`, message: (error as Error).message });
    }
  }
  const reducer: RepeatReducer = options.reducer ?? resolved.evaluation.reducer ?? 'mean';
  try {
    assertReducer(reducer, resolved.evaluation.metrics);
  } catch (error) {
    issues.push({
      path: options.reducer === undefined ? 'evaluation.reducer' : 'options.reducer',
      message: (error as Error).message,
    });
  }
  if (issues.length > 0) throw new PlanValidationError(issues);

  let sum = 0;
  for (const m of models.values()) sum += m.limit;
  return {
    plan: resolved,
    models,
    scoring: {
      scorer,
      metrics,
      judge,
      reducer,
      repeats: resolved.evaluation.repeats,
      confidenceLevel: resolved.evaluation.confidenceLevel,
    },
    budget,
    globalLimiter: sum > limits.global ? createConcurrencyLimiter(limits.global) : undefined,
  };
}

/** Memoises a string normalisation: datasets repeat a handful of label values many times. */
function memo(fn: (value: string) => string): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    let out = seen.get(value);
    if (out === undefined) {
      out = fn(value);
      seen.set(value, out);
    }
    return out;
  };
}

interface LabelNormalizers {
  language: (value: string) => string;
  taskType: (value: string) => string;
}

function labelsOf(sample: Sample, normalize: LabelNormalizers): SampleResultLabels {
  const m = sample.metadata;
  const { language: languageOf, taskType: taskTypeOf } = normalize;
  return {
    language: languageOf(m.language),
    subjectType: m.subjectType,
    ...(m.taskType === undefined ? {} : { taskType: taskTypeOf(m.taskType) }),
    ...(m.targetType === undefined ? {} : { targetType: m.targetType }),
    ...(m.problemType === undefined ? {} : { problemType: m.problemType }),
    ...(m.benchmarkName === undefined ? {} : { benchmarkName: m.benchmarkName }),
  };
}

/** Options of {@link loadRunDatasets}. */
export interface LoadRunDatasetsOptions {
  baseDir?: string;
  signal?: AbortSignal;
  logger?: Logger;
  huggingface?: EvaluateOptions['huggingface'];
  /**
   * Which datasets are read into memory up front: `all` (a worker looking samples up by id), or `needed`
   * (the default): only those that must be, because they are sampled (`sampleSize`: the sampler holds
   * its sample anyway) or are their own few-shot pool; the others stream through the run.
   */
  hold?: 'all' | 'needed';
}

/**
 * Opens the datasets a plan evaluates (a dataset used only as another's few-shot pool is not evaluated),
 * with their few-shot pools and prompt renderers. Held datasets are read now (a sample id appearing
 * twice in one is an error); streamed ones are read when the run streams them. Ids must also be unique
 * across datasets (they key the results): the run's census checks that for every dataset.
 */
export async function loadRunDatasets(
  plan: Plan,
  options: LoadRunDatasetsOptions = {},
): Promise<Map<string, DatasetRuntime>> {
  const logger = options.logger ?? silentLogger;
  const loadOptions = {
    ...(options.baseDir === undefined ? {} : { baseDir: options.baseDir }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.huggingface === undefined ? {} : { huggingface: options.huggingface }),
    logger,
  };
  const promptOf = (name: string): PromptSpec | undefined => plan.prompts?.[name] ?? plan.prompt;
  const poolNames = new Set<string>();
  for (const d of plan.datasets) {
    const pool = promptOf(d.name)?.fewShot?.dataset;
    if (pool !== undefined && pool !== d.name) poolNames.add(pool);
  }
  const specByName = new Map<string, DatasetSpec>(plan.datasets.map((d) => [d.name, d]));
  const pools = new Map<string, Sample[]>();
  const poolOf = async (name: string): Promise<Sample[]> => {
    let pool = pools.get(name);
    if (pool === undefined) {
      pool = (await collectSamples(specByName.get(name)!, loadOptions)).samples;
      pools.set(name, pool);
    }
    return pool;
  };
  const normalize: LabelNormalizers = {
    language: memo((value) => normalizeLanguage(value) ?? value),
    taskType: memo(normalizeTaskType),
  };

  const out = new Map<string, DatasetRuntime>();
  for (const spec of plan.datasets) {
    if (poolNames.has(spec.name)) continue;
    const prompt: PromptSpec | Record<string, never> = promptOf(spec.name) ?? {};
    const fewShot = 'fewShot' in prompt ? prompt.fewShot : undefined;
    const fewShotName = fewShot !== undefined && fewShot.k > 0 ? fewShot.dataset : undefined;
    const stream = async function* (): AsyncGenerator<PreparedSample> {
      for await (const sample of loadSamples(spec, loadOptions)) {
        yield { sample, labels: labelsOf(sample, normalize) };
      }
    };
    const hold = options.hold === 'all' || spec.sampleSize !== undefined || fewShotName === spec.name;
    const byId = new Map<string, PreparedSample>();
    let held: PreparedSample[] | undefined;
    if (hold) {
      held = [];
      for await (const prepared of stream()) {
        if (byId.has(prepared.sample.id)) {
          throw new DatasetError(
            `sample id "${prepared.sample.id}" appears twice: ids must be unique (they key the results)`,
            { source: spec.name, field: 'id' },
          );
        }
        held.push(prepared);
        byId.set(prepared.sample.id, prepared);
      }
    }
    const fewShotPool =
      fewShotName === undefined
        ? undefined
        : fewShotName === spec.name
          ? held!.map((s) => s.sample)
          : await poolOf(fewShotName);
    const render = createPromptRenderer(prompt, {
      ...(fewShotPool === undefined ? {} : { fewShotPool }),
    });
    out.set(spec.name, { name: spec.name, byId, held, stream, render });
  }
  return out;
}

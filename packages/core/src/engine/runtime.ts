import { setMaxListeners } from 'node:events';
import { createSingleFlight } from '../cache/single-flight.js';
import { type SampleResult, toSampleResultError } from '../domain/result.js';
import { BenchHubError } from '../errors/benchhub-error.js';
import { type Logger, silentLogger } from '../logger/logger.js';
import type { PromptRendering } from '../prompts/render-prompt.js';
import type { ScoreResult, ScoringContext } from '../scoring/scorer.js';
import type { MetricOutput } from '../spec/metric.js';
import type { GenerateRequest, GenerateResult, LogLikelihoodResult } from '../spec/model-provider.js';
import { UnrecoverableJobError } from '../spec/queue-errors.js';
import { type CallOutcome, type CallPolicy, callWithPolicy, generate, usageTokens } from './call-model.js';
import type { StopReason } from './evaluation-result.js';
import { type ChunkRun, ModelLanes } from './model-lanes.js';
import type { EvaluateOptions } from './options.js';
import { type DatasetRuntime, ENGINE_DEFAULTS, type ResolvedPlan } from './prepare.js';
import { costUsd } from './prices.js';
import type { ResultSink } from './result-sink.js';
import type { SampleJobData } from './sample-job.js';
import { promptTokens } from './tokens.js';

/** Where the answer of an item came from, with what scoring needs. */
interface ModelAnswer {
  text: string;
  generation: GenerateResult | undefined;
  logLikelihoods: readonly LogLikelihoodResult[] | undefined;
  attempts: number;
  cached: boolean;
  costUsd: number | undefined;
  latencyMs: number;
}

/** Placeholder of a result's `createdAt` until it is finished. */
const PENDING_DATE = new Date(0);

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0))
    throw new BenchHubError(`${name} must be a number > 0, got ${value}`);
  return value;
}

/**
 * The live state of one task's run in one process: the resolved plan, the loaded datasets, the model
 * lanes, the result sink and the stop flag. The coordinator and every worker process (see
 * `createSampleJobHandler`) each hold one; they share nothing but storage.
 */
export class EvaluationRuntime {
  /** The task the run writes to. */
  readonly taskId: string;
  /** Models, scoring, budget and limits. */
  readonly resolved: ResolvedPlan;
  /** The evaluated datasets. */
  readonly datasets: ReadonlyMap<string, DatasetRuntime>;
  /** Where finished results go. */
  readonly sink: ResultSink;
  /** Why the run stopped early, once it has. */
  stopReason: StopReason | undefined;
  /** Why it failed, for `error`. */
  stopError: unknown;

  private readonly controller = new AbortController();
  private readonly policy: CallPolicy;
  private readonly lanes = new Map<string, ModelLanes>();
  private readonly logger: Logger;

  constructor(
    taskId: string,
    resolved: ResolvedPlan,
    datasets: ReadonlyMap<string, DatasetRuntime>,
    sink: ResultSink,
    options: EvaluateOptions,
  ) {
    this.taskId = taskId;
    this.resolved = resolved;
    this.datasets = datasets;
    this.sink = sink;
    this.logger = options.logger ?? silentLogger;
    const retry = options.retry ?? {};
    this.policy = {
      retry: {
        maxAttempts: retry.maxAttempts ?? ENGINE_DEFAULTS.maxAttempts,
        baseDelayMs: retry.baseDelayMs ?? ENGINE_DEFAULTS.baseDelayMs,
        maxDelayMs: retry.maxDelayMs ?? Math.max(ENGINE_DEFAULTS.maxDelayMs, retry.baseDelayMs ?? 0),
        ...(retry.random === undefined ? {} : { random: retry.random }),
        onRetry: (info) =>
          this.logger.debug('retrying a model call', {
            taskId,
            attempt: info.attempt,
            delayMs: info.delayMs,
            error: String(info.error),
          }),
      },
      timeoutMs: options.timeoutMs === undefined ? undefined : positive(options.timeoutMs, 'timeoutMs', 1),
      globalLimiter: resolved.globalLimiter,
      cache: options.cache,
      cacheTtlMs: options.cacheTtlMs,
      flights: createSingleFlight<GenerateResult>(),
      logger: this.logger,
    };
    for (const model of resolved.models.values()) {
      this.lanes.set(
        model.id,
        new ModelLanes(
          model.limit,
          (chunk, index) => this.processItem(chunk, index),
          () => this.stopReason !== undefined,
        ),
      );
    }
  }

  /** Aborted when the run is cancelled or fails: every call in flight stops. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Stops scheduling. `budget` lets calls in flight finish; `cancelled` and `error` abort them.
   * The first reason wins.
   */
  stop(reason: Exclude<StopReason, 'completed'>, error?: unknown): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason;
    this.stopError = error;
    if (reason !== 'budget') this.controller.abort(error ?? new BenchHubError(`evaluation ${reason}`));
  }

  /** Writes the results still buffered (call it when a worker is done with the task). */
  async close(): Promise<void> {
    await this.sink.close();
  }

  /**
   * Works through one queue job. Resolves when every item is finished or skipped (after a stop).
   * Rejects with an `UnrecoverableJobError` when the job names a model or dataset this run lacks.
   */
  runChunk(data: SampleJobData, jobSignal?: AbortSignal): Promise<void> {
    const model = this.resolved.models.get(data.modelId);
    const dataset = this.datasets.get(data.dataset);
    const lanes = this.lanes.get(data.modelId);
    if (model === undefined || dataset === undefined || lanes === undefined) {
      return Promise.reject(
        new UnrecoverableJobError(
          `job names ${model === undefined ? `model "${data.modelId}"` : `dataset "${data.dataset}"`}, which this run does not have`,
        ),
      );
    }
    if (data.repeats.length !== data.sampleIds.length) {
      return Promise.reject(new UnrecoverableJobError('job data: sampleIds and repeats differ in length'));
    }
    const onJobAbort = (): void => this.stop('cancelled', jobSignal?.reason);
    if (jobSignal?.aborted) onJobAbort();
    jobSignal?.addEventListener('abort', onJobAbort, { once: true });
    // Each chunk gets its own signal, linked to the run's: providers (fetch) that leave a listener on
    // the signal of every call they make then leave them on a short-lived signal, not the run's.
    const chunkController = new AbortController();
    setMaxListeners(data.sampleIds.length + model.limit + 16, chunkController.signal);
    const onRunAbort = (): void => chunkController.abort(this.controller.signal.reason);
    if (this.controller.signal.aborted) onRunAbort();
    else this.controller.signal.addEventListener('abort', onRunAbort, { once: true });
    return new Promise<void>((resolve) => {
      lanes.submit({
        data,
        model,
        dataset,
        callOptions: { signal: chunkController.signal },
        renders: this.resolved.scoring.repeats > 1 ? new Map() : undefined,
        next: 0,
        remaining: data.sampleIds.length,
        done: () => {
          jobSignal?.removeEventListener('abort', onJobAbort);
          this.controller.signal.removeEventListener('abort', onRunAbort);
          resolve();
        },
      });
    });
  }

  private render(chunk: ChunkRun, sampleId: string): PromptRendering | Error {
    const cached = chunk.renders?.get(sampleId);
    if (cached !== undefined) return cached;
    let out: PromptRendering | Error;
    try {
      out = chunk.dataset.render(chunk.dataset.byId.get(sampleId)!.sample);
    } catch (error) {
      out = error instanceof Error ? error : new BenchHubError(String(error));
    }
    chunk.renders?.set(sampleId, out);
    return out;
  }

  /** One (model, sample, repeat): render, call, score, hand the result to the sink. Never throws. */
  private async processItem(chunk: ChunkRun, index: number): Promise<void> {
    const sampleId = chunk.data.sampleIds[index]!;
    const repeat = chunk.data.repeats[index]!;
    const { model, dataset } = chunk;
    const prepared = dataset.byId.get(sampleId);
    const result: SampleResult = {
      taskId: this.taskId,
      modelId: model.id,
      sampleId,
      datasetName: dataset.name,
      repeat,
      scores: {},
      attempts: 0,
      labels: prepared?.labels ?? { language: 'und', subjectType: [] },
      createdAt: PENDING_DATE,
    };
    let answer: ModelAnswer | undefined;
    try {
      if (prepared === undefined) {
        throw new BenchHubError(
          `sample "${sampleId}" is not in dataset "${dataset.name}" as loaded by this run`,
        );
      }
      const rendering = this.render(chunk, sampleId);
      if (rendering instanceof Error) throw rendering;
      answer = await this.ask(chunk, rendering, repeat, result);
      if (answer === undefined) return; // stopped before the call was sent
      result.attempts = answer.attempts;
      result.latencyMs = answer.latencyMs;
      if (answer.costUsd !== undefined) result.costUsd = answer.costUsd;
      const usage = answer.generation?.usage;
      if (usage?.inputTokens !== undefined && usage.outputTokens !== undefined) {
        result.usage = { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
      }
      await this.score(chunk, rendering, answer, result);
    } catch (error) {
      if (chunk.callOptions.signal.aborted) return; // cancelled: nothing is recorded, a re-run redoes it
      result.scores = {};
      delete result.extracted;
      result.error = toSampleResultError(error);
    }
    result.createdAt = new Date();
    const wait = this.sink.add(result, answer?.cached ?? false);
    if (wait !== undefined) await wait;
  }

  /** Sends the item's call(s); `undefined` when the budget stopped the run before sending. */
  private async ask(
    chunk: ChunkRun,
    rendering: PromptRendering,
    repeat: number,
    result: SampleResult,
  ): Promise<ModelAnswer | undefined> {
    const { model } = chunk;
    const { scorer } = this.resolved.scoring;
    const started = performance.now();
    if (!scorer.requires.generation) return this.askLogLikelihoods(chunk, rendering, started, result);

    const prompt = model.chat && rendering.messages !== undefined ? rendering.messages : rendering.prompt;
    const request: GenerateRequest = model.hasParameters ? { ...model.parameters, prompt } : { prompt };
    const budget = this.resolved.budget;
    const needTokens = budget !== undefined || model.rateLimiter !== undefined;
    const inputEstimate = needTokens ? promptTokens(request, model.countTokens) : 0;
    const tokens = inputEstimate + (request.maxTokens ?? 0);
    let reserved = 0;
    if (budget !== undefined) {
      reserved = costUsd(model.price!, inputEstimate, request.maxTokens ?? 0);
      if (!budget.tryReserve(reserved)) {
        this.stop('budget');
        return undefined;
      }
    }
    let outcome: CallOutcome<GenerateResult>;
    try {
      outcome =
        this.policy.cache === undefined
          ? await callWithPolicy(
              this.policy,
              model,
              tokens,
              usageTokens,
              (o) => model.provider.generate(request, o),
              chunk.callOptions,
            )
          : await generate(this.policy, model, request, repeat, tokens, chunk.callOptions);
    } catch (error) {
      budget?.settle(reserved, reserved); // aborted in flight: assume it was paid for
      throw error;
    }
    if (!outcome.ok) {
      budget?.settle(reserved, 0);
      result.attempts = outcome.attempts;
      throw outcome.error;
    }
    const generation = outcome.value;
    const usage = generation.usage;
    let cost: number | undefined;
    if (outcome.cached) cost = 0;
    else if (
      model.price !== undefined &&
      usage.inputTokens !== undefined &&
      usage.outputTokens !== undefined
    ) {
      cost = costUsd(model.price, usage.inputTokens, usage.outputTokens);
    }
    if (budget !== undefined) {
      const actual = cost ?? reserved;
      if (actual > reserved) {
        this.logger.warn('a call cost more than its reservation', { modelId: model.id, reserved, actual });
      }
      budget.settle(reserved, actual);
    }
    return {
      text: generation.text,
      generation,
      logLikelihoods: undefined,
      attempts: outcome.attempts,
      cached: outcome.cached,
      costUsd: cost,
      latencyMs: generation.latencyMs ?? performance.now() - started,
    };
  }

  private async askLogLikelihoods(
    chunk: ChunkRun,
    rendering: PromptRendering,
    started: number,
    result: SampleResult,
  ): Promise<ModelAnswer> {
    const { model } = chunk;
    const context = rendering.rendered.prompt;
    const requests = rendering.rendered.choices.map((continuation) => ({ context, continuation }));
    const outcome = await callWithPolicy(
      this.policy,
      model,
      0,
      () => undefined,
      (o) => model.provider.logLikelihood!(requests, o),
      chunk.callOptions,
    );
    if (!outcome.ok) {
      result.attempts = outcome.attempts;
      throw outcome.error;
    }
    return {
      text: '',
      generation: undefined,
      logLikelihoods: outcome.value,
      attempts: outcome.attempts,
      cached: false,
      costUsd: undefined,
      latencyMs: performance.now() - started,
    };
  }

  /**
   * Scores the answer with the plan's method and metrics into `result` (throws what scoring throws).
   * Metrics are usually synchronous; the promise of an asynchronous one is awaited.
   */
  private async score(
    chunk: ChunkRun,
    rendering: PromptRendering,
    answer: ModelAnswer,
    result: SampleResult,
  ): Promise<void> {
    const { scorer, metrics, judge } = this.resolved.scoring;
    const sample = chunk.dataset.byId.get(result.sampleId)!.sample;
    const context: ScoringContext = { prompt: rendering.rendered, signal: chunk.callOptions.signal };
    if (judge !== undefined) context.judge = judge;
    if (answer.logLikelihoods !== undefined) context.logLikelihoods = answer.logLikelihoods;
    const verdict: ScoreResult = await scorer.score(sample, answer.text, context);
    const output: MetricOutput = {
      text: answer.text,
      extracted: verdict.extracted,
      correct: verdict.correct,
    };
    const logprobs = answer.generation?.logprobs;
    if (logprobs !== undefined) output.logprobs = logprobs;
    if (answer.logLikelihoods !== undefined)
      output.choiceLogprobs = answer.logLikelihoods.map((r) => r.logprob);
    const scores: Record<string, number | null> = {};
    for (const metric of metrics) {
      let value = metric.score(sample, output);
      if (typeof value === 'object' && value !== null) value = await value;
      scores[metric.name] = value === null || Number.isFinite(value) ? value : null;
    }
    if (verdict.metrics !== undefined) {
      for (const name in verdict.metrics) {
        const value = verdict.metrics[name]!;
        if (!(name in scores) && Number.isFinite(value)) scores[name] = value;
      }
    }
    if (scorer.requires.generation) result.output = answer.text;
    result.extracted = verdict.extracted;
    result.scores = scores;
  }
}

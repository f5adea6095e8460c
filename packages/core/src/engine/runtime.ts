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
import { type ChunkRun, type ItemFinish, type LaneCallOptions, ModelLanes } from './model-lanes.js';
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
  /** Wall time from sending the call to having the answer (retries and cache included). */
  waitedMs: number;
}

/**
 * Answers that took at least this long (a remote model) are scored after the lane's next call is
 * sent; a faster one (an in-process model, a cache hit) is scored at once, which spares an event-loop
 * turn per item.
 */
const DEFER_AFTER_MS = 1;

/** Placeholder of a result's `createdAt` until it is finished. */
const PENDING_DATE = new Date(0);

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0))
    throw new BenchHubError(`${name} must be a number > 0, got ${value}`);
  return value;
}

/**
 * The live state of one task's run in one process: the resolved plan, the datasets, the model
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
  /** Score answers that took a while after the lane's next call is sent (see `callItem`). */
  private readonly pipelined: boolean;

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
    // Every lane listens to the run's signal: more than the default 10 listeners is normal. (The run's
    // signal is never handed to a provider, whose `fetch` would pay for a limit of 0 on every request.)
    setMaxListeners(0, this.controller.signal);
    // Scoring that calls a model (a judge, an embedder) stays inside the lane that made the call, so the
    // calls in flight never exceed the lanes; local scoring runs after the lane's next call is sent.
    this.pipelined = !resolved.scoring.scorer.requires.judge && options.embedder === undefined;
    for (const model of resolved.models.values()) {
      this.lanes.set(
        model.id,
        new ModelLanes({
          width: model.limit,
          work: (chunk, index, callOptions) => this.callItem(chunk, index, callOptions),
          skip: () => this.stopReason !== undefined,
          signal: this.controller.signal,
        }),
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
    return new Promise<void>((resolve) => {
      lanes.submit({
        data,
        model,
        dataset,
        renders: this.resolved.scoring.repeats > 1 ? new Map() : undefined,
        next: 0,
        remaining: data.sampleIds.length,
        done: () => {
          jobSignal?.removeEventListener('abort', onJobAbort);
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

  /**
   * One (model, sample, repeat): renders the prompt, sends the call, and once the answer is in scores
   * it and hands the result to the sink. When the call took a while (a remote model) and scoring is
   * local, it resolves as soon as the answer is in, leaving scoring and storing to the lane, which runs
   * them after sending its next call. Resolves `undefined` when the item is finished (or cancelled, or
   * stopped by the budget before sending: nothing recorded). Never rejects.
   */
  private async callItem(chunk: ChunkRun, index: number, callOptions: LaneCallOptions): Promise<ItemFinish> {
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
    let rendering: PromptRendering | Error;
    let answer: ModelAnswer | undefined;
    try {
      if (prepared === undefined) {
        throw new BenchHubError(
          `sample "${sampleId}" is not in dataset "${dataset.name}" as loaded by this run`,
        );
      }
      rendering = this.render(chunk, sampleId);
      if (rendering instanceof Error) throw rendering;
      answer = await this.ask(chunk, rendering, repeat, result, callOptions);
      if (answer === undefined) return undefined; // stopped before the call was sent
    } catch (error) {
      if (callOptions.signal.aborted) return undefined; // cancelled: nothing is recorded, a re-run redoes it
      const wait = this.record(result, error, undefined);
      if (wait !== undefined) await wait;
      return undefined;
    }
    if (this.pipelined && answer.waitedMs >= DEFER_AFTER_MS) {
      const answered = answer;
      const rendered = rendering;
      return () => this.finishItem(chunk, rendered, answered, result, callOptions.signal);
    }
    // The in-process path, inlined: it runs 50,000 times a second.
    let failure: unknown;
    try {
      await this.score(chunk, rendering, answer, result, callOptions.signal);
    } catch (error) {
      if (callOptions.signal.aborted) return undefined;
      failure = error;
    }
    const wait = this.record(result, failure, answer);
    if (wait !== undefined) await wait;
    return undefined;
  }

  /** Scores an answered item and hands its result to the sink. Never rejects. */
  private async finishItem(
    chunk: ChunkRun,
    rendering: PromptRendering,
    answer: ModelAnswer,
    result: SampleResult,
    signal: AbortSignal,
  ): Promise<void> {
    let failure: unknown;
    try {
      await this.score(chunk, rendering, answer, result, signal);
    } catch (error) {
      if (signal.aborted) return; // cancelled while scoring: nothing is recorded
      failure = error;
    }
    const wait = this.record(result, failure, answer);
    if (wait !== undefined) await wait;
  }

  /**
   * Finishes `result` with the answer's figures (as failed when `error` is set) and hands it to the
   * sink; returns a promise only when the sink asks its caller to wait (storage is behind).
   */
  private record(
    result: SampleResult,
    error: unknown,
    answer: ModelAnswer | undefined,
  ): Promise<void> | undefined {
    if (answer !== undefined) {
      result.attempts = answer.attempts;
      result.latencyMs = answer.latencyMs;
      if (answer.costUsd !== undefined) result.costUsd = answer.costUsd;
      const usage = answer.generation?.usage;
      if (usage?.inputTokens !== undefined && usage.outputTokens !== undefined) {
        result.usage = { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
      }
    }
    if (error !== undefined) {
      result.scores = {};
      delete result.extracted;
      result.error = toSampleResultError(error);
    }
    result.createdAt = new Date();
    return this.sink.add(result, answer?.cached ?? false);
  }

  /** Sends the item's call(s); `undefined` when the budget stopped the run before sending. */
  private async ask(
    chunk: ChunkRun,
    rendering: PromptRendering,
    repeat: number,
    result: SampleResult,
    callOptions: LaneCallOptions,
  ): Promise<ModelAnswer | undefined> {
    const { model } = chunk;
    const { scorer } = this.resolved.scoring;
    const started = performance.now();
    if (!scorer.requires.generation)
      return this.askLogLikelihoods(chunk, rendering, started, result, callOptions);

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
              callOptions,
            )
          : await generate(this.policy, model, request, repeat, tokens, callOptions);
    } catch (error) {
      budget?.settle(reserved, reserved); // aborted in flight: assume it was paid for
      throw error;
    }
    if (!outcome.ok) {
      budget?.settle(reserved, 0);
      result.attempts = outcome.attempts;
      throw outcome.error;
    }
    const waitedMs = performance.now() - started;
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
      latencyMs: generation.latencyMs ?? waitedMs,
      waitedMs,
    };
  }

  private async askLogLikelihoods(
    chunk: ChunkRun,
    rendering: PromptRendering,
    started: number,
    result: SampleResult,
    callOptions: LaneCallOptions,
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
      callOptions,
    );
    if (!outcome.ok) {
      result.attempts = outcome.attempts;
      throw outcome.error;
    }
    const waitedMs = performance.now() - started;
    return {
      text: '',
      generation: undefined,
      logLikelihoods: outcome.value,
      attempts: outcome.attempts,
      cached: false,
      costUsd: undefined,
      latencyMs: waitedMs,
      waitedMs,
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
    signal: AbortSignal,
  ): Promise<void> {
    const { scorer, metrics, judge } = this.resolved.scoring;
    const sample = chunk.dataset.byId.get(result.sampleId)!.sample;
    const context: ScoringContext = { prompt: rendering.rendered, signal };
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

import { BenchHubError } from '../errors/benchhub-error.js';
import { ProviderCallError } from '../errors/provider-call-error.js';
import {
  createFunctionProvider,
  type FunctionProviderOptions,
  type PartialGenerateResult,
} from '../providers/function-provider.js';
import type {
  GenerateRequest,
  LogLikelihoodRequest,
  LogLikelihoodResult,
  ModelProviderV1,
  TokenLogprob,
} from '../spec/model-provider.js';
import { fnv1a32 } from '../text/fnv1a.js';
import {
  createAttemptCounter,
  createFaultPlan,
  type Fault,
  type FaultMix,
  type FaultScript,
} from './http/fault-plan.js';
import { createLatencySampler, type LatencySpec } from './http/latency.js';

/** A canned answer: the text, or a result with usage, finish reason, logprobs... */
export type MockResponse = string | PartialGenerateResult;

/** One recorded `generate` call. */
export interface MockGenerateCall {
  /** 0-based position among this mock's `generate` calls. */
  index: number;
  /** The request as received. */
  request: GenerateRequest;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
}

/** How a recorded call ended: still running, answered, failed (injected or not), or aborted by the caller. */
export type MockCallOutcome = 'pending' | 'success' | 'error' | 'aborted';

/** One `generate` call with its attempt, injected fault, outcome and timing. */
export interface MockCallRecord {
  /** 0-based position among this mock's `generate` calls (same as in `calls`). */
  index: number;
  /** The request as received. */
  request: GenerateRequest;
  /** The sample the call belongs to (see `MockProviderOptions.sampleKeyOf`). */
  sampleKey: string;
  /** 1-based attempt of this sample: how many calls with the same sample key came before, plus one. */
  attempt: number;
  /** The failure injected into this call, if any. */
  fault: Fault | undefined;
  /** How the call ended. */
  outcome: MockCallOutcome;
  /** The error the caller got, when the outcome is `error` or `aborted`. */
  error: unknown;
  /** `performance.now()` when the call started. */
  startedAt: number;
  /** `performance.now()` when it settled; `undefined` while pending. */
  settledAt: number | undefined;
}

/** One recorded `logLikelihood` call. */
export interface MockLogLikelihoodCall {
  /** The requests as received. */
  requests: readonly LogLikelihoodRequest[];
}

/** One recorded `embed` call. */
export interface MockEmbedCall {
  /** The texts as received. */
  texts: readonly string[];
}

/** Seeded failures of `generate` calls (see `createFaultPlan`). */
export interface MockFaultOptions {
  /** Fraction of calls that fail, in [0, 1]. */
  rate: number;
  /** Seed of the draws; defaults to the mock's `seed`. Draws depend on (seed, sample key, attempt) only. */
  seed?: number;
  /** Weights of the kinds. Default: 429, 500 and timeouts alike. */
  mix?: FaultMix;
  /** Retry-After of injected 429s in milliseconds. Default 1000. */
  retryAfterMs?: number;
}

/** Options of `createMockProvider`. Give `responses`, `respond` or `failWith`. */
export interface MockProviderOptions {
  /** One answer for every call, or one answer per call in order (running out is an error). */
  responses?: MockResponse | readonly MockResponse[];
  /** Computes the answer; wins over `responses`. */
  respond?: (request: GenerateRequest, call: MockGenerateCall) => MockResponse | Promise<MockResponse>;
  /**
   * Makes calls fail: an error thrown by every call, or a function returning the error for a given
   * call (or `undefined` to let it succeed). Errors are wrapped like any provider's (a
   * `ProviderCallError` passes through; give one with `isRetryable: true` to test retries).
   */
  failWith?: Error | ((request: GenerateRequest, index: number) => unknown);
  /** Waits this long before answering (honouring the signal). Same as a fixed `latency`. */
  delayMs?: number;
  /** Waits before answering, fixed or drawn from a seeded distribution (wins over `delayMs`). */
  latency?: LatencySpec;
  /** Seed of the latency draws and (unless `faults.seed` is given) of the fault draws. Default 1. */
  seed?: number;
  /**
   * Injects failures like a real API's, thrown as `ProviderCallError`: 429 with `retryAfterMs`
   * (retryable), 500 (retryable), timeouts (the call never settles until its signal aborts) and
   * malformed bodies (status 200, not retryable).
   */
  faults?: MockFaultOptions;
  /**
   * Scripted failures, by call index (a list) or by call (a function of index, attempt and sample
   * key); checked before `faults`.
   *
   * @example
   * ```ts
   * createMockProvider({ responses: 'A', script: [undefined, 'rate-limit', { kind: 'server-error', statusCode: 503 }] });
   * createMockProvider({ responses: 'A', script: ({ sampleKey }) => (sampleKey.includes('q7') ? 'server-error' : undefined) });
   * ```
   */
  script?: FaultScript;
  /**
   * The sample a request belongs to, for per-sample attempts and scripts. Default: the prompt text
   * (chat messages as JSON), so the retries of one sample share a key.
   */
  sampleKeyOf?: (request: GenerateRequest) => string;
  /**
   * Fills `logprobs` when a request asks for them (`request.logprobs`): `true` gives each
   * whitespace-separated piece of the answer a deterministic log-probability; a function computes them.
   */
  logprobs?: true | ((text: string, request: GenerateRequest) => readonly TokenLogprob[]);
  /** Provider id. Default `mock`. */
  providerId?: string;
  /** Model id. Default `mock-model`. */
  modelId?: string;
  /** Declared capabilities (see `createFunctionProvider`). */
  capabilities?: FunctionProviderOptions['capabilities'];
  /** Counts tokens to fill `usage`. Default: whitespace-separated words. */
  countTokens?: (text: string) => number;
  /** Answers `logLikelihood` calls; enables the capability. */
  logLikelihood?: (
    requests: readonly LogLikelihoodRequest[],
  ) => LogLikelihoodResult[] | Promise<LogLikelihoodResult[]>;
  /**
   * Scores one continuation (a per-choice log-likelihood); enables `logLikelihood` when
   * `logLikelihood` is not given. A number is the log-probability (`isGreedy` is then true for the best
   * continuation of each context in the batch).
   *
   * @example
   * ```ts
   * createMockProvider({ responses: 'A', choiceLogprob: ({ continuation }) => (continuation === ' B' ? -0.1 : -2.3) });
   * ```
   */
  choiceLogprob?: (request: LogLikelihoodRequest) => number | LogLikelihoodResult;
  /** Answers `embed` calls; enables the capability. */
  embed?: (texts: readonly string[]) => number[][] | Promise<number[][]>;
  /**
   * Enables `embed` with deterministic vectors of this many dimensions (hashed words, unit length), so
   * equal texts embed equally and texts sharing words are close. Ignored when `embed` is given.
   */
  embedDimensions?: number;
}

/** A model provider for tests that records every call. */
export interface MockProvider extends ModelProviderV1 {
  /** Every `generate` call so far, failed and aborted ones included. */
  readonly calls: MockGenerateCall[];
  /** Every `generate` call with its attempt, fault, outcome and timing (same order as `calls`). */
  readonly records: MockCallRecord[];
  /** Every `logLikelihood` call so far. */
  readonly logLikelihoodCalls: MockLogLikelihoodCall[];
  /** Every `embed` call so far. */
  readonly embedCalls: MockEmbedCall[];
  /** How many `generate` calls each sample key got. */
  attemptsBySample(): Map<string, number>;
  /** Forgets recorded calls and attempts, and restarts the `responses` sequence. */
  reset(): void;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never settles on its own: rejects with the signal's reason once it aborts. */
function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function promptKey(request: GenerateRequest): string {
  return typeof request.prompt === 'string' ? request.prompt : JSON.stringify(request.prompt);
}

/** Deterministic per-word log-probabilities in (-2, 0]: a stand-in for a model's token logprobs. */
function syntheticLogprobs(text: string): TokenLogprob[] {
  return (text.match(/\S+\s*/g) ?? []).map((token) => ({
    token,
    logprob: -((fnv1a32(token) % 2000) / 1000),
  }));
}

/** Deterministic unit vectors from hashed words (a bag-of-words embedding). */
function hashedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    const h = fnv1a32(word);
    vector[h % dimensions] = (vector[h % dimensions] ?? 0) + (h & 0x8000_0000 ? -1 : 1);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector.map((_, i) => (i === 0 ? 1 : 0)) : vector.map((v) => v / norm);
}

/** The error a real adapter would throw for an injected fault (timeouts never get here). */
function faultError(fault: Fault, providerId: string, modelId: string): ProviderCallError {
  const where = `${providerId}/${modelId}`;
  if (fault.kind === 'rate-limit') {
    return new ProviderCallError(`${where}: 429 Too Many Requests (injected rate limit)`, {
      provider: providerId,
      model: modelId,
      statusCode: 429,
      isRetryable: true,
      ...(fault.retryAfterMs === undefined ? {} : { retryAfterMs: fault.retryAfterMs }),
      responseBody: '{"error":{"type":"rate_limit_exceeded"}}',
    });
  }
  if (fault.kind === 'malformed') {
    return new ProviderCallError(`${where}: the response body is not valid JSON (injected malformed body)`, {
      provider: providerId,
      model: modelId,
      statusCode: 200,
      isRetryable: false,
      responseBody: '{"choices":[{"message":{"content":"Ans',
    });
  }
  const statusCode = fault.statusCode ?? 500;
  return new ProviderCallError(`${where}: ${statusCode} server error (injected)`, {
    provider: providerId,
    model: modelId,
    statusCode,
    responseBody: '{"error":{"type":"server_error"}}',
  });
}

function bestPerContext(requests: readonly LogLikelihoodRequest[], scores: number[]): Map<string, number> {
  const best = new Map<string, number>();
  requests.forEach((request, i) => {
    const score = scores[i] ?? Number.NEGATIVE_INFINITY;
    const current = best.get(request.context);
    if (current === undefined || score > current) best.set(request.context, score);
  });
  return best;
}

function logLikelihoodFromChoices(
  choiceLogprob: (request: LogLikelihoodRequest) => number | LogLikelihoodResult,
): (requests: readonly LogLikelihoodRequest[]) => LogLikelihoodResult[] {
  return (requests) => {
    const answers = requests.map((request) => choiceLogprob(request));
    const scores = answers.map((a) => (typeof a === 'number' ? a : a.logprob));
    const best = bestPerContext(requests, scores);
    return answers.map((answer, i) =>
      typeof answer === 'number'
        ? { logprob: answer, isGreedy: answer === best.get(requests[i]?.context ?? '') }
        : answer,
    );
  };
}

function validateOptions(options: MockProviderOptions): void {
  const { responses, respond, failWith, delayMs, embedDimensions } = options;
  if (responses === undefined && respond === undefined && failWith === undefined) {
    throw new BenchHubError('createMockProvider: give `responses`, `respond` or `failWith`');
  }
  if (delayMs !== undefined && (!Number.isFinite(delayMs) || delayMs < 0)) {
    throw new BenchHubError(`createMockProvider: delayMs must be a finite number >= 0, got ${delayMs}`);
  }
  if (embedDimensions !== undefined && (!Number.isInteger(embedDimensions) || embedDimensions < 1)) {
    throw new BenchHubError(
      `createMockProvider: embedDimensions must be a positive integer, got ${embedDimensions}`,
    );
  }
}

/**
 * A scripted model provider that records its calls, for tests of anything that takes a
 * `ModelProviderV1`. It behaves like a real adapter: errors come out as `ProviderCallError` (429 with
 * `retryAfterMs`, 500, malformed bodies), a timed-out call hangs until its signal aborts and then
 * rejects with the signal's reason, latency and usage are filled in.
 *
 * @example
 * ```ts
 * const model = createMockProvider({ responses: ['Answer: A', 'Answer: B'] });
 * await model.generate({ prompt: 'Q1' });
 * expect(model.calls[0]?.request.prompt).toBe('Q1');
 *
 * // 30% of calls fail (seeded mix of 429, 500 and timeouts), 20–80 ms latency:
 * const flaky = createMockProvider({
 *   respond: () => 'Answer: A',
 *   latency: { distribution: 'uniform', minMs: 20, maxMs: 80 },
 *   faults: { rate: 0.3, retryAfterMs: 200 },
 *   seed: 7,
 * });
 * ```
 */
export function createMockProvider(options: MockProviderOptions): MockProvider {
  validateOptions(options);
  const { responses, respond, failWith } = options;
  const calls: MockGenerateCall[] = [];
  const records: MockCallRecord[] = [];
  const logLikelihoodCalls: MockLogLikelihoodCall[] = [];
  const embedCalls: MockEmbedCall[] = [];
  const providerId = options.providerId ?? 'mock';
  const modelId = options.modelId ?? 'mock-model';
  const seed = options.seed ?? 1;
  const latencySpec = options.latency ?? options.delayMs;
  const nextLatency = latencySpec === undefined ? undefined : createLatencySampler(latencySpec, seed);
  const faultPlan =
    options.faults === undefined && options.script === undefined
      ? undefined
      : createFaultPlan({
          rate: options.faults?.rate ?? 0,
          seed: options.faults?.seed ?? seed,
          ...(options.faults?.mix === undefined ? {} : { mix: options.faults.mix }),
          ...(options.faults?.retryAfterMs === undefined
            ? {}
            : { retryAfterMs: options.faults.retryAfterMs }),
          ...(options.script === undefined ? {} : { script: options.script }),
        });
  const sampleKeyOf = options.sampleKeyOf ?? promptKey;
  const attempts = createAttemptCounter();
  const attemptTotals = new Map<string, number>();

  function answerFor(request: GenerateRequest, call: MockGenerateCall): MockResponse | Promise<MockResponse> {
    if (respond !== undefined) return respond(request, call);
    if (typeof responses === 'string' || (typeof responses === 'object' && !Array.isArray(responses))) {
      return responses as MockResponse;
    }
    const list = (responses ?? []) as readonly MockResponse[];
    const answer = list[call.index];
    if (answer === undefined) {
      throw new BenchHubError(
        `mock provider ${providerId}/${modelId} has no response for call #${call.index + 1} (${list.length} given)`,
      );
    }
    return answer;
  }

  function withLogprobs(answer: MockResponse, request: GenerateRequest): MockResponse {
    const { logprobs } = options;
    if (logprobs === undefined || request.logprobs !== true) return answer;
    const result = typeof answer === 'string' ? { text: answer } : answer;
    if (result.logprobs !== undefined) return result;
    const tokens = logprobs === true ? syntheticLogprobs(result.text) : logprobs(result.text, request);
    return { ...result, logprobs: tokens };
  }

  const functionOptions: FunctionProviderOptions = {
    providerId,
    modelId,
    countTokens: options.countTokens ?? countWords,
    ...(options.capabilities === undefined ? {} : { capabilities: options.capabilities }),
  };
  const logLikelihood =
    options.logLikelihood ??
    (options.choiceLogprob === undefined ? undefined : logLikelihoodFromChoices(options.choiceLogprob));
  if (logLikelihood !== undefined) {
    functionOptions.logLikelihood = async (requests) => {
      logLikelihoodCalls.push({ requests });
      return logLikelihood(requests);
    };
  }
  const { embedDimensions } = options;
  const embed =
    options.embed ??
    (embedDimensions === undefined
      ? undefined
      : (texts: readonly string[]) => texts.map((t) => hashedEmbedding(t, embedDimensions)));
  if (embed !== undefined) {
    functionOptions.embed = async (texts) => {
      embedCalls.push({ texts });
      return embed(texts);
    };
  }

  // Each call passes a fresh copy of its request, so concurrent calls find their own record.
  const pending = new WeakMap<GenerateRequest, { call: MockGenerateCall; record: MockCallRecord }>();
  const inner = createFunctionProvider(async (tagged, { signal }) => {
    const entry = pending.get(tagged);
    if (entry === undefined) throw new BenchHubError('mock provider: call record missing');
    const { call, record } = entry;
    const delay = nextLatency?.();
    if (record.fault?.kind === 'timeout') return hang(signal);
    if (delay !== undefined && delay > 0) await wait(delay, signal);
    if (record.fault !== undefined) throw faultError(record.fault, providerId, modelId);
    const failure = typeof failWith === 'function' ? failWith(call.request, call.index) : failWith;
    if (failure !== undefined) throw failure;
    return withLogprobs(await answerFor(call.request, call), call.request);
  }, functionOptions);

  const mock: MockProvider = {
    ...inner,
    calls,
    records,
    logLikelihoodCalls,
    embedCalls,
    generate(request, callOptions = {}) {
      const call: MockGenerateCall = { index: calls.length, request, signal: callOptions.signal };
      calls.push(call);
      const sampleKey = sampleKeyOf(request);
      const attempt = attempts.next(sampleKey);
      attemptTotals.set(sampleKey, attempt);
      let fault: Fault | undefined;
      try {
        fault = faultPlan?.({ index: call.index, attempt, sampleKey });
      } catch (error) {
        return Promise.reject(error);
      }
      const record: MockCallRecord = {
        index: call.index,
        request,
        sampleKey,
        attempt,
        fault,
        outcome: 'pending',
        error: undefined,
        startedAt: performance.now(),
        settledAt: undefined,
      };
      records.push(record);
      const tagged = { ...request };
      pending.set(tagged, { call, record });
      const settle = (outcome: MockCallOutcome, error?: unknown): void => {
        record.outcome = outcome;
        record.error = error;
        record.settledAt = performance.now();
      };
      return inner.generate(tagged, callOptions).then(
        (result) => {
          settle('success');
          return result;
        },
        (error: unknown) => {
          settle(callOptions.signal?.aborted === true ? 'aborted' : 'error', error);
          throw error;
        },
      );
    },
    attemptsBySample() {
      return new Map(attemptTotals);
    },
    reset() {
      calls.length = 0;
      records.length = 0;
      logLikelihoodCalls.length = 0;
      embedCalls.length = 0;
      attempts.reset();
      attemptTotals.clear();
    },
  };
  return mock;
}

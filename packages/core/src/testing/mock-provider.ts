import { BenchHubError } from '../errors/benchhub-error.js';
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
} from '../spec/model-provider.js';

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
  /** Waits this long before answering (honouring the signal), to test concurrency and cancellation. */
  delayMs?: number;
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
  /** Answers `embed` calls; enables the capability. */
  embed?: (texts: readonly string[]) => number[][] | Promise<number[][]>;
}

/** A model provider for tests that records every call. */
export interface MockProvider extends ModelProviderV1 {
  /** Every `generate` call so far, failed and aborted ones included. */
  readonly calls: MockGenerateCall[];
  /** Every `logLikelihood` call so far. */
  readonly logLikelihoodCalls: MockLogLikelihoodCall[];
  /** Every `embed` call so far. */
  readonly embedCalls: MockEmbedCall[];
  /** Forgets recorded calls and restarts the `responses` sequence. */
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

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * A scripted model provider that records its calls, for tests of anything that takes a
 * `ModelProviderV1`. It behaves like a real adapter: errors come out as `ProviderCallError`, an
 * aborted call rejects with the signal's reason, latency and usage are filled in.
 *
 * @example
 * ```ts
 * const model = createMockProvider({ responses: ['Answer: A', 'Answer: B'] });
 * await model.generate({ prompt: 'Q1' });
 * expect(model.calls[0]?.request.prompt).toBe('Q1');
 * ```
 */
export function createMockProvider(options: MockProviderOptions): MockProvider {
  const { responses, respond, failWith, delayMs } = options;
  if (responses === undefined && respond === undefined && failWith === undefined) {
    throw new BenchHubError('createMockProvider: give `responses`, `respond` or `failWith`');
  }
  if (delayMs !== undefined && (!Number.isFinite(delayMs) || delayMs < 0)) {
    throw new BenchHubError(`createMockProvider: delayMs must be a finite number >= 0, got ${delayMs}`);
  }
  const calls: MockGenerateCall[] = [];
  const logLikelihoodCalls: MockLogLikelihoodCall[] = [];
  const embedCalls: MockEmbedCall[] = [];
  const providerId = options.providerId ?? 'mock';
  const modelId = options.modelId ?? 'mock-model';

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

  const functionOptions: FunctionProviderOptions = {
    providerId,
    modelId,
    countTokens: options.countTokens ?? countWords,
    ...(options.capabilities === undefined ? {} : { capabilities: options.capabilities }),
  };
  const { logLikelihood, embed } = options;
  if (logLikelihood !== undefined) {
    functionOptions.logLikelihood = async (requests) => {
      logLikelihoodCalls.push({ requests });
      return logLikelihood(requests);
    };
  }
  if (embed !== undefined) {
    functionOptions.embed = async (texts) => {
      embedCalls.push({ texts });
      return embed(texts);
    };
  }

  // Each call passes a fresh copy of its request, so concurrent calls find their own record.
  const pending = new WeakMap<GenerateRequest, MockGenerateCall>();
  const inner = createFunctionProvider(async (tagged, { signal }) => {
    const call = pending.get(tagged);
    if (call === undefined) throw new BenchHubError('mock provider: call record missing');
    if (delayMs !== undefined && delayMs > 0) await wait(delayMs, signal);
    const failure = typeof failWith === 'function' ? failWith(call.request, call.index) : failWith;
    if (failure !== undefined) throw failure;
    return answerFor(call.request, call);
  }, functionOptions);

  const mock: MockProvider = {
    ...inner,
    calls,
    logLikelihoodCalls,
    embedCalls,
    generate(request, callOptions = {}) {
      const call: MockGenerateCall = { index: calls.length, request, signal: callOptions.signal };
      calls.push(call);
      const tagged = { ...request };
      pending.set(tagged, call);
      return inner.generate(tagged, callOptions);
    },
    reset() {
      calls.length = 0;
      logLikelihoodCalls.length = 0;
      embedCalls.length = 0;
    },
  };
  return mock;
}

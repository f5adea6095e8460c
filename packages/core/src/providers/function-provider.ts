import { BenchHubError } from '../errors/benchhub-error.js';
import { ProviderCallError } from '../errors/provider-call-error.js';
import type {
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LogLikelihoodRequest,
  LogLikelihoodResult,
  ModelCapabilities,
  ModelProviderV1,
  ProviderCallOptions,
  TokenUsage,
} from '../spec/model-provider.js';
import { abortable } from './abortable.js';
import { toProviderCallError } from './to-provider-call-error.js';

/** What the wrapped function gets besides the request: always a signal (a never-aborting one if the caller gave none). */
export interface FunctionCallContext {
  /** Aborts when the caller cancels; pass it on to `fetch` or the SDK you call. */
  signal: AbortSignal;
}

/** A generation result as a function may return it: only `text` is required. */
export type PartialGenerateResult = Pick<GenerateResult, 'text'> & {
  [K in Exclude<keyof GenerateResult, 'text' | 'usage'>]?: GenerateResult[K];
} & { usage?: Partial<TokenUsage> };

/** The function wrapped by `createFunctionProvider`: returns the text, or a result with more detail. */
export type GenerateFunction = (
  request: GenerateRequest,
  context: FunctionCallContext,
) => string | PartialGenerateResult | Promise<string | PartialGenerateResult>;

/** Options of `createFunctionProvider`. */
export interface FunctionProviderOptions {
  /** Provider family reported in results and errors. Default `function`. */
  providerId?: string;
  /** Model name reported in results and errors. Default: the function's name, else `function`. */
  modelId?: string;
  /**
   * Declared capabilities. `chat` defaults to true (chat prompts reach the function unchanged);
   * set it to false for a function that only takes strings. `logLikelihood` and `embed` follow from
   * the functions given below.
   */
  capabilities?: Partial<
    Pick<
      ModelCapabilities,
      'chat' | 'streaming' | 'maxConcurrency' | 'logprobs' | 'systemPrompt' | 'seed' | 'temperature'
    >
  >;
  /**
   * Counts tokens of a text, to fill `usage` when the function does not report it (an estimate). Also
   * exposed as the provider's `countTokens`, which the engine uses to reserve budgets and token limits.
   */
  countTokens?: (text: string) => number;
  /** Implements `logLikelihood`: one result per request, in order. */
  logLikelihood?: (
    requests: readonly LogLikelihoodRequest[],
    context: FunctionCallContext,
  ) => Promise<LogLikelihoodResult[]>;
  /** Implements `embed`: one vector per text, in order. */
  embed?: (texts: readonly string[], context: FunctionCallContext) => Promise<number[][]>;
}

const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'content-filter', 'error', 'other'];

function promptText(prompt: GenerateRequest['prompt']): string {
  return typeof prompt === 'string' ? prompt : prompt.map((m) => m.content).join('\n');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without a string `text`' : `a ${typeof value}`;
}

/**
 * Turns any async function into a `ModelProviderV1`: a `fetch` to your own endpoint, a local
 * runtime, a canned answer. The provider measures latency, counts tokens when asked, stops waiting
 * when the signal aborts (rejecting with the signal's reason), and wraps anything the function
 * throws into a `ProviderCallError` (retryable only when the thrown error says `isRetryable: true`).
 *
 * @example
 * ```ts
 * const provider = createFunctionProvider(
 *   async (request, { signal }) => {
 *     const res = await fetch('http://localhost:8000/generate', {
 *       method: 'POST', body: JSON.stringify({ prompt: request.prompt }), signal,
 *     });
 *     return ((await res.json()) as { text: string }).text;
 *   },
 *   { providerId: 'local', modelId: 'my-model', countTokens: (t) => Math.ceil(t.length / 4) },
 * );
 * ```
 */
export function createFunctionProvider(
  fn: GenerateFunction,
  options: FunctionProviderOptions = {},
): ModelProviderV1 {
  if (typeof fn !== 'function') {
    throw new BenchHubError(
      `createFunctionProvider: expected a function as first argument, got ${describe(fn)}`,
    );
  }
  const providerId = options.providerId ?? 'function';
  const modelId = options.modelId ?? (fn.name || 'function');
  if (providerId.trim() === '')
    throw new BenchHubError('createFunctionProvider: options.providerId is empty');
  if (modelId.trim() === '') throw new BenchHubError('createFunctionProvider: options.modelId is empty');
  const { countTokens, logLikelihood, embed } = options;
  const declared = Object.fromEntries(
    Object.entries(options.capabilities ?? {}).filter(([, value]) => value !== undefined),
  );
  const capabilities: ModelCapabilities = {
    ...declared,
    generate: true,
    chat: options.capabilities?.chat ?? true,
    logLikelihood: logLikelihood !== undefined,
    embed: embed !== undefined,
  };

  const fail = (message: string): ProviderCallError =>
    new ProviderCallError(`${providerId}/${modelId}: ${message}`, {
      provider: providerId,
      model: modelId,
      isRetryable: false,
    });

  /** Runs `work`, mapping failures to ProviderCallError and an abort to the signal's reason. */
  async function call<T>(
    signal: AbortSignal | undefined,
    work: (ctx: FunctionCallContext) => unknown,
  ): Promise<T> {
    const ctx: FunctionCallContext = { signal: signal ?? new AbortController().signal };
    try {
      if (signal?.aborted) throw signal.reason;
      return (await abortable(
        Promise.resolve().then(() => work(ctx)),
        signal,
      )) as T;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw toProviderCallError(error, providerId, modelId);
    }
  }

  function normalize(output: unknown, request: GenerateRequest, latencyMs: number): GenerateResult {
    const result: PartialGenerateResult | undefined =
      typeof output === 'string'
        ? { text: output }
        : typeof output === 'object' &&
            output !== null &&
            typeof (output as { text?: unknown }).text === 'string'
          ? (output as PartialGenerateResult)
          : undefined;
    if (result === undefined) {
      throw fail(
        `the function returned ${describe(output)}; expected a string or an object with a string \`text\``,
      );
    }
    const given = result.usage ?? {};
    const usage: TokenUsage = {
      inputTokens: given.inputTokens ?? countTokens?.(promptText(request.prompt)),
      outputTokens: given.outputTokens ?? countTokens?.(result.text),
    };
    const finishReason =
      result.finishReason !== undefined && FINISH_REASONS.includes(result.finishReason)
        ? result.finishReason
        : 'stop';
    return {
      text: result.text,
      finishReason,
      usage,
      ...(result.logprobs === undefined ? {} : { logprobs: result.logprobs }),
      ...(result.raw === undefined ? {} : { raw: result.raw }),
      latencyMs: result.latencyMs ?? latencyMs,
    };
  }

  const provider: ModelProviderV1 = {
    specificationVersion: 'v1',
    providerId,
    modelId,
    capabilities,
    async generate(request: GenerateRequest, callOptions: ProviderCallOptions = {}): Promise<GenerateResult> {
      if (typeof request.prompt !== 'string' && !capabilities.chat) {
        throw fail(
          'this provider takes a string prompt, but the request has chat messages (capabilities.chat is false)',
        );
      }
      const started = performance.now();
      const output = await call<unknown>(callOptions.signal, (ctx) => fn(request, ctx));
      return normalize(output, request, performance.now() - started);
    },
  };

  if (countTokens !== undefined) provider.countTokens = (text: string) => countTokens(text);
  if (logLikelihood !== undefined) {
    provider.logLikelihood = async (requests, callOptions = {}) => {
      const results = await call<LogLikelihoodResult[]>(callOptions.signal, (ctx) =>
        logLikelihood(requests, ctx),
      );
      if (!Array.isArray(results) || results.length !== requests.length) {
        throw fail(
          `logLikelihood returned ${Array.isArray(results) ? results.length : describe(results)} results for ${requests.length} requests`,
        );
      }
      return results;
    };
  }
  if (embed !== undefined) {
    provider.embed = async (texts, callOptions = {}) => {
      const vectors = await call<number[][]>(callOptions.signal, (ctx) => embed(texts, ctx));
      if (!Array.isArray(vectors) || vectors.length !== texts.length) {
        throw fail(
          `embed returned ${Array.isArray(vectors) ? vectors.length : describe(vectors)} vectors for ${texts.length} texts`,
        );
      }
      return vectors;
    };
  }
  return provider;
}

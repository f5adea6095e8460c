import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  BenchHubError,
  type GenerateRequest,
  type GenerateResult,
  type ModelCapabilities,
  type ModelProviderV1,
  ProviderCallError,
  type ProviderCallOptions,
} from '@benchhub/core';
import {
  callVendor,
  checkRequestSupport,
  elapsedMs,
  refusedRequest,
  type VendorCallContext,
} from '../shared/index.js';
import { aiSdkCallError } from './call-error.js';
import { type CallSettings, toCallOptions } from './call-options.js';
import { withDeadline } from './deadline.js';
import { type ModelGenerateResult, toGenerateResult } from './generate-result.js';
import { loadAI } from './load-ai.js';
import { defaultModelId, providerFamily } from './model-names.js';
import type { AISdkEmbeddingModel, AISdkLanguageModel, AISdkProviderOptions } from './options.js';
import { droppedStructuredFeatures } from './unsupported-warnings.js';

const DEFAULT_KEY_HINT = 'the apiKey option of the AI SDK provider factory that built the model';
/** What to change when a request asks for more than the options declare. */
const SUPPORT_HINTS = {
  tools: 'set the tools option of createAISdkProvider if the model supports function calling',
  structuredOutput: 'set the structuredOutput option of createAISdkProvider to what the model supports',
};

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string "${value}"`;
  if (typeof value !== 'object' || value === null) return String(value);
  const version = (value as { specificationVersion?: unknown }).specificationVersion;
  return version === undefined
    ? 'an object without specificationVersion'
    : `a model of spec ${String(version)}`;
}

function checkModel(model: unknown, what: string, method: 'doGenerate' | 'doEmbed'): void {
  const version = (model as { specificationVersion?: unknown } | null)?.specificationVersion;
  const ok =
    typeof model === 'object' &&
    model !== null &&
    (version === 'v3' || version === 'v2') &&
    typeof (model as Record<string, unknown>)[method] === 'function';
  if (!ok) {
    throw new BenchHubError(
      `createAISdkProvider: ${what} must be an AI SDK ${method === 'doGenerate' ? 'language' : 'embedding'} model object of spec v3 or v2 (from an AI SDK 5 or 6 provider package, e.g. openai('gpt-4o-mini')), got ${describe(model)}; model id strings are not resolved here`,
    );
  }
}

function checkPositive(name: string, value: number | undefined, integer: boolean): void {
  if (value === undefined) return;
  if (!(Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value)))) {
    throw new BenchHubError(
      `createAISdkProvider: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`,
    );
  }
}

/**
 * Wraps any Vercel AI SDK language model as a BenchHub provider, so every provider package of that
 * ecosystem (`@ai-sdk/openai`, `@ai-sdk/anthropic`, `@ai-sdk/google`, `@ai-sdk/mistral`, community
 * providers…) works without a BenchHub adapter.
 *
 * Calls go straight to `model.doGenerate` (not through `generateText`): the result is exactly what the
 * provider produced (unified and raw finish reason, usage, provider metadata, warnings), nothing is
 * retried (the engine's retry policy is the only one), nothing is logged to the console, and no runtime
 * package beyond the model itself is needed. The request maps as `prompt` (a string is one user message;
 * system messages stay `system` messages), `maxTokens` → `maxOutputTokens`, `temperature`, `topP`,
 * `stop` → `stopSequences`, `seed`, `tools`/`toolChoice` as function tools (`tool-call` parts come back
 * as `toolCalls`), `responseFormat` as `{ type: 'json', schema?, name?, description? }`, and `extra` →
 * `providerOptions[providerOptionsKey]` (for `createOpenAICompatible` models these land in the request
 * body unchanged). A model that answers without the tools or response format it was asked for (an
 * `unsupported` call warning) fails the call rather than pass off a plain answer. `embed()` exists when an
 * `embeddingModel` is given and goes through the `ai` package's `embedMany` (loaded on first use) with
 * `maxRetries: 0`, which splits texts by the model's limits and keeps their order.
 *
 * Ids: `providerId` is `ai-sdk` and `modelId` is `<family>/<model id>` (`openai/gpt-4o-mini`), so a plan
 * names it `{ provider: 'ai-sdk', model: 'openai/gpt-4o-mini' }` (model id `ai-sdk:openai/gpt-4o-mini`).
 *
 * Errors become `ProviderCallError`s (status, `isRetryable` by status, `retryAfterMs` from the
 * response headers, what to fix for 401/403/404/400 and configuration errors, keys redacted).
 *
 * @example
 * ```ts
 * import { createOpenAI } from '@ai-sdk/openai';
 * const openai = createOpenAI({ apiKey: myKey });
 * const provider = createAISdkProvider(openai('gpt-4o-mini'), {
 *   embeddingModel: openai.embedding('text-embedding-3-small'),
 * });
 * const { text, usage } = await provider.generate({ prompt: 'Capital of Korea?', maxTokens: 16 });
 * ```
 */
export function createAISdkProvider(
  model: AISdkLanguageModel,
  options: AISdkProviderOptions = {},
): ModelProviderV1 {
  checkModel(model, 'model', 'doGenerate');
  if (options.embeddingModel !== undefined) checkModel(options.embeddingModel, 'embeddingModel', 'doEmbed');
  checkPositive('maxConcurrency', options.maxConcurrency, true);
  checkPositive('timeoutMs', options.timeoutMs, false);

  const providerId = options.providerId ?? 'ai-sdk';
  const modelId = options.modelId ?? defaultModelId(model.provider, model.modelId);
  const providerOptionsKey = options.providerOptionsKey ?? providerFamily(model.provider);
  const keyHint = options.keyHint ?? DEFAULT_KEY_HINT;
  const logprobs = options.logprobs ?? false;
  const includeRaw = options.includeRaw ?? false;
  const timeoutMs = options.timeoutMs;
  const settings: CallSettings = {
    providerOptionsKey,
    providerOptions: options.providerOptions,
    headers: options.headers,
    logprobs,
  };

  const timeoutError = (context: VendorCallContext) => (): ProviderCallError =>
    new ProviderCallError(
      `${context.providerId}/${context.modelId}: no answer within ${timeoutMs} ms (timeoutMs); the call was aborted`,
      { provider: context.providerId, model: context.modelId, isRetryable: true },
    );

  /** Runs one call with the caller's signal, the timeout, and AI SDK errors mapped for `context`. */
  const call = <T>(
    signal: AbortSignal | undefined,
    context: VendorCallContext,
    work: (signal: AbortSignal | undefined) => PromiseLike<T>,
  ): Promise<T> =>
    withDeadline(signal, timeoutMs, timeoutError(context), (s) =>
      callVendor(
        s,
        async (inner) => work(inner),
        (error) => aiSdkCallError(error, context),
      ),
    );

  const generateContext: VendorCallContext = { providerId, modelId, keyHint };
  const generate = async (
    request: GenerateRequest,
    callOptions: ProviderCallOptions = {},
  ): Promise<GenerateResult> => {
    const start = performance.now();
    if (callOptions.signal?.aborted) throw callOptions.signal.reason;
    checkRequestSupport(request, capabilities, generateContext, SUPPORT_HINTS);
    const result = await call(callOptions.signal, generateContext, (signal) =>
      // A v2 model takes the same call options for text prompts; its flat usage and string finish
      // reason are read by toGenerateResult.
      (model as LanguageModelV3).doGenerate(toCallOptions(request, settings, signal)),
    );
    const dropped = droppedStructuredFeatures(request, result.warnings);
    if (dropped !== undefined) {
      throw refusedRequest(
        generateContext,
        `the model answered without what the request asked for (its warnings: ${dropped}); declare what it supports with the tools and structuredOutput options of createAISdkProvider, or configure the AI SDK provider (e.g. supportsStructuredOutputs for createOpenAICompatible)`,
      );
    }
    return toGenerateResult(
      result as ModelGenerateResult,
      { logprobsKey: logprobs && request.logprobs === true ? providerOptionsKey : undefined, includeRaw },
      elapsedMs(start),
    );
  };

  const capabilities: ModelCapabilities = {
    generate: true,
    chat: true,
    logLikelihood: false,
    embed: options.embeddingModel !== undefined,
    streaming: false,
    logprobs,
    systemPrompt: true,
    seed: options.seed ?? true,
    tools: options.tools ?? true,
    structuredOutput: options.structuredOutput ?? 'json_schema',
    ...(options.maxConcurrency === undefined ? {} : { maxConcurrency: options.maxConcurrency }),
  };

  const provider: ModelProviderV1 = {
    specificationVersion: 'v1',
    providerId,
    modelId,
    capabilities,
    generate,
  };

  const embeddingModel: AISdkEmbeddingModel | undefined = options.embeddingModel;
  if (embeddingModel !== undefined) {
    const embedContext: VendorCallContext = {
      providerId,
      modelId: defaultModelId(embeddingModel.provider, embeddingModel.modelId),
      keyHint,
    };
    provider.embed = async (texts, callOptions = {}) => {
      if (callOptions.signal?.aborted) throw callOptions.signal.reason;
      if (texts.length === 0) return [];
      const { embeddings } = await call(callOptions.signal, embedContext, async (signal) => {
        const { embedMany } = await loadAI(providerId, embedContext.modelId);
        return embedMany({
          model: embeddingModel,
          values: [...texts],
          maxRetries: 0,
          ...(signal === undefined ? {} : { abortSignal: signal }),
          ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
        });
      });
      return embeddings.map((vector) => [...vector]);
    };
  }

  return provider;
}

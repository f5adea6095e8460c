import {
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
  hasTools,
  lazyPeer,
  type VendorCallContext,
} from '../shared/index.js';
import { toAnthropicError } from './errors.js';
import type { AnthropicMessagesClient, AnthropicProviderOptions } from './options.js';
import { isBlankStop, JSON_MODE_TOOL, toAnthropicBody } from './request.js';
import { type AnthropicMessage, fromAnthropicMessage } from './response.js';

/** Anthropic's API; passed explicitly so the SDK never falls back to `ANTHROPIC_BASE_URL`. */
const DEFAULT_BASE_URL = 'https://api.anthropic.com';
/** The SDK's own default request timeout (10 minutes). */
const DEFAULT_TIMEOUT_MS = 600_000;
const DEFAULT_MAX_TOKENS = 1024;
/** The first API version that refuses `temperature`, `top_p` and `top_k`. */
const NO_SAMPLING_SINCE = '2026-10-21';

const loadAnthropic = lazyPeer(
  { packageName: '@anthropic-ai/sdk', range: '^1.14.0', neededBy: '@benchhub/providers/anthropic' },
  () => import('@anthropic-ai/sdk'),
);

function missingKeyError(providerId: string, modelId: string): ProviderCallError {
  return new ProviderCallError(
    `${providerId}/${modelId}: no API key: set ANTHROPIC_API_KEY (the plan's key reference) or pass apiKey to createAnthropicProvider`,
    { provider: providerId, model: modelId, isRetryable: false },
  );
}

function refusal(providerId: string, modelId: string, message: string): ProviderCallError {
  return new ProviderCallError(`${providerId}/${modelId}: ${message}`, {
    provider: providerId,
    model: modelId,
    isRetryable: false,
  });
}

/**
 * A `ModelProviderV1` on Anthropic's Messages API through the official `@anthropic-ai/sdk` (an optional
 * peer dependency, loaded on the first call). A string prompt is one user message; `system` messages go
 * to the `system` parameter; `maxTokens` defaults to `defaultMaxTokens` (the API requires one). Usage,
 * stop reason and latency come with every result. The SDK's retries are off (the engine retries), the
 * key is passed explicitly and the environment is never read. Anthropic returns no log-probabilities and
 * takes no seed, so `logprobs` and `seed` are declared false.
 *
 * Tools map to client tools (`toolChoice` `required` → `any`) and `tool_use` blocks come back as
 * `toolCalls`. Structured output: a JSON schema goes to `output_config.format` (generally available,
 * also under the SDK's default API version); JSON mode, which the API lacks, is a forced tool whose
 * input becomes the text (it cannot be combined with tools or extended thinking).
 *
 * With the SDK's default API version (2026-10-21) the API refuses `temperature` and `top_p`, so they are
 * not sent (pass `apiVersion: '2023-06-01'` to send them). Whitespace-only stop sequences, which the API
 * refuses, are applied by cutting the text instead.
 *
 * @example
 * ```ts
 * const claude = createAnthropicProvider({ model: 'claude-haiku-4-5', apiKey: process.env.ANTHROPIC_API_KEY });
 * const result = await claude.generate({ prompt: 'Capital of Korea?', maxTokens: 32 });
 * console.log(result.text, result.usage);
 * ```
 */
export function createAnthropicProvider(options: AnthropicProviderOptions): ModelProviderV1 {
  const providerId = options.providerId ?? 'anthropic';
  const modelId = options.model;
  const context: VendorCallContext = {
    providerId,
    modelId,
    keyHint: 'ANTHROPIC_API_KEY',
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
  };
  const settings = {
    model: modelId,
    defaultMaxTokens: options.defaultMaxTokens ?? DEFAULT_MAX_TOKENS,
    sendsSampling: options.apiVersion !== undefined && options.apiVersion < NO_SAMPLING_SINCE,
  };
  const capabilities: ModelCapabilities = {
    generate: true,
    chat: true,
    logLikelihood: false,
    embed: false,
    streaming: false,
    logprobs: false,
    systemPrompt: true,
    seed: false,
    temperature: settings.sendsSampling,
    tools: true,
    structuredOutput: options.structuredOutput ?? 'json_schema',
    ...(options.maxConcurrency === undefined ? {} : { maxConcurrency: options.maxConcurrency }),
  };

  let client: Promise<AnthropicMessagesClient> | undefined;
  const getClient = (): Promise<AnthropicMessagesClient> => {
    if (options.client !== undefined) return Promise.resolve(options.client);
    const apiKey = options.apiKey;
    if (apiKey === undefined || apiKey === '') return Promise.reject(missingKeyError(providerId, modelId));
    client ??= loadAnthropic(providerId, modelId).then(({ default: Anthropic }) => {
      const headers = {
        ...options.headers,
        ...(options.apiVersion === undefined ? {} : { 'anthropic-version': options.apiVersion }),
      };
      return new Anthropic({
        apiKey,
        baseURL: options.baseURL ?? DEFAULT_BASE_URL,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRetries: 0,
        defaultHeaders: headers,
        // Given explicitly so the SDK reads none of its environment variables for them.
        webhookKey: null,
        logLevel: 'warn',
        openTelemetry: {},
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      }) as unknown as AnthropicMessagesClient;
    });
    client.catch(() => {
      client = undefined;
    });
    return client;
  };

  const generate = async (
    request: GenerateRequest,
    call: ProviderCallOptions = {},
  ): Promise<GenerateResult> => {
    const signal = call.signal;
    if (signal?.aborted) throw signal.reason;
    const start = performance.now();
    checkRequestSupport(request, capabilities, context);
    const jsonMode = request.responseFormat?.type === 'json';
    if (jsonMode && hasTools(request)) {
      throw refusal(
        providerId,
        modelId,
        'JSON mode (responseFormat json) is a forced tool on the Messages API and cannot be combined with tools: give a json_schema responseFormat instead',
      );
    }
    const body = toAnthropicBody(request, settings);
    if (body.messages.length === 0) {
      throw refusal(
        providerId,
        modelId,
        'the prompt has no user or assistant message: the Messages API needs at least one',
      );
    }
    // A client built here has its timeout; one given is told only when timeoutMs is set.
    const timeout =
      options.client !== undefined && options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {};
    const message = (await callVendor(
      signal,
      async (s) => (await getClient()).messages.create(body, { signal: s, ...timeout }),
      (error) => toAnthropicError(error, context),
    )) as AnthropicMessage;
    const outcome = fromAnthropicMessage(message, {
      stop: request.stop?.filter(isBlankStop),
      jsonModeTool: jsonMode ? JSON_MODE_TOOL : undefined,
    });
    return {
      ...outcome,
      latencyMs: elapsedMs(start),
      ...(options.includeRaw === true ? { raw: message } : {}),
    };
  };

  return { specificationVersion: 'v1', providerId, modelId, capabilities, generate };
}

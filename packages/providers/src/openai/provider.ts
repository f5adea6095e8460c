import {
  BenchHubError,
  type GenerateRequest,
  type GenerateResult,
  type LogLikelihoodRequest,
  type LogLikelihoodResult,
  type ModelCapabilities,
  type ModelProviderV1,
  ProviderCallError,
  type ProviderCallOptions,
} from '@benchhub/core';
import { elapsedMs, unsupportedRequest, type VendorCallContext } from '../shared/index.js';
import { callOpenAI } from './call.js';
import { toChatBody, toGenerateResult } from './chat.js';
import { batches, orderedVectors, toEmbeddingBody } from './embeddings.js';
import { recordErrorBodies } from './error-bodies.js';
import { toOpenAIError, unusableResponse } from './errors.js';
import { orderedChoices, scoreEcho, toEchoBody } from './log-likelihood.js';
import type { OpenAIClient, OpenAICompatibleProviderOptions, OpenAIProviderOptions } from './options.js';
import { buildClient, loadOpenAI, type OpenAILoader, resolveApiKey } from './sdk.js';

const DEFAULT_EMBEDDING_BATCH = 256;
/** What to change when a request asks for more than the options declare. */
const SUPPORT_HINTS = {
  tools: 'set the tools option to true if the server supports function calling',
  structuredOutput: "set the structuredOutput option to the server's support, or ask for JSON in the prompt",
};
const DEFAULT_LOG_LIKELIHOOD_BATCH = 32;

/** What differs between the OpenAI and the OpenAI-compatible factories. */
export interface OpenAIFlavour {
  /** Provider id when the options give none. */
  providerId: string;
  /** Where the key comes from, for the 401 hint, when the options give none. */
  keyHint: string;
}

function positiveInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new BenchHubError(`OpenAI provider: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/** The base URL as errors may show it: user name, password and query (which may carry a key) removed. */
function withoutCredentials(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return undefined;
  }
}

function capabilitiesOf(options: OpenAIProviderOptions): ModelCapabilities {
  return {
    generate: true,
    chat: true,
    logLikelihood: options.logLikelihood === true,
    embed: options.embeddingModel !== undefined,
    streaming: false,
    logprobs: true,
    systemPrompt: true,
    seed: true,
    tools: options.tools ?? true,
    structuredOutput: options.structuredOutput ?? 'json_schema',
    ...(options.maxConcurrency === undefined
      ? {}
      : { maxConcurrency: positiveInteger(options.maxConcurrency, 'maxConcurrency', 1) }),
  };
}

/** The SDK client of one provider, built on the first call (loading `openai` then) and reused. */
interface ClientSource {
  /** The client, once built (calls then skip a promise turn). */
  ready(): OpenAIClient | undefined;
  /** The client, building it on the first call; rejects without a key or without the `openai` package. */
  get(): Promise<OpenAIClient>;
  /** The recorded body of an error response, by the `Headers` object on the SDK's error. */
  bodyOf(headers: unknown): string | undefined;
}

function clientSource(
  options: OpenAIProviderOptions,
  context: VendorCallContext,
  load: OpenAILoader,
): ClientSource {
  const given = options.client;
  if (given !== undefined) {
    return { ready: () => given, get: () => Promise.resolve(given), bodyOf: () => undefined };
  }
  const apiKey = resolveApiKey(options);
  const recorder = recordErrorBodies(options.fetch ?? globalThis.fetch);
  let built: OpenAIClient | undefined;
  let pending: Promise<OpenAIClient> | undefined;
  return {
    ready: () => built,
    get() {
      if (apiKey === undefined) {
        return Promise.reject(
          new ProviderCallError(
            `${context.providerId}/${context.modelId}: no API key for the OpenAI API: pass apiKey (the BenchHub CLI and registry read it from ${context.keyHint ?? 'OPENAI_API_KEY'}), or give baseURL for a server that needs none`,
            { provider: context.providerId, model: context.modelId, isRetryable: false },
          ),
        );
      }
      pending ??= load(context.providerId, context.modelId).then(
        (sdk) => {
          built = buildClient(sdk, options, apiKey, recorder.fetch);
          return built;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    bodyOf: recorder.bodyOf,
  };
}

/**
 * Builds an OpenAI-protocol provider with the given SDK loader. `createOpenAIProvider` and
 * `createOpenAICompatibleProvider` call it with the real loader; tests pass one that fails.
 */
export function buildOpenAIProvider(
  options: OpenAIProviderOptions,
  flavour: OpenAIFlavour,
  load: OpenAILoader = loadOpenAI,
): ModelProviderV1 {
  if (typeof options.model !== 'string' || options.model.trim() === '') {
    throw new BenchHubError('OpenAI provider: options.model must be a non-empty model name');
  }
  const providerId = options.providerId ?? flavour.providerId;
  const modelId = options.model;
  const context: VendorCallContext = {
    providerId,
    modelId,
    keyHint: options.keyHint ?? flavour.keyHint,
    baseURL: withoutCredentials(options.baseURL ?? options.client?.baseURL),
  };
  const capabilities = capabilitiesOf(options);
  const maxTokensField =
    options.maxTokensField ?? (options.baseURL === undefined ? 'max_completion_tokens' : 'max_tokens');
  if (maxTokensField !== 'max_tokens' && maxTokensField !== 'max_completion_tokens') {
    throw new BenchHubError(
      `OpenAI provider: maxTokensField must be 'max_tokens' or 'max_completion_tokens', got ${JSON.stringify(maxTokensField)}`,
    );
  }
  const embeddingBatch = positiveInteger(
    options.embeddingBatchSize,
    'embeddingBatchSize',
    DEFAULT_EMBEDDING_BATCH,
  );
  const echoBatch = positiveInteger(
    options.logLikelihoodBatchSize,
    'logLikelihoodBatchSize',
    DEFAULT_LOG_LIKELIHOOD_BATCH,
  );
  const includeRaw = options.includeRaw === true;
  const client = clientSource(options, context, load);
  const toError = (error: unknown): ProviderCallError => toOpenAIError(error, context, client.bodyOf);

  const provider: ModelProviderV1 = {
    specificationVersion: 'v1',
    providerId,
    modelId,
    capabilities,
    generate(request: GenerateRequest, callOptions?: ProviderCallOptions): Promise<GenerateResult> {
      const start = performance.now();
      const refused = unsupportedRequest(request, capabilities, context, SUPPORT_HINTS);
      if (refused !== undefined) {
        return Promise.reject(callOptions?.signal?.aborted ? callOptions.signal.reason : refused);
      }
      // Promise chains rather than async functions: this is the per-call path the overhead figure measures.
      return callOpenAI(
        callOptions?.signal,
        (signal) => {
          const body = toChatBody(request, modelId, maxTokensField);
          const requestOptions = signal === undefined ? undefined : { signal };
          const ready = client.ready();
          const completion =
            ready === undefined
              ? client.get().then((sdk) => sdk.chat.completions.create(body, requestOptions))
              : ready.chat.completions.create(body, requestOptions);
          return completion.then((response) => {
            const result = toGenerateResult(response, request, elapsedMs(start), includeRaw);
            if (result === undefined) throw unusableResponse(context, 'the chat completion has no choices');
            return result;
          });
        },
        toError,
      );
    },
  };

  const embeddingModel = options.embeddingModel;
  if (embeddingModel !== undefined) {
    provider.embed = (texts: readonly string[], callOptions?: ProviderCallOptions): Promise<number[][]> =>
      callOpenAI(
        callOptions?.signal,
        async (signal) => {
          const sdk = await client.get();
          const vectors: number[][] = [];
          for (const batch of batches(texts, embeddingBatch)) {
            const response = await sdk.embeddings.create(
              toEmbeddingBody(embeddingModel, batch),
              signal === undefined ? undefined : { signal },
            );
            const ordered = orderedVectors(response, batch.length);
            if (typeof ordered === 'string') throw unusableResponse(context, ordered);
            vectors.push(...ordered);
          }
          return vectors;
        },
        toError,
      );
  }

  if (options.logLikelihood === true) {
    provider.logLikelihood = (
      requests: readonly LogLikelihoodRequest[],
      callOptions?: ProviderCallOptions,
    ): Promise<LogLikelihoodResult[]> =>
      callOpenAI(
        callOptions?.signal,
        async (signal) => {
          const sdk = await client.get();
          const results: LogLikelihoodResult[] = [];
          for (const batch of batches(requests, echoBatch)) {
            const response = await sdk.completions.create(
              toEchoBody(modelId, batch),
              signal === undefined ? undefined : { signal },
            );
            const choices = orderedChoices(response, batch.length);
            if (typeof choices === 'string') throw unusableResponse(context, choices);
            for (const [i, choice] of choices.entries()) {
              const scored = scoreEcho(choice, batch[i]!);
              if (typeof scored === 'string') throw unusableResponse(context, scored);
              results.push(scored);
            }
          }
          return results;
        },
        toError,
      );
  }

  return provider;
}

/**
 * A model behind the official OpenAI API, or behind any OpenAI-compatible server when `baseURL` is
 * given: chat completions with usage, finish reason, latency, log-probabilities (`top_logprobs` too),
 * function calling (`tools`, `toolChoice` → `toolCalls`) and structured output (`responseFormat` →
 * `response_format` `json_schema` or `json_object`); embeddings when `embeddingModel` is given;
 * log-likelihood through the legacy `/completions` echo when `logLikelihood: true` (vLLM). The
 * `openai` SDK loads on the first call, with its retries off. Errors are `ProviderCallError`s with the status, the server's message and `retryAfterMs`.
 *
 * @example
 * ```ts
 * const gpt = createOpenAIProvider({ model: 'gpt-4o-mini', apiKey: key, maxConcurrency: 8 });
 * const result = await gpt.generate({ prompt: 'Capital of Korea?', maxTokens: 16, logprobs: true });
 * ```
 */
export function createOpenAIProvider(options: OpenAIProviderOptions): ModelProviderV1 {
  return buildOpenAIProvider(options, { providerId: 'openai', keyHint: 'OPENAI_API_KEY' });
}

/**
 * A model behind an OpenAI-compatible server (vLLM, Ollama, LM Studio, llama.cpp's server, a gateway):
 * `createOpenAIProvider` with `providerId: 'openai-compatible'`, `baseURL` required, the key optional
 * (a server without authentication gets the placeholder key `no-key`) and `max_tokens` as the
 * max-tokens field.
 *
 * Tools and structured output are declared (`capabilities.tools`, `structuredOutput: 'json_schema'`)
 * and sent in OpenAI's wire format, but a server may not honour them: recent vLLM does (`toolChoice`
 * `auto` needs `--enable-auto-tool-choice` and a `--tool-call-parser`), self-hosted Ollama does (JSON
 * schemas from v0.5) and llama.cpp's server does (`--jinja` for tools); older servers and some gateways
 * ignore `response_format` or refuse `tools`. Declare what the server does with the `tools` and
 * `structuredOutput` options, and check the answers.
 *
 * @example
 * ```ts
 * const qwen = createOpenAICompatibleProvider({
 *   baseURL: 'http://127.0.0.1:8000/v1',
 *   model: 'Qwen/Qwen2.5-7B-Instruct',
 *   logLikelihood: true, // vLLM implements /completions with echo
 * });
 * ```
 */
export function createOpenAICompatibleProvider(options: OpenAICompatibleProviderOptions): ModelProviderV1 {
  if (typeof options.baseURL !== 'string' || options.baseURL.trim() === '') {
    throw new BenchHubError(
      'OpenAI-compatible provider: options.baseURL is required (the server, e.g. http://127.0.0.1:8000/v1)',
    );
  }
  return buildOpenAIProvider(options, {
    providerId: 'openai-compatible',
    keyHint: "the server's API key (the apiKey option)",
  });
}

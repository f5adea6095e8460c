import {
  BenchHubError,
  type GenerateRequest,
  type GenerateResult,
  type ModelCapabilities,
  type ModelProviderV1,
  ProviderCallError,
  type ProviderCallOptions,
} from '@benchhub/core';
import { callVendor, checkRequestSupport, elapsedMs, lazyPeer } from '../shared/index.js';
import { toHuggingFaceError } from './errors.js';
import type {
  HuggingFaceCallOptions,
  HuggingFaceInferenceClient,
  HuggingFaceProviderOptions,
  HuggingFaceTask,
} from './options.js';
import { toPooledVectors } from './pooling.js';
import { type FetchRecord, recordingFetch } from './recording-fetch.js';
import { type HuggingFaceRoute, toChatArgs, toTextGenerationArgs } from './request.js';
import { fromChatCompletion, fromTextGeneration, isChatCompletion } from './response.js';

const DEFAULT_TIMEOUT_MS = 600_000;
const DEFAULT_EMBEDDING_BATCH_SIZE = 32;
const TASKS: readonly HuggingFaceTask[] = ['chat', 'text-generation'];
/** Where tools and structured output are, when the text-generation task is asked for them. */
const TEXT_GENERATION_HINTS = {
  tools: "use task 'chat' for tools",
  structuredOutput: "use task 'chat' for response formats",
};

const loadInference = lazyPeer(
  { packageName: '@huggingface/inference', range: '^4.13.0', neededBy: '@benchhub/providers/huggingface' },
  () => import('@huggingface/inference'),
);

function checkOptions(options: HuggingFaceProviderOptions): void {
  const task = options.task ?? 'chat';
  if (!TASKS.includes(task)) {
    throw new BenchHubError(`huggingface: task must be ${TASKS.join(' or ')}, got ${JSON.stringify(task)}`);
  }
  const size = options.embeddingBatchSize;
  if (size !== undefined && (!Number.isInteger(size) || size < 1)) {
    throw new BenchHubError(`huggingface: embeddingBatchSize must be a positive integer, got ${size}`);
  }
}

function refusal(providerId: string, modelId: string, message: string, cause?: unknown): ProviderCallError {
  return new ProviderCallError(`${providerId}/${modelId}: ${message}`, {
    provider: providerId,
    model: modelId,
    isRetryable: false,
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * Where calls go. A routed call also sets `endpointUrl: undefined`, so an `InferenceClient` given as
 * `client` with its own default endpoint does not send it there (the SDK refuses both at once).
 */
function routeOf(endpointUrl: string | undefined, provider: string): HuggingFaceRoute {
  return endpointUrl === undefined ? { provider, endpointUrl: undefined } : { endpointUrl };
}

async function bodyOf(copy: Response | undefined): Promise<unknown> {
  if (copy === undefined) return undefined;
  try {
    return await copy.json();
  } catch {
    return undefined;
  }
}

/**
 * A `ModelProviderV1` on Hugging Face through `@huggingface/inference` (an optional peer dependency,
 * loaded on the first call): Inference Providers behind the router (`provider`, default `auto`) or a
 * dedicated endpoint (`endpointUrl`: Inference Endpoints, TGI, vLLM).
 *
 * - `task: 'chat'` (default): chat completion with roles, system prompt, seed, usage, finish reason,
 *   log-probabilities (`logprobs`/`top_logprobs`, where the service returns them), OpenAI-style tools
 *   (`tool_calls` → `toolCalls`) and `response_format` (`json_schema`, `json_object`).
 * - `task: 'text-generation'`: a plain text prompt (chat messages are refused), parameters
 *   `max_new_tokens`, `temperature`, `top_p`, `stop`, `seed`, `return_full_text: false`.
 * - `embed` through feature extraction when `embeddingModel` or `embeddingEndpointUrl` is given
 *   (token-level answers are mean-pooled).
 *
 * The key goes to the SDK only and the environment is never read. The SDK's own repetition of 503
 * answers is off (the engine retries); `Retry-After` is read from the response through the `fetch` the
 * adapter hands the SDK. With `provider: 'auto'`, text generation and feature extraction look the
 * provider up on the Hub, and the SDK logs its choice on each call: name the provider to avoid both.
 *
 * @example
 * ```ts
 * const qwen = createHuggingFaceProvider({ model: 'Qwen/Qwen2.5-72B-Instruct', apiKey: process.env.HF_TOKEN });
 * const tgi = createHuggingFaceProvider({ model: 'tgi', endpointUrl: 'http://localhost:8080' });
 * const result = await qwen.generate({ prompt: 'Capital of Korea?', maxTokens: 32, seed: 1 });
 * ```
 */
export function createHuggingFaceProvider(options: HuggingFaceProviderOptions): ModelProviderV1 {
  checkOptions(options);
  const providerId = options.providerId ?? 'huggingface';
  const modelId = options.model;
  const task = options.task ?? 'chat';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const routed = options.provider ?? 'auto';
  const generateRoute = routeOf(options.endpointUrl, routed);
  const embedRoute = routeOf(options.embeddingEndpointUrl, routed);
  const canEmbed = options.embeddingModel !== undefined || options.embeddingEndpointUrl !== undefined;
  const batchSize = options.embeddingBatchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
  const chat = task === 'chat';
  const capabilities: ModelCapabilities = {
    generate: true,
    chat,
    logLikelihood: false,
    embed: canEmbed,
    streaming: false,
    logprobs: chat,
    systemPrompt: chat,
    seed: true,
    tools: chat && (options.tools ?? true),
    structuredOutput: chat ? (options.structuredOutput ?? 'json_schema') : false,
    ...(options.maxConcurrency === undefined ? {} : { maxConcurrency: options.maxConcurrency }),
  };

  let client: Promise<HuggingFaceInferenceClient> | undefined;
  const getClient = (route: HuggingFaceRoute): Promise<HuggingFaceInferenceClient> => {
    if (options.client !== undefined) return Promise.resolve(options.client);
    if (route.endpointUrl === undefined && (options.apiKey === undefined || options.apiKey === '')) {
      return Promise.reject(
        refusal(
          providerId,
          modelId,
          "no access token: set HF_TOKEN (the plan's key reference) or pass apiKey to createHuggingFaceProvider (Inference Providers need one; a dedicated endpointUrl may not)",
        ),
      );
    }
    client ??= loadInference(providerId, modelId).then(
      ({ InferenceClient }) =>
        new InferenceClient(options.apiKey ?? '') as unknown as HuggingFaceInferenceClient,
    );
    client.catch(() => {
      client = undefined;
    });
    return client;
  };

  /** Runs one SDK call with the caller's signal, the time limit, a recording `fetch` and no SDK retries. */
  const run = async <T>(
    what: string,
    route: HuggingFaceRoute,
    signal: AbortSignal | undefined,
    keepBody: boolean,
    invoke: (sdk: HuggingFaceInferenceClient, callOptions: HuggingFaceCallOptions) => Promise<T>,
  ): Promise<{ value: T; record: FetchRecord }> => {
    const { fetch, record } = recordingFetch({ base: options.fetch, headers: options.headers, keepBody });
    const endpoint = route.endpointUrl === undefined ? {} : { baseURL: route.endpointUrl };
    const value = await callVendor(
      signal,
      async (s) => {
        const sdk = await getClient(route);
        const limit = AbortSignal.timeout(timeoutMs);
        return invoke(sdk, {
          signal: s === undefined ? limit : AbortSignal.any([s, limit]),
          fetch,
          retry_on_error: false,
          ...(options.billTo === undefined ? {} : { billTo: options.billTo }),
        });
      },
      (error) =>
        toHuggingFaceError(error, {
          providerId,
          modelId,
          keyHint: 'HF_TOKEN',
          ...endpoint,
          task: what,
          timeoutMs,
          lastResponse: record.last,
        }),
    );
    return { value, record };
  };

  const generate = async (
    request: GenerateRequest,
    call: ProviderCallOptions = {},
  ): Promise<GenerateResult> => {
    const signal = call.signal;
    if (signal?.aborted) throw signal.reason;
    const start = performance.now();
    checkRequestSupport(request, capabilities, { providerId, modelId }, chat ? {} : TEXT_GENERATION_HINTS);
    if (!chat) {
      const prompt = request.prompt;
      if (typeof prompt !== 'string') {
        throw refusal(
          providerId,
          modelId,
          "task 'text-generation' takes a string prompt, not chat messages: use task 'chat' for messages with roles",
        );
      }
      const { value, record } = await run('text generation', generateRoute, signal, true, (sdk, o) =>
        sdk.textGeneration(toTextGenerationArgs(modelId, generateRoute, { ...request, prompt }), o),
      );
      const body = await bodyOf(record.copy);
      const outcome = fromTextGeneration(value as { generated_text?: unknown }, body, request);
      return {
        ...outcome,
        latencyMs: elapsedMs(start),
        ...(options.includeRaw === true ? { raw: body ?? value } : {}),
      };
    }
    const { value } = await run('chat completion', generateRoute, signal, false, (sdk, o) =>
      sdk.chatCompletion(toChatArgs(modelId, generateRoute, request), o),
    );
    if (!isChatCompletion(value)) {
      throw refusal(
        providerId,
        modelId,
        `the answer is not a chat completion result (no choices[0].message): check that ${options.endpointUrl ?? 'the provider'} serves the OpenAI-compatible chat completion route`,
      );
    }
    const outcome = fromChatCompletion(value, request);
    return {
      ...outcome,
      latencyMs: elapsedMs(start),
      ...(options.includeRaw === true ? { raw: value } : {}),
    };
  };

  const embed = async (texts: readonly string[], call: ProviderCallOptions = {}): Promise<number[][]> => {
    const signal = call.signal;
    if (signal?.aborted) throw signal.reason;
    const source = options.embeddingModel ?? options.embeddingEndpointUrl;
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += batchSize) {
      const batch = texts.slice(i, i + batchSize);
      const args = {
        ...(options.embeddingModel === undefined ? {} : { model: options.embeddingModel }),
        ...embedRoute,
        inputs: batch,
      };
      const { value } = await run('feature extraction', embedRoute, signal, false, (sdk, o) =>
        sdk.featureExtraction(args, o),
      );
      try {
        vectors.push(...toPooledVectors(value, batch.length));
      } catch (error) {
        throw refusal(
          providerId,
          modelId,
          `the feature-extraction answer of ${source} has an unexpected shape: ${(error as Error).message}`,
          error,
        );
      }
    }
    return vectors;
  };

  return {
    specificationVersion: 'v1',
    providerId,
    modelId,
    capabilities,
    generate,
    ...(canEmbed ? { embed } : {}),
  };
}

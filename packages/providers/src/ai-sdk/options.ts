import type {
  EmbeddingModelV2,
  EmbeddingModelV3,
  LanguageModelV2,
  LanguageModelV3,
  SharedV3ProviderOptions,
} from '@ai-sdk/provider';

/**
 * An AI SDK language model: any provider package's model object, e.g. `openai('gpt-4o-mini')`,
 * `anthropic('claude-sonnet-4-5')` or `createOpenAICompatible({...}).chatModel('llama3.1')`.
 * Models of the current spec (`LanguageModelV3`, AI SDK 6 providers) and of the previous one
 * (`LanguageModelV2`, AI SDK 5 providers) are accepted. The types are only referenced, never imported
 * at run time.
 */
export type AISdkLanguageModel = LanguageModelV3 | LanguageModelV2;

/** An AI SDK text embedding model, e.g. `openai.embedding('text-embedding-3-small')`. */
export type AISdkEmbeddingModel = EmbeddingModelV3 | EmbeddingModelV2<string>;

/** Provider-specific options of the AI SDK, keyed by provider (`{ openai: { reasoningEffort: 'low' } }`). */
export type AISdkProviderOptionsRecord = SharedV3ProviderOptions;

/**
 * Options of `createAISdkProvider`. The AI SDK model is built by the caller (with its `apiKey`), so
 * this bridge never sees or reads a key; calls go to `model.doGenerate` with no retries of its own.
 *
 * @example
 * ```ts
 * const options: AISdkProviderOptions = { embeddingModel: openai.embedding('text-embedding-3-small'), maxConcurrency: 8 };
 * ```
 */
export interface AISdkProviderOptions {
  /**
   * Provider id reported on results and errors. Default `ai-sdk`, so a plan names the model
   * `provider: ai-sdk` (plan provider ids allow letters, digits, `_`, `.` and `-`).
   */
  providerId?: string;
  /**
   * Model name reported on results and errors. Default `<family>/<model.modelId>`, where the family is
   * the AI SDK provider name before its first dot (`openai.chat` → `openai/gpt-4o-mini`), the form the
   * AI Gateway uses; the model id is kept verbatim, `/` included.
   */
  modelId?: string;
  /** An AI SDK embedding model; `embed()` exists only when it is given (through `embedMany`). */
  embeddingModel?: AISdkEmbeddingModel;
  /**
   * The `providerOptions` key that `request.extra` is put under. Default: the model's family (the part
   * of `model.provider` before the first dot: `openai`, `anthropic`, `google`, or the `name` given to
   * `createOpenAICompatible`), which is the key AI SDK providers read their own options from. Set it
   * where a provider reads another key (e.g. `bedrock` for `amazon-bedrock`).
   */
  providerOptionsKey?: string;
  /** `providerOptions` sent with every `generate` call; `request.extra` is merged over its `providerOptionsKey` entry. */
  providerOptions?: AISdkProviderOptionsRecord;
  /** Extra HTTP headers sent with every call (added to the AI SDK provider's own headers). */
  headers?: Readonly<Record<string, string>>;
  /**
   * Whether the model honours `request.seed` (`capabilities.seed`). Default true. Set false for a provider
   * that ignores seeds (the AI SDK reports it as an `unsupported` warning, e.g. Anthropic), so the engine
   * refuses a plan that sets one instead of silently running unseeded.
   */
  seed?: boolean;
  /**
   * The model returns OpenAI-style log-probabilities in `providerMetadata[providerOptionsKey].logprobs`
   * when `providerOptions[providerOptionsKey].logprobs` is set, as `@ai-sdk/openai`'s models do.
   * Declares `capabilities.logprobs` and asks for them when `request.logprobs` is true. Default false:
   * the AI SDK's model spec has no portable log-probabilities.
   */
  logprobs?: boolean;
  /**
   * Whether the model takes `request.tools` (`capabilities.tools`). Default true (most AI SDK chat models
   * do); set false for one that does not, so a request with tools is refused before any call.
   */
  tools?: boolean;
  /**
   * The structured output the model honours (`capabilities.structuredOutput`). Default `json_schema`.
   * Set `json` for a model with JSON mode only (e.g. `createOpenAICompatible` without
   * `supportsStructuredOutputs`), or false for neither. A model that drops a response format anyway and
   * says so in its warnings fails the call.
   */
  structuredOutput?: 'json_schema' | 'json' | false;
  /** Most calls to have in flight at once (`capabilities.maxConcurrency`). */
  maxConcurrency?: number;
  /** Per-call timeout in milliseconds; the call is aborted and fails with a retryable error. Default: none. */
  timeoutMs?: number;
  /**
   * Where the key comes from, named in the message of a 401. Default: the `apiKey` option of the AI SDK
   * provider factory that built the model.
   */
  keyHint?: string;
  /** Keep the vendor's response body, provider metadata and warnings as `raw` on results. Default false. */
  includeRaw?: boolean;
}

/** Per-call options the adapter hands to the SDK's task functions (`Options` of `@huggingface/inference`). */
export interface HuggingFaceCallOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Always false here: the SDK would otherwise repeat a 503 without limit. */
  retry_on_error?: boolean;
  billTo?: string;
}

/** The task functions of an SDK client the adapter uses (an `InferenceClient` instance fits). */
export interface HuggingFaceInferenceClient {
  chatCompletion(args: Record<string, unknown>, options?: HuggingFaceCallOptions): Promise<unknown>;
  textGeneration(args: Record<string, unknown>, options?: HuggingFaceCallOptions): Promise<unknown>;
  featureExtraction(args: Record<string, unknown>, options?: HuggingFaceCallOptions): Promise<unknown>;
}

/** How `generate` talks to the model: chat completion (messages) or text generation (a text prompt). */
export type HuggingFaceTask = 'chat' | 'text-generation';

/**
 * Options of `createHuggingFaceProvider`.
 *
 * @example
 * ```ts
 * const viaRouter: HuggingFaceProviderOptions = { model: 'Qwen/Qwen2.5-72B-Instruct', apiKey: token };
 * const dedicated: HuggingFaceProviderOptions = { model: 'tgi', endpointUrl: 'http://localhost:8080' };
 * ```
 */
export interface HuggingFaceProviderOptions {
  /** The model id, kept verbatim (`Qwen/Qwen2.5-72B-Instruct`, or `model:provider` for the router). */
  model: string;
  /**
   * A Hugging Face token (`hf_…`), or another Inference Provider's own key. Required for Inference
   * Providers (the router); optional for an `endpointUrl` that needs none. The environment is never read.
   */
  apiKey?: string;
  /**
   * The Inference Provider (`together`, `hf-inference`, …) or policy. Default `auto`: the SDK's routing
   * (chat goes to the router, which picks a provider; other tasks look the provider up on the Hub). Not
   * used for calls that go to `endpointUrl` or `embeddingEndpointUrl`.
   */
  provider?: string;
  /**
   * A dedicated endpoint (Inference Endpoints, or a TGI/vLLM server) for `generate`. Chat completion
   * posts to `<endpointUrl>/v1/chat/completions` and text generation to `<endpointUrl>/v1/completions`
   * (the path is not repeated when the URL already ends with `/v1` or the route).
   */
  endpointUrl?: string;
  /** `chat` (default: chat completion, messages with roles) or `text-generation` (a plain text prompt). */
  task?: HuggingFaceTask;
  /** The feature-extraction model for `embed` (through Inference Providers). Enables `embed`. */
  embeddingModel?: string;
  /** A dedicated feature-extraction endpoint (e.g. Text Embeddings Inference) for `embed`. Enables `embed`. */
  embeddingEndpointUrl?: string;
  /** Most texts per feature-extraction request. Default 32. */
  embeddingBatchSize?: number;
  /** The organization billed for the requests (`X-HF-Bill-To`). */
  billTo?: string;
  /** Headers added to every request. */
  headers?: Readonly<Record<string, string>>;
  /** The `fetch` the SDK uses (e.g. to route through a proxy or to record requests). */
  fetch?: typeof fetch;
  /**
   * An SDK client built elsewhere (its token is used; `apiKey` is then unused). Where calls go still
   * comes from these options: a default `endpointUrl` of the client is not used.
   */
  client?: HuggingFaceInferenceClient;
  /** Most time one call may take, in milliseconds. Default 600000. */
  timeoutMs?: number;
  /**
   * Whether the model takes `request.tools` (`capabilities.tools`). Default true for the chat task
   * (Inference Providers and TGI take OpenAI-style tools), false for text generation.
   */
  tools?: boolean;
  /**
   * The structured output the model honours (`capabilities.structuredOutput`). Default `json_schema` for
   * the chat task (`response_format` `json_schema`; JSON mode is `json_object`, which TGI refuses without
   * a schema), false for text generation.
   */
  structuredOutput?: 'json_schema' | 'json' | false;
  /** Most calls in flight at once, advertised as `capabilities.maxConcurrency`. */
  maxConcurrency?: number;
  /** Overrides the provider id reported on results and errors. Default `huggingface`. */
  providerId?: string;
  /** Keep the service's response as `raw` on each result. Default false (keeps stored results small). */
  includeRaw?: boolean;
}

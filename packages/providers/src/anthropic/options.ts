/** The Messages API body this adapter sends (the fields it sets; `extra` may add any other). */
export interface AnthropicMessagesBody {
  model: string;
  max_tokens: number;
  messages: { role: 'user' | 'assistant'; content: string }[];
  system?: string;
  stop_sequences?: string[];
  temperature?: number;
  top_p?: number;
  /** Client tools: `{ name, description, input_schema }`. */
  tools?: { name: string; description?: string; input_schema: Record<string, unknown> }[];
  /** `auto`, `any` (some tool) or one named tool. */
  tool_choice?: { type: 'auto' | 'any' } | { type: 'tool'; name: string };
  /** Structured output: the text answer follows a JSON schema. */
  output_config?: { format: { type: 'json_schema'; schema: Record<string, unknown> } };
  [field: string]: unknown;
}

/** The parts of an Anthropic SDK client the adapter uses (an `Anthropic` instance fits). */
export interface AnthropicMessagesClient {
  messages: {
    create(
      body: AnthropicMessagesBody,
      options?: { signal?: AbortSignal | undefined; timeout?: number | undefined },
    ): PromiseLike<unknown>;
  };
}

/**
 * Options of `createAnthropicProvider`.
 *
 * @example
 * ```ts
 * const options: AnthropicProviderOptions = { model: 'claude-haiku-4-5', apiKey: key, defaultMaxTokens: 512 };
 * ```
 */
export interface AnthropicProviderOptions {
  /** The model name, kept verbatim (e.g. `claude-sonnet-4-5`). */
  model: string;
  /** The API key, handed to the SDK only. Required unless `client` is given; the environment is never read. */
  apiKey?: string;
  /** Another endpoint speaking the Messages API (a proxy or gateway). Default: Anthropic's API. */
  baseURL?: string;
  /** Headers sent with every request (e.g. `anthropic-beta`). */
  headers?: Readonly<Record<string, string>>;
  /** The `fetch` the SDK uses (e.g. to route through a proxy or to record requests). */
  fetch?: typeof fetch;
  /** An SDK client built elsewhere; `apiKey`, `baseURL`, `headers` and `fetch` are then unused. */
  client?: AnthropicMessagesClient;
  /**
   * The `anthropic-version` to send. Default: the one the SDK sends (2026-10-21 for SDK 1.x). That version
   * refuses `temperature`, `top_p` and `top_k` with HTTP 400, so they are only sent for an older version
   * such as `2023-06-01`; otherwise `temperature` and `topP` are left out of the request. With `client`,
   * give the version that client sends (the header is then not set here).
   */
  apiVersion?: string;
  /** `max_tokens` when a request gives no `maxTokens` (the API requires one). Default 1024. */
  defaultMaxTokens?: number;
  /** Most time one request may take, in milliseconds. Default 600000 (the SDK's 10 minutes). */
  timeoutMs?: number;
  /**
   * The structured output the model honours (`capabilities.structuredOutput`). Default `json_schema`:
   * `output_config.format` (Claude Sonnet 4.5, Opus 4.5, Haiku 4.5 and later; older models answer 400).
   * Set `json` for an older model (JSON mode is a forced tool, which every tool-capable model takes), or
   * false for neither.
   */
  structuredOutput?: 'json_schema' | 'json' | false;
  /** Most calls in flight at once, advertised as `capabilities.maxConcurrency`. */
  maxConcurrency?: number;
  /** Overrides the provider id reported on results and errors. Default `anthropic`. */
  providerId?: string;
  /** Keep the API's response as `raw` on each result. Default false (keeps stored results small). */
  includeRaw?: boolean;
}

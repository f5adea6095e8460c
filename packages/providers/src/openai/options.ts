import type { OpenAI } from 'openai';

/** The body field that carries `maxTokens`: the official API's current one, or the one every server knows. */
export type MaxTokensField = 'max_tokens' | 'max_completion_tokens';

/**
 * A built `openai` client (`new OpenAI(...)`, `new AzureOpenAI(...)`, or any subclass). The type is
 * only referenced, never imported at run time: the SDK loads on the first call.
 */
export type OpenAIClient = OpenAI;

/**
 * Options of `createOpenAIProvider`. Everything is passed explicitly: the provider never reads the
 * environment, and it builds the SDK client with `maxRetries: 0` so the engine's retry policy is the
 * only one.
 *
 * @example
 * ```ts
 * const options: OpenAIProviderOptions = { model: 'gpt-4o-mini', apiKey: myKey, maxConcurrency: 8 };
 * ```
 */
export interface OpenAIProviderOptions {
  /** Model name, kept verbatim (`gpt-4o-mini`, `Qwen/Qwen2.5-7B-Instruct`, `llama3.1:8b`). */
  model: string;
  /** Provider id reported on results and errors. Default `openai`. */
  providerId?: string;
  /**
   * API key. Required for the official API (calls fail fast without one: the provider does not read
   * `OPENAI_API_KEY` itself). Optional when `baseURL` is given: servers that need no key get a
   * placeholder (`no-key`), because the SDK refuses to build a client without one.
   */
  apiKey?: string;
  /** Any OpenAI-compatible endpoint, e.g. `http://127.0.0.1:8000/v1` (vLLM) or `http://127.0.0.1:11434/v1` (Ollama). */
  baseURL?: string;
  /** OpenAI organization id, sent as `OpenAI-Organization`. */
  organization?: string;
  /** OpenAI project id, sent as `OpenAI-Project`. */
  project?: string;
  /** Extra headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
  /** The `fetch` the SDK uses (a test double, a proxy-aware fetch). */
  fetch?: typeof fetch;
  /** Per-request timeout in milliseconds; a timeout is a retryable error. Default: the SDK's (10 minutes). */
  timeoutMs?: number;
  /**
   * An already built client, e.g. an `AzureOpenAI` for a deployment. `apiKey`, `baseURL`,
   * `organization`, `project`, `headers`, `fetch` and `timeoutMs` are then not used; give the client
   * `maxRetries: 0` yourself so the engine's retries are the only ones.
   */
  client?: OpenAIClient;
  /**
   * Which body field carries `maxTokens`. Default `max_completion_tokens` (the official API's field; its
   * reasoning models refuse `max_tokens`), or `max_tokens` when `baseURL` is given, the only one most
   * compatible servers know.
   */
  maxTokensField?: MaxTokensField;
  /** Most calls to have in flight at once (`capabilities.maxConcurrency`). */
  maxConcurrency?: number;
  /** Embedding model; `embed()` exists only when it is given. */
  embeddingModel?: string;
  /** Texts per embeddings request. Default 256. */
  embeddingBatchSize?: number;
  /**
   * Scores continuations through the legacy `/completions` endpoint with `echo: true, logprobs: 1,
   * max_tokens: 0` (vLLM and other servers that implement it; the official API no longer does).
   * `logLikelihood()` exists only when this is true. Default false.
   */
  logLikelihood?: boolean;
  /** Prompts per `/completions` request for `logLikelihood()`. Default 32. */
  logLikelihoodBatchSize?: number;
  /**
   * Whether the model takes `request.tools` (`capabilities.tools`). Default true. The official API and
   * recent vLLM (`--enable-auto-tool-choice` with a tool parser), Ollama and llama.cpp's server (`--jinja`)
   * support function calling; set false for a server or model that does not, so a request with tools is
   * refused before any call instead of being answered without them.
   */
  tools?: boolean;
  /**
   * The structured output the model honours (`capabilities.structuredOutput`). Default `json_schema`:
   * `response_format` `json_schema` and `json_object`, as the official API, vLLM, Ollama, LM Studio and
   * llama.cpp's server take them. Set `json` for a server with JSON mode only, or false for neither.
   */
  structuredOutput?: 'json_schema' | 'json' | false;
  /** Where the key comes from, named in the message of a 401. Default `OPENAI_API_KEY`. */
  keyHint?: string;
  /** Keep the vendor's response as `raw` on results. Default false (stored results stay small). */
  includeRaw?: boolean;
}

/**
 * Options of `createOpenAICompatibleProvider`: the OpenAI options with `baseURL` required and the key
 * optional.
 */
export type OpenAICompatibleProviderOptions = Omit<OpenAIProviderOptions, 'baseURL'> & {
  /** The server's OpenAI-style base URL, e.g. `http://127.0.0.1:8000/v1`. */
  baseURL: string;
};

import type { ChatMessage } from '../domain/sample.js';
import type { BenchHubSpecVersion } from './version.js';

/** Why a generation stopped. `length` means `maxTokens` was reached, so the answer may be cut short. */
export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

/**
 * Structured output a request asks for: `json` is JSON mode (any JSON object), `json_schema` an object
 * valid against `schema` (a JSON Schema), enforced by the vendor where it can (`strict`).
 */
export type ResponseFormat =
  | { type: 'json' }
  | {
      type: 'json_schema';
      /** A name for the schema, `[A-Za-z0-9_-]{1,64}` (vendors require one). */
      name: string;
      schema: Readonly<Record<string, unknown>>;
      description?: string;
      /** Ask the vendor to enforce the schema exactly (OpenAI's `strict`). */
      strict?: boolean;
    };

/** A function the model may call, described by a JSON Schema of its arguments. */
export interface ToolSpec {
  /** `[A-Za-z0-9_-]{1,64}`. */
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters: Readonly<Record<string, unknown>>;
  /** Ask the vendor to enforce `parameters` exactly (OpenAI's `strict` function calling). */
  strict?: boolean;
}

/** A call the model asked for. */
export interface ToolCall {
  /** The vendor's id of the call, when it gives one. */
  id?: string;
  name: string;
  /** The arguments as the model wrote them: JSON text, not yet parsed or validated. */
  arguments: string;
}

/**
 * What a model provider can do. The engine reads these flags before it schedules work: a plan that
 * scores by log-likelihood on a provider with `logLikelihood: false` is rejected before any call.
 */
export interface ModelCapabilities {
  /** `generate()` produces text. A string prompt is always accepted (chat-only models send it as one user message). */
  generate: boolean;
  /** `generate()` accepts chat messages (`ChatMessage[]`) and honours their roles. */
  chat: boolean;
  /** Scores a continuation given a context (`logLikelihood()` is implemented). */
  logLikelihood: boolean;
  /** Turns texts into vectors (`embed()` is implemented). */
  embed: boolean;
  /** Can stream tokens (reserved: v1 has no streaming call; the flag lets adapters advertise it). */
  streaming?: boolean;
  /**
   * `generate()` returns per-token log-probabilities when asked (`request.logprobs`). Absent: unknown,
   * the engine lets the call try; `false`: a plan that asks for logprobs is refused before any call.
   */
  logprobs?: boolean;
  /** Honours a `system` chat message. `false`: a prompt with a system message is refused before any call. */
  systemPrompt?: boolean;
  /** Honours `request.seed`. `false`: a plan that sets a seed is refused before any call. */
  seed?: boolean;
  /**
   * Honours `temperature` and `topP`. `false` (an API that fixes its own sampling): a plan that sets
   * either is refused before any call rather than run with other settings than it says.
   */
  temperature?: boolean;
  /** Most calls the provider should have in flight at once; the engine's per-provider limit defaults to it. */
  maxConcurrency?: number;
  /** Takes `request.tools` and returns `toolCalls` (function calling). */
  tools?: boolean;
  /**
   * Structured output it supports through `request.responseFormat`: `json_schema` (a schema, which
   * includes JSON mode), `json` (JSON mode only), or `false`/absent (neither: ask in the prompt).
   */
  structuredOutput?: 'json_schema' | 'json' | false;
}

/** One generation request, independent of any vendor's wire format. */
export interface GenerateRequest {
  /** A completion prompt, or chat messages for chat models. */
  prompt: string | readonly ChatMessage[];
  /** Most tokens to generate. */
  maxTokens?: number;
  /** Sampling temperature; 0 asks for greedy decoding. */
  temperature?: number;
  /** Nucleus sampling mass. */
  topP?: number;
  /** Sequences that end the generation; they are not part of `text`. */
  stop?: readonly string[];
  /** Seed for providers that support reproducible sampling. */
  seed?: number;
  /** Ask for per-token log-probabilities in the result. */
  logprobs?: boolean;
  /** How many alternatives per token to return with `logprobs` (0 or absent: only the chosen token). */
  topLogprobs?: number;
  /** Structured output (see `capabilities.structuredOutput`). */
  responseFormat?: ResponseFormat;
  /** Functions the model may call (see `capabilities.tools`). */
  tools?: readonly ToolSpec[];
  /** `auto` (default), `required` (some tool), or one tool by name. */
  toolChoice?: 'auto' | 'required' | { name: string };
  /** Vendor-specific parameters passed through unchanged (e.g. `{ reasoning_effort: 'low' }`). */
  extra?: Readonly<Record<string, unknown>>;
}

/** Per-call options. */
export interface ProviderCallOptions {
  /** Aborts the call: the provider stops work and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Token counts of one call; `undefined` when the provider does not report them and cannot count. */
export interface TokenUsage {
  /** Tokens of the prompt. */
  inputTokens: number | undefined;
  /** Tokens generated. */
  outputTokens: number | undefined;
}

/** The log-probability of one generated token. */
export interface TokenLogprob {
  /** The token as text. */
  token: string;
  /** Natural-log probability of the token. */
  logprob: number;
  /** The most likely alternatives at this position, when `topLogprobs` was asked for. */
  top?: readonly { token: string; logprob: number }[];
}

/** The outcome of one generation. */
export interface GenerateResult {
  /** The generated text (without the stop sequence). */
  text: string;
  /** Why the generation stopped. */
  finishReason: FinishReason;
  /** Token counts, used for cost and throughput. */
  usage: TokenUsage;
  /** The calls the model asked for, when the request offered `tools` (`finishReason` is then `tool-calls`). */
  toolCalls?: readonly ToolCall[];
  /** Per-token log-probabilities, when the request asked for them and the provider returns them. */
  logprobs?: readonly TokenLogprob[];
  /** The vendor's response as received, for debugging (never contains credentials). */
  raw?: unknown;
  /** Wall-clock time of the call in milliseconds, as measured by the provider adapter. */
  latencyMs?: number;
}

/** One log-likelihood query: how likely is `continuation` right after `context`? */
export interface LogLikelihoodRequest {
  /** The text the model conditions on (the prompt). */
  context: string;
  /** The text to score (e.g. one answer choice, usually with a leading space). */
  continuation: string;
}

/** The score of one continuation. */
export interface LogLikelihoodResult {
  /** Sum of the natural-log probabilities of the continuation's tokens. */
  logprob: number;
  /** Whether greedy decoding from `context` would have produced exactly `continuation`. */
  isGreedy: boolean;
}

/**
 * A model behind any API, local runtime or function, stated in evaluation operations.
 * Every method rejects with a `ProviderCallError` (with `isRetryable` set) when the call fails, and
 * with the signal's reason when the call was aborted.
 *
 * @example
 * ```ts
 * const result = await provider.generate({ prompt: 'Capital of Korea?', maxTokens: 16 }, { signal });
 * console.log(result.text, result.usage.outputTokens);
 * ```
 */
export interface ModelProviderV1 {
  /** The contract version this provider implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** Provider family, e.g. `openai`, `anthropic`, `llama-cpp`. */
  readonly providerId: string;
  /** Model name as the provider knows it, `/` included (e.g. `meta-llama/Llama-3.1-8B-Instruct`). */
  readonly modelId: string;
  /** What the provider can do; optional methods exist exactly when their flag is true. */
  readonly capabilities: ModelCapabilities;
  /** Generates text for one prompt. */
  generate(request: GenerateRequest, options?: ProviderCallOptions): Promise<GenerateResult>;
  /**
   * Scores continuations, one result per request in the same order.
   * Present when `capabilities.logLikelihood` is true.
   */
  logLikelihood?(
    requests: readonly LogLikelihoodRequest[],
    options?: ProviderCallOptions,
  ): Promise<LogLikelihoodResult[]>;
  /** Embeds texts, one vector per text in the same order. Present when `capabilities.embed` is true. */
  embed?(texts: readonly string[], options?: ProviderCallOptions): Promise<number[][]>;
  /**
   * Counts the tokens of a text as this model's tokenizer does. Optional: the engine uses it to reserve
   * budgets and token-per-minute limits before a call, and a generous estimate without it.
   */
  countTokens?(text: string): number;
  /**
   * Releases what the provider holds (a loaded local model, sockets). Optional; whoever created the
   * provider calls it once no call is in flight. The engine never closes providers it was given.
   */
  close?(): Promise<void>;
}

/** A provider whose `logLikelihood` method is known to exist. */
export type LogLikelihoodProviderV1 = ModelProviderV1 & Required<Pick<ModelProviderV1, 'logLikelihood'>>;
/** A provider whose `embed` method is known to exist. */
export type EmbeddingProviderV1 = ModelProviderV1 & Required<Pick<ModelProviderV1, 'embed'>>;

/** True when the provider declares and implements `logLikelihood`. */
export function supportsLogLikelihood(provider: ModelProviderV1): provider is LogLikelihoodProviderV1 {
  return provider.capabilities.logLikelihood && typeof provider.logLikelihood === 'function';
}

/** True when the provider declares and implements `embed`. */
export function supportsEmbedding(provider: ModelProviderV1): provider is EmbeddingProviderV1 {
  return provider.capabilities.embed && typeof provider.embed === 'function';
}

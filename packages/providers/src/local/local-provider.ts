import {
  abortable,
  type GenerateRequest,
  type GenerateResult,
  type LogLikelihoodRequest,
  type LogLikelihoodResult,
  type ModelCapabilities,
  type ModelProviderV1,
  type ProviderCallOptions,
} from '@benchhub/core';
import type { Token } from 'node-llama-cpp';
import { checkRequestSupport, elapsedMs } from '../shared/index.js';
import { cachedPrefixLength } from './align-sequence.js';
import { createEmbedder, type LocalEmbedder } from './embedder.js';
import { localCallError, toLocalCallError } from './errors.js';
import { type Generation, type GenerationPlan, generateOnSequence, type StopReason } from './generate.js';
import { createGrammarCache, type GrammarCache, type OutputGrammar, type OutputShape } from './grammar.js';
import { toGrammarSchema } from './grammar-schema.js';
import { scorePair } from './log-likelihood.js';
import { type LocalProviderOptions, type LocalSettings, resolveLocalSettings } from './options.js';
import { disposeRuntime, type LocalRuntime, loadRuntime } from './runtime.js';
import { encodePair, estimateTokens, promptTokens } from './tokens.js';

/**
 * A GGUF model run in-process by node-llama-cpp. Besides the provider contract it loads on demand
 * (`load()`), counts tokens with the model's tokenizer once loaded, and must be closed to free the model.
 */
export interface LocalProvider extends ModelProviderV1 {
  readonly capabilities: ModelCapabilities & { logLikelihood: true; embed: true; chat: false };
  /** The GGUF file this provider runs. */
  readonly modelPath: string;
  logLikelihood(
    requests: readonly LogLikelihoodRequest[],
    options?: ProviderCallOptions,
  ): Promise<LogLikelihoodResult[]>;
  /** Embeds texts with llama.cpp's embedding mode (a second context, created on the first call). */
  embed(texts: readonly string[], options?: ProviderCallOptions): Promise<number[][]>;
  /**
   * Tokens of `text` by the model's tokenizer (no BOS; `''` is 0). Before the model is loaded (first call,
   * `load()` or {@link loadLocalProvider}) it returns an estimate of about 4 UTF-8 bytes per token.
   */
  countTokens(text: string): number;
  /** Loads the model and its context now rather than on the first call (memoised; safe to call twice). */
  load(): Promise<void>;
  /** Frees the model and its context. Calls made afterwards fail. */
  close(): Promise<void>;
}

const FINISH: Readonly<Record<StopReason, GenerateResult['finishReason']>> = {
  eog: 'stop',
  'stop-sequence': 'stop',
  'max-tokens': 'length',
};

function extraNumber(extra: GenerateRequest['extra'], ...names: string[]): number | undefined {
  for (const name of names) {
    const value = extra?.[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

function extraFlag(extra: GenerateRequest['extra'], ...names: string[]): boolean | undefined {
  for (const name of names) {
    const value = extra?.[name];
    if (typeof value === 'boolean') return value;
  }
  return undefined;
}

/** What a local model can do: completion of plain text, scoring, embedding and grammar-constrained JSON. */
const LOCAL_CAPABILITIES = {
  generate: true,
  chat: false,
  logLikelihood: true,
  embed: true,
  streaming: false,
  logprobs: true,
  systemPrompt: false,
  seed: true,
  tools: false,
  structuredOutput: 'json_schema',
} as const satisfies ModelCapabilities;

/** Where to go instead when a request asks for tools. */
const SUPPORT_HINTS = {
  tools:
    'a completion model without a chat template cannot choose among tools: ask for a json_schema responseFormat (grammar-constrained) instead',
};

function planGeneration(
  settings: LocalSettings,
  request: GenerateRequest,
  prompt: Token[],
  room: number,
  grammar: OutputGrammar | undefined,
): GenerationPlan {
  const { extra } = request;
  return {
    prompt,
    maxTokens: Math.min(request.maxTokens ?? room, room),
    temperature: request.temperature ?? 0,
    topP: request.topP,
    topK: extraNumber(extra, 'topK', 'top_k'),
    minP: extraNumber(extra, 'minP', 'min_p'),
    seed: request.seed,
    stop: (request.stop ?? []).filter((s) => s.length > 0),
    ignoreEos: extraFlag(extra, 'ignoreEos', 'ignore_eos') ?? settings.ignoreEos,
    logprobs: request.logprobs === true,
    topLogprobs: request.logprobs === true ? Math.max(0, Math.floor(request.topLogprobs ?? 0)) : 0,
    grammar,
  };
}

/**
 * Creates a provider for a local GGUF model on node-llama-cpp (an optional peer dependency, loaded on the
 * first call). Synchronous and free of I/O: the model loads on the first call, on `load()`, or use
 * {@link loadLocalProvider}. Call `close()` when done.
 *
 * - `generate`: text completion of a string prompt. Temperature 0 (the default) is greedy decoding,
 *   deterministic; `topP`, `seed`, stop sequences (not part of the text), `maxTokens` (default: what fits
 *   the context) and per-token `logprobs` (with `topLogprobs` alternatives; of the sampling distribution,
 *   the raw one at temperature 0) are honoured. `extra` may carry `topK`, `minP`, `ignoreEos`.
 *   `responseFormat` constrains sampling with a grammar (node-llama-cpp's JSON-schema grammar, or its JSON
 *   grammar for JSON mode), so even a small story model answers with JSON that follows the schema, unless
 *   `maxTokens` cuts it (finish reason `length`). A schema outside the grammar's subset is refused (see
 *   `toGrammarSchema`). Tools are refused (`capabilities.tools` is false).
 *   Chat messages are refused (`capabilities.chat` is false): BenchHub renders prompts as text for such
 *   providers. Usage counts are the real token counts (the prompt's include the BOS token); `latencyMs`
 *   leaves out the one-off model load.
 * - `logLikelihood`: lm-evaluation-harness's log-likelihood (see `scorePair`), the choices of one context
 *   sharing its evaluation.
 * - `embed`: llama.cpp's embedding mode on the same model (a second context, created on first use).
 * - Calls run one at a time per sequence (`sequences`, default 1 = `capabilities.maxConcurrency`).
 *
 * @example
 * ```ts
 * const provider = createLocalProvider({ modelPath: './models/stories260K.gguf', threads: 1 });
 * const { text } = await provider.generate({ prompt: 'Once upon a time', maxTokens: 32 });
 * const [paris] = await provider.logLikelihood([{ context: 'The capital of France is', continuation: ' Paris' }]);
 * await provider.close();
 * ```
 */
export function createLocalProvider(options: LocalProviderOptions): LocalProvider {
  const settings = resolveLocalSettings(options);
  const ids = { providerId: settings.providerId, modelId: settings.modelId };
  let loading: Promise<LocalRuntime> | undefined;
  let runtime: LocalRuntime | undefined;
  let embedder: LocalEmbedder | undefined;
  let grammars: GrammarCache | undefined;
  let closed = false;

  const closedError = () => localCallError(ids, 'the provider was closed');

  function getRuntime(): Promise<LocalRuntime> {
    if (closed) return Promise.reject(closedError());
    loading ??= loadRuntime(settings).then(
      async (loaded) => {
        if (closed) {
          await disposeRuntime(loaded);
          throw closedError();
        }
        runtime = loaded;
        return loaded;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }

  async function generate(
    request: GenerateRequest,
    callOptions: ProviderCallOptions = {},
  ): Promise<GenerateResult> {
    const { signal } = callOptions;
    if (signal?.aborted) throw signal.reason;
    checkRequestSupport(request, LOCAL_CAPABILITIES, ids, SUPPORT_HINTS);
    const shape = outputShape(request.responseFormat);
    if (typeof request.prompt !== 'string') {
      throw localCallError(
        ids,
        'chat messages need a chat model, and this provider completes plain text (capabilities.chat is false): pass a string prompt',
      );
    }
    if (request.maxTokens !== undefined && !(Number.isInteger(request.maxTokens) && request.maxTokens >= 0)) {
      throw localCallError(ids, `maxTokens must be a non-negative integer, got ${request.maxTokens}`);
    }
    const loaded = await abortable(getRuntime(), signal);
    // Compiled once per shape and kept out of latencyMs, like the model load.
    const grammar = await outputGrammar(loaded, shape, signal);
    const start = performance.now();
    const prompt = promptTokens(loaded.model, request.prompt);
    const room = loaded.contextSize - prompt.length;
    if (room < 1) {
      throw localCallError(
        ids,
        `the prompt has ${prompt.length} tokens but the context holds ${loaded.contextSize}: shorten it or raise contextSize`,
      );
    }
    const plan = planGeneration(settings, request, prompt, room, grammar);
    const generation: Generation =
      plan.maxTokens === 0
        ? { tokens: [], text: '', stopReason: 'max-tokens' }
        : // abortable: an abort rejects at once even while the prompt is being evaluated; the work itself
          // stops at its next token and then frees the sequence.
          await abortable(
            loaded.pool.use(
              signal,
              (sequence) => cachedPrefixLength(sequence, prompt),
              async (sequence) => {
                try {
                  return await generateOnSequence(loaded, sequence, plan, signal);
                } catch (error) {
                  if (signal?.aborted) throw signal.reason;
                  throw toLocalCallError(ids, error, 'generation');
                }
              },
            ),
            signal,
          );
    if (signal?.aborted) throw signal.reason;
    const result: GenerateResult = {
      text: generation.text,
      finishReason: FINISH[generation.stopReason],
      usage: { inputTokens: prompt.length, outputTokens: generation.tokens.length },
      latencyMs: elapsedMs(start),
    };
    if (generation.logprobs !== undefined) result.logprobs = generation.logprobs;
    if (settings.includeRaw) {
      result.raw = {
        promptTokens: prompt.length,
        tokens: generation.tokens,
        stopReason: generation.stopReason,
        maxTokens: plan.maxTokens,
        stop: plan.stop,
        temperature: plan.temperature,
        ...(plan.seed === undefined ? {} : { seed: plan.seed }),
      };
    }
    return result;
  }

  /** What a response format asks of the output, checked against the grammar's subset of JSON Schema. */
  function outputShape(format: GenerateRequest['responseFormat']): OutputShape | undefined {
    if (format === undefined) return undefined;
    if (format.type === 'json') return { type: 'json' };
    const converted = toGrammarSchema(format.schema, format.strict === true);
    if (!converted.ok) {
      throw localCallError(
        ids,
        `the JSON schema "${format.name}" cannot be followed by node-llama-cpp's grammar: ${converted.problem}`,
      );
    }
    return { type: 'schema', schema: converted.schema };
  }

  /** The grammar of an output shape, compiled on the loaded model's binding (once per shape). */
  async function outputGrammar(
    loaded: LocalRuntime,
    shape: OutputShape | undefined,
    signal: AbortSignal | undefined,
  ): Promise<OutputGrammar | undefined> {
    if (shape === undefined) return undefined;
    grammars ??= createGrammarCache(loaded.llama);
    try {
      return await abortable(grammars.grammarFor(shape), signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const message = error instanceof Error ? error.message : String(error);
      const what = shape.type === 'json' ? 'JSON' : 'JSON-schema';
      throw localCallError(ids, `the ${what} grammar could not be compiled: ${message}`, { cause: error });
    }
  }

  async function logLikelihood(
    requests: readonly LogLikelihoodRequest[],
    callOptions: ProviderCallOptions = {},
  ): Promise<LogLikelihoodResult[]> {
    const { signal } = callOptions;
    if (signal?.aborted) throw signal.reason;
    const loaded = await abortable(getRuntime(), signal);
    if (requests.length === 0) return [];
    const pairs = requests.map((r) => encodePair(loaded.model, r.context, r.continuation));
    const scoring = loaded.pool.use(
      signal,
      (sequence) => cachedPrefixLength(sequence, pairs[0]?.context ?? []),
      async (sequence) => {
        const results: LogLikelihoodResult[] = [];
        try {
          for (const pair of pairs) {
            if (signal?.aborted) break;
            results.push(await scorePair(sequence, pair, loaded.contextSize, ids));
          }
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          throw toLocalCallError(ids, error, 'log-likelihood evaluation');
        }
        if (signal?.aborted) throw signal.reason;
        return results;
      },
    );
    return abortable(scoring, signal);
  }

  async function embed(texts: readonly string[], callOptions: ProviderCallOptions = {}): Promise<number[][]> {
    const { signal } = callOptions;
    if (signal?.aborted) throw signal.reason;
    const loaded = await abortable(getRuntime(), signal);
    if (texts.length === 0) return [];
    embedder ??= createEmbedder(loaded, settings.threads, ids);
    return abortable(embedder.embed(texts, signal), signal);
  }

  return {
    specificationVersion: 'v1',
    providerId: settings.providerId,
    modelId: settings.modelId,
    modelPath: settings.modelPath,
    capabilities: { ...LOCAL_CAPABILITIES, maxConcurrency: settings.sequences },
    generate,
    logLikelihood,
    embed,
    countTokens: (text) =>
      runtime === undefined ? estimateTokens(text) : runtime.model.tokenize(text).length,
    load: async () => {
      await getRuntime();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      const pending = loading;
      loading = undefined;
      runtime = undefined;
      grammars = undefined;
      const loaded = await pending?.catch(() => undefined);
      await embedder?.dispose();
      embedder = undefined;
      if (loaded !== undefined) await disposeRuntime(loaded);
    },
  };
}

/**
 * Creates a local provider and loads its model before returning, so `countTokens` is exact from the start
 * and a missing or broken file fails here rather than on the first call.
 *
 * @example
 * ```ts
 * const provider = await loadLocalProvider({ modelPath: './models/stories260K.gguf', threads: 1 });
 * provider.countTokens('Once upon a time'); // the model's own count
 * ```
 */
export async function loadLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const provider = createLocalProvider(options);
  await provider.load();
  return provider;
}

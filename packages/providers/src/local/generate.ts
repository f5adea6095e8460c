import type { TokenLogprob } from '@benchhub/core';
import type { LlamaContextSequence, LlamaModel, SequenceEvaluateOptions, Token } from 'node-llama-cpp';
import { alignSequence } from './align-sequence.js';
import type { OutputGrammar } from './grammar.js';
import type { LocalRuntime } from './runtime.js';
import { StopScanner } from './stop-scanner.js';

/** What one generation does, resolved from the request and the provider's options. */
export interface GenerationPlan {
  /** The prompt as tokens (BOS first). */
  prompt: Token[];
  /** Most tokens to generate (already capped to what fits the context). */
  maxTokens: number;
  /** 0: greedy decoding. */
  temperature: number;
  topP?: number | undefined;
  topK?: number | undefined;
  minP?: number | undefined;
  seed?: number | undefined;
  /** Stop sequences (non-empty strings). */
  stop: readonly string[];
  /** Never sample an end-of-generation token. */
  ignoreEos: boolean;
  /** Return per-token log-probabilities. */
  logprobs: boolean;
  /** Alternatives per token with `logprobs`. */
  topLogprobs: number;
  /** A grammar the output must follow (structured output); its stops end the text like stop sequences. */
  grammar?: OutputGrammar | undefined;
}

/** Why a generation ended: an end-of-generation token, a stop sequence, or `maxTokens`. */
export type StopReason = 'eog' | 'stop-sequence' | 'max-tokens';

/** The outcome of one generation. */
export interface Generation {
  /** Generated tokens (those of a stop sequence included, the end-of-generation token not). */
  tokens: Token[];
  /** Generated text, cut before the first stop sequence. */
  text: string;
  stopReason: StopReason;
  /** Per-token log-probabilities when the plan asked for them. */
  logprobs?: TokenLogprob[];
}

function samplingOptions(runtime: LocalRuntime, plan: GenerationPlan): SequenceEvaluateOptions {
  const options: SequenceEvaluateOptions = { temperature: plan.temperature };
  if (plan.temperature > 0) {
    // No top-k / top-p / min-p truncation unless asked: node-llama-cpp's defaults (40 / 0.95) would apply otherwise.
    options.topK = plan.topK ?? 0;
    options.topP = plan.topP ?? 1;
    options.minP = plan.minP ?? 0;
    if (plan.seed !== undefined) options.seed = plan.seed;
  }
  if (plan.grammar !== undefined) {
    options.grammarEvaluationState = new runtime.LlamaGrammarEvaluationState({
      model: runtime.model,
      grammar: plan.grammar.grammar,
    });
  }
  if (plan.ignoreEos) {
    const bias = new runtime.TokenBias(runtime.model.tokenizer);
    for (const token of [runtime.model.tokens.eos, runtime.model.tokens.eot]) {
      if (token !== null) bias.set(token, 'never');
    }
    options.tokenBias = bias;
  }
  return options;
}

function tokenText(model: LlamaModel, token: Token, before: readonly Token[]): string {
  return model.detokenize([token], false, before.slice(-4));
}

/** The log-probability entry of a sampled token, with its `top` alternatives when the distribution came along. */
function logprobOf(
  model: LlamaModel,
  output: { token: Token; confidence?: number; probabilities?: Map<Token, number> },
  before: readonly Token[],
  topCount: number,
): TokenLogprob {
  const { token, confidence, probabilities } = output;
  const entry: TokenLogprob = {
    token: tokenText(model, token, before),
    logprob: Math.log(confidence ?? probabilities?.get(token) ?? 0),
  };
  if (probabilities !== undefined) {
    const top: { token: string; logprob: number }[] = [];
    for (const [id, p] of probabilities) {
      if (top.length >= topCount) break;
      top.push({ token: tokenText(model, id, before), logprob: Math.log(p) });
    }
    entry.top = top;
  }
  return entry;
}

/**
 * Generates on `sequence` (which the caller holds alone): reuses the cached prompt prefix, samples token by
 * token (under the plan's grammar, when it has one), stops at an end-of-generation token, a stop sequence
 * (the grammar's included) or `maxTokens`, and checks `signal` after every token so an abort stops the
 * work within one token. The caller turns an abort into a rejection.
 */
export async function generateOnSequence(
  runtime: LocalRuntime,
  sequence: LlamaContextSequence,
  plan: GenerationPlan,
  signal: AbortSignal | undefined,
): Promise<Generation> {
  const { model } = runtime;
  const kept = await alignSequence(sequence, plan.prompt, plan.prompt.length - 1);
  const metadata = plan.logprobs
    ? plan.topLogprobs > 0
      ? { probabilities: true as const }
      : { confidence: true as const }
    : {};
  const iterator = sequence.evaluateWithMetadata(
    plan.prompt.slice(kept),
    metadata,
    samplingOptions(runtime, plan),
  );
  const tokens: Token[] = [];
  const logprobs: TokenLogprob[] | undefined = plan.logprobs ? [] : undefined;
  const stops = plan.grammar === undefined ? plan.stop : [...plan.stop, ...plan.grammar.stops];
  const scanner = stops.length > 0 ? new StopScanner(model, stops, plan.prompt) : undefined;
  let stopReason: StopReason = 'eog';
  let cut: string | undefined;
  for await (const output of iterator) {
    if (signal?.aborted) break;
    const token = output.token;
    if (logprobs !== undefined) {
      logprobs.push(logprobOf(model, output, tokens.length > 0 ? tokens : plan.prompt, plan.topLogprobs));
    }
    tokens.push(token);
    if (scanner !== undefined) {
      cut = scanner.push(token);
      if (cut !== undefined) {
        stopReason = 'stop-sequence';
        break;
      }
    }
    if (tokens.length >= plan.maxTokens) {
      stopReason = 'max-tokens';
      break;
    }
  }
  const decoded = cut ?? model.detokenize(tokens, false, plan.prompt.slice(-4));
  const text = plan.grammar?.trimEnd === true ? decoded.trimEnd() : decoded;
  return { tokens, text, stopReason, ...(logprobs === undefined ? {} : { logprobs }) };
}

import type {
  LanguageModelV2FinishReason,
  LanguageModelV2Usage,
  LanguageModelV3GenerateResult,
} from '@ai-sdk/provider';
import type { FinishReason, GenerateResult, TokenLogprob, TokenUsage, ToolCall } from '@benchhub/core';
import { finishWithToolCalls } from '../shared/index.js';

/** A `doGenerate` result of either spec version: v3 nests usage and finish reason, v2 has them flat. */
export type ModelGenerateResult =
  | LanguageModelV3GenerateResult
  | (Omit<LanguageModelV3GenerateResult, 'finishReason' | 'usage'> & {
      finishReason: LanguageModelV2FinishReason;
      usage: LanguageModelV2Usage;
    });

/** How to read one result. */
export interface ReadSettings {
  /** The `providerMetadata` key to look for logprobs under, when they were asked for. */
  logprobsKey: string | undefined;
  /** Keep body, metadata and warnings as `raw`. */
  includeRaw: boolean;
}

const FINISH: Readonly<Record<string, FinishReason>> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'content-filter',
  'tool-calls': 'tool-calls',
  error: 'error',
};

/** The AI SDK's unified finish reason in BenchHub's terms (`other` and v2's `unknown` are `other`). */
export function toBenchHubFinishReason(reason: ModelGenerateResult['finishReason']): FinishReason {
  const unified = typeof reason === 'string' ? reason : reason?.unified;
  return (unified === undefined ? undefined : FINISH[unified]) ?? 'other';
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Token counts of either spec version; `undefined` where the provider reported none. */
export function toTokenUsage(usage: ModelGenerateResult['usage'] | undefined): TokenUsage {
  if (usage === undefined || usage === null) return { inputTokens: undefined, outputTokens: undefined };
  const input = usage.inputTokens;
  const output = usage.outputTokens;
  return {
    inputTokens: count(typeof input === 'object' && input !== null ? input.total : input),
    outputTokens: count(typeof output === 'object' && output !== null ? output.total : output),
  };
}

function toAlternative(value: unknown): { token: string; logprob: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { token, logprob } = value as { token?: unknown; logprob?: unknown };
  return typeof token === 'string' && typeof logprob === 'number' && Number.isFinite(logprob)
    ? { token, logprob }
    : undefined;
}

function toTokenLogprob(value: unknown): TokenLogprob | undefined {
  const chosen = toAlternative(value);
  if (chosen === undefined) return undefined;
  const record = value as { top_logprobs?: unknown; topLogprobs?: unknown };
  const alternatives = record.top_logprobs ?? record.topLogprobs;
  if (!Array.isArray(alternatives) || alternatives.length === 0) return chosen;
  const top = alternatives.map(toAlternative);
  return top.every((t) => t !== undefined) ? { ...chosen, top } : chosen;
}

/**
 * OpenAI-style log-probabilities from provider metadata: a list of `{ token, logprob, top_logprobs }`
 * (chat completions), or a list of such lists (one per output item, the responses API), flattened in
 * order. `undefined` when absent or not of that shape.
 */
export function readLogprobs(value: unknown): TokenLogprob[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const flat: unknown[] = value.flatMap((item: unknown) => (Array.isArray(item) ? item : [item]));
  const tokens = flat.map(toTokenLogprob);
  return tokens.every((t) => t !== undefined) ? tokens : undefined;
}

/**
 * The `tool-call` content parts the caller has to run (those the provider executed itself are left
 * out), in order; the input is already JSON text in both spec versions. `undefined` when there are none.
 */
export function toToolCalls(content: ModelGenerateResult['content'] | undefined): ToolCall[] | undefined {
  const calls: ToolCall[] = [];
  for (const part of content ?? []) {
    if (part.type !== 'tool-call' || part.providerExecuted === true) continue;
    calls.push({ id: part.toolCallId, name: part.toolName, arguments: part.input });
  }
  return calls.length === 0 ? undefined : calls;
}

/**
 * A `doGenerate` result as a BenchHub result: the text parts joined (reasoning parts are not answer
 * text), `tool-call` parts as `toolCalls`, the unified finish reason, usage totals (`undefined` when
 * not reported), logprobs from provider metadata when asked for, `raw` only when kept.
 */
export function toGenerateResult(
  result: ModelGenerateResult,
  settings: ReadSettings,
  latencyMs: number,
): GenerateResult {
  const text = (result.content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
  const logprobs =
    settings.logprobsKey === undefined
      ? undefined
      : readLogprobs(result.providerMetadata?.[settings.logprobsKey]?.logprobs);
  const toolCalls = toToolCalls(result.content);
  return {
    text,
    finishReason: finishWithToolCalls(toBenchHubFinishReason(result.finishReason), toolCalls),
    usage: toTokenUsage(result.usage),
    ...(toolCalls === undefined ? {} : { toolCalls }),
    ...(logprobs === undefined ? {} : { logprobs }),
    ...(settings.includeRaw
      ? {
          raw: {
            body: result.response?.body,
            providerMetadata: result.providerMetadata,
            finishReason: result.finishReason,
            warnings: result.warnings,
          },
        }
      : {}),
    latencyMs,
  };
}

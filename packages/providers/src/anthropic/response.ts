import type { FinishReason, TokenUsage } from '@benchhub/core';
import { toFinishReason } from '../shared/index.js';
import { cutAtStop } from '../shared/stop-sequences.js';

/** The parts of a Messages API response the adapter reads. */
export interface AnthropicMessage {
  content?: readonly { type?: string; text?: string }[] | null;
  stop_reason?: string | null;
  stop_sequence?: string | null;
  usage?: {
    input_tokens?: number | null;
    output_tokens?: number | null;
    cache_creation_input_tokens?: number | null;
    cache_read_input_tokens?: number | null;
  } | null;
}

/** What a Messages API response says, in BenchHub's terms. */
export interface AnthropicOutcome {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
}

/** Stop reasons beyond the shared table: the context window running out also cuts the answer short. */
function anthropicFinishReason(reason: string | null | undefined): FinishReason {
  return reason === 'model_context_window_exceeded' ? 'length' : toFinishReason(reason);
}

function count(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Input tokens as billed: `input_tokens` plus the tokens written to and read from the prompt cache
 * (the API counts them apart). `undefined` when the response has no `input_tokens`.
 */
function inputTokens(usage: AnthropicMessage['usage']): number | undefined {
  const base = count(usage?.input_tokens);
  if (base === undefined) return undefined;
  return (
    base + (count(usage?.cache_creation_input_tokens) ?? 0) + (count(usage?.cache_read_input_tokens) ?? 0)
  );
}

/**
 * Reads a Messages API response: the text blocks joined, the stop reason mapped (`end_turn` and
 * `stop_sequence` → `stop`, `max_tokens` → `length`, `refusal` → `content-filter`), and usage. The text
 * is cut at the first of `stop` it contains (the blank stop sequences the API was not sent), which
 * makes the finish reason `stop`.
 */
export function fromAnthropicMessage(
  message: AnthropicMessage,
  stop: readonly string[] | undefined,
): AnthropicOutcome {
  const joined = (message.content ?? [])
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('');
  const { text, cut } = cutAtStop(joined, stop);
  return {
    text,
    finishReason: cut ? 'stop' : anthropicFinishReason(message.stop_reason),
    usage: { inputTokens: inputTokens(message.usage), outputTokens: count(message.usage?.output_tokens) },
  };
}

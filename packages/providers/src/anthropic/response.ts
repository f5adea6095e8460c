import type { FinishReason, TokenUsage, ToolCall } from '@benchhub/core';
import { finishWithToolCalls, toFinishReason } from '../shared/index.js';
import { cutAtStop } from '../shared/stop-sequences.js';

/** The parts of a Messages API response the adapter reads. */
export interface AnthropicMessage {
  content?: readonly AnthropicContentBlock[] | null;
  stop_reason?: string | null;
  stop_sequence?: string | null;
  usage?: {
    input_tokens?: number | null;
    output_tokens?: number | null;
    cache_creation_input_tokens?: number | null;
    cache_read_input_tokens?: number | null;
  } | null;
}

/** A content block of a response: `text` has `text`; `tool_use` has `id`, `name` and `input`. */
export interface AnthropicContentBlock {
  type?: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
}

/** What a Messages API response says, in BenchHub's terms. */
export interface AnthropicOutcome {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  toolCalls?: ToolCall[];
}

/** How to read a response beyond its text. */
export interface AnthropicReadOptions {
  /** Stop sequences to cut the text at (the blank ones the API was not sent). */
  stop?: readonly string[] | undefined;
  /** The forced tool that carried JSON mode: its input is the answer's text, not a tool call. */
  jsonModeTool?: string | undefined;
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

function toolUses(blocks: readonly AnthropicContentBlock[]): AnthropicContentBlock[] {
  return blocks.filter((block) => block.type === 'tool_use' && typeof block.name === 'string');
}

function usageOf(message: AnthropicMessage): TokenUsage {
  return { inputTokens: inputTokens(message.usage), outputTokens: count(message.usage?.output_tokens) };
}

/**
 * Reads a Messages API response: the text blocks joined, the stop reason mapped (`end_turn` and
 * `stop_sequence` → `stop`, `max_tokens` → `length`, `refusal` → `content-filter`, `tool_use` →
 * `tool-calls`), `tool_use` blocks as `toolCalls` (arguments: the input as JSON text), and usage. The
 * text is cut at the first of `stop` it contains (the blank stop sequences the API was not sent), which
 * makes the finish reason `stop`. With `jsonModeTool`, that tool's input is the text (JSON mode) and
 * the finish reason of its call is `stop`.
 */
export function fromAnthropicMessage(
  message: AnthropicMessage,
  options: AnthropicReadOptions = {},
): AnthropicOutcome {
  const blocks = message.content ?? [];
  const calls = toolUses(blocks);
  const jsonAnswer = calls.find((block) => block.name === options.jsonModeTool);
  if (options.jsonModeTool !== undefined && jsonAnswer !== undefined) {
    const reason = anthropicFinishReason(message.stop_reason);
    return {
      text: JSON.stringify(jsonAnswer.input ?? {}),
      finishReason: reason === 'tool-calls' ? 'stop' : reason,
      usage: usageOf(message),
    };
  }
  const joined = blocks
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('');
  const { text, cut } = cutAtStop(joined, options.stop);
  const toolCalls: ToolCall[] = calls.map((block) => ({
    ...(typeof block.id === 'string' ? { id: block.id } : {}),
    name: block.name as string,
    arguments: JSON.stringify(block.input ?? {}),
  }));
  const reason = cut ? 'stop' : anthropicFinishReason(message.stop_reason);
  return {
    text,
    finishReason: finishWithToolCalls(reason, toolCalls),
    usage: usageOf(message),
    ...(toolCalls.length === 0 ? {} : { toolCalls }),
  };
}

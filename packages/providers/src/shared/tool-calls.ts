import type { FinishReason, ToolCall } from '@benchhub/core';

/** Arguments as JSON text: a string as it is, anything else (older TGI sends an object) serialised. */
export function argumentsText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value ?? {});
}

/**
 * The function calls of an OpenAI-style `message.tool_calls` (OpenAI, TGI, vLLM, the Hugging Face router):
 * `{ id, type: 'function', function: { name, arguments } }` entries, in order. Entries of another type
 * (custom tools, which BenchHub never offers) and entries without a name are skipped; a numeric id (older
 * TGI) becomes a string. `undefined` when there are none.
 */
export function openAIToolCalls(value: unknown): ToolCall[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const calls: ToolCall[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, type, function: fn } = entry as { id?: unknown; type?: unknown; function?: unknown };
    if (type !== undefined && type !== 'function') continue;
    const { name, arguments: args } = (fn ?? {}) as { name?: unknown; arguments?: unknown };
    if (typeof name !== 'string' || name === '') continue;
    calls.push({
      ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}),
      name,
      arguments: argumentsText(args),
    });
  }
  return calls.length === 0 ? undefined : calls;
}

/**
 * The finish reason of a result that carries tool calls: `tool-calls`, unless the answer was cut
 * (`length`), filtered or failed, which stays visible. Servers differ here: vLLM and Ollama report `stop`
 * and TGI `eos_token` with tool calls, where OpenAI says `tool_calls`.
 */
export function finishWithToolCalls(
  reason: FinishReason,
  toolCalls: readonly ToolCall[] | undefined,
): FinishReason {
  if (toolCalls === undefined || toolCalls.length === 0) return reason;
  return reason === 'length' || reason === 'content-filter' || reason === 'error' ? reason : 'tool-calls';
}

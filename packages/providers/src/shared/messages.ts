import type { ChatMessage, FinishReason, GenerateRequest } from '@benchhub/core';

/** A prompt as chat messages: a string becomes one user message. */
export function promptMessages(prompt: GenerateRequest['prompt']): readonly ChatMessage[] {
  return typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : prompt;
}

/**
 * A prompt as plain text for completion-only models: messages are joined by blank lines, in order, with
 * no role markers (a model without a chat template would read them as text anyway).
 */
export function toPromptText(prompt: GenerateRequest['prompt']): string {
  return typeof prompt === 'string' ? prompt : prompt.map((m) => m.content).join('\n\n');
}

const FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  stop: 'stop',
  eos: 'stop',
  eos_token: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  max_tokens: 'length',
  model_length: 'length',
  content_filter: 'content-filter',
  refusal: 'content-filter',
  tool_calls: 'tool-calls',
  tool_use: 'tool-calls',
  function_call: 'tool-calls',
  pause_turn: 'other',
  error: 'error',
};

/** A vendor's finish or stop reason (`stop`, `end_turn`, `max_tokens`, `content_filter`…) in BenchHub's terms. */
export function toFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === null || reason === undefined) return 'other';
  return FINISH_REASONS[reason] ?? 'other';
}

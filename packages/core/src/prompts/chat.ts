import type { ChatMessage } from '../domain/sample.js';
import type { RenderedPrompt } from './prompt-template.js';

/** Options of {@link toChatMessages}. */
export interface ChatMessageOptions {
  /** A system instruction, placed before the template's description in the system message. */
  system?: string;
  /**
   * `turns` (default): each few-shot example is a user message (its text) answered by an assistant
   * message (its target), then the query is the last user message — lm-eval's `fewshot_as_multiturn`.
   * `single`: examples and query are one user message, exactly the completion prompt without description.
   */
  fewShotAs?: 'turns' | 'single';
}

/**
 * Turns a rendered prompt into chat messages the way lm-evaluation-harness applies a chat template:
 * the system message is `system + fewshotDelimiter + description` (either alone when the other is
 * empty; no system message when both are), followed by the examples and the query.
 *
 * @example
 * ```ts
 * toChatMessages(renderFewShot(dev, sample, getBuiltinTemplate('kmmlu'), { k: 1 }), { system: 'Answer with a letter.' });
 * // [{ role: 'system', … }, { role: 'user', … }, { role: 'assistant', content: 'B' }, { role: 'user', … }]
 * ```
 */
export function toChatMessages(rendered: RenderedPrompt, options: ChatMessageOptions = {}): ChatMessage[] {
  const messages: ChatMessage[] = [];
  const system = [options.system ?? '', rendered.description]
    .filter((part) => part !== '')
    .join(rendered.fewshotDelimiter);
  if (system !== '') messages.push({ role: 'system', content: system });
  if ((options.fewShotAs ?? 'turns') === 'single') {
    const shots = rendered.examples
      .map((turn) => `${turn.text}${rendered.targetDelimiter}${turn.target}${rendered.fewshotDelimiter}`)
      .join('');
    messages.push({ role: 'user', content: `${shots}${rendered.text}` });
    return messages;
  }
  for (const turn of rendered.examples) {
    messages.push({ role: 'user', content: turn.text }, { role: 'assistant', content: turn.target });
  }
  messages.push({ role: 'user', content: rendered.text });
  return messages;
}

/**
 * The completion prompt with an optional system instruction before it, separated by the few-shot
 * delimiter (as lm-eval does without a chat template).
 */
export function toCompletionPrompt(rendered: RenderedPrompt, system?: string): string {
  return system === undefined || system === ''
    ? rendered.prompt
    : `${system}${rendered.fewshotDelimiter}${rendered.prompt}`;
}

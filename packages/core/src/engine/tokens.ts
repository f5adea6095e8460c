import type { GenerateRequest } from '../spec/model-provider.js';

/** Tokens a chat format adds around each message (role markers). */
const MESSAGE_OVERHEAD = 4;

/**
 * A deliberately generous token estimate of a text when no tokenizer is at hand: a quarter token per
 * ASCII character (English averages about four characters a token) and one token per other character
 * (Hangul and CJK often take one or more), rounded up.
 *
 * @example
 * ```ts
 * estimateTokens('What is the capital of Korea?'); // 8
 * estimateTokens('대한민국의 수도는?');              // 9
 * ```
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

/** The prompt tokens of a request: the provider's own count when it has one, else {@link estimateTokens}. */
export function promptTokens(
  request: GenerateRequest,
  count: (text: string) => number = estimateTokens,
): number {
  const { prompt } = request;
  if (typeof prompt === 'string') return count(prompt);
  let total = 0;
  for (const message of prompt) total += count(message.content) + MESSAGE_OVERHEAD;
  return total;
}

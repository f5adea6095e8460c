/**
 * The minimal subset of the OpenAI chat completions wire format that the fault server and its client
 * speak (`POST /v1/chat/completions`).
 */

/** One message of a chat completions request or response. */
export interface ChatCompletionsMessage {
  role: 'system' | 'user' | 'assistant' | 'developer' | 'tool';
  content: string;
}

/** The request body of `POST /v1/chat/completions` (the fields BenchHub sends). */
export interface ChatCompletionsRequestBody {
  model: string;
  messages: ChatCompletionsMessage[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  seed?: number;
  logprobs?: boolean;
  top_logprobs?: number;
  [extra: string]: unknown;
}

/** The finish reasons of the wire format. */
export type ChatCompletionsFinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls';

/** The response body of a successful `POST /v1/chat/completions`. */
export interface ChatCompletionsResponseBody {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: 'assistant'; content: string };
    finish_reason: ChatCompletionsFinishReason;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** The body of an error response. */
export interface ChatCompletionsErrorBody {
  error: { message: string; type: string; code?: string | null };
}

/** Whether a parsed JSON value looks like a chat completions request. */
export function isChatCompletionsRequest(value: unknown): value is ChatCompletionsRequestBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.model === 'string' &&
    Array.isArray(body.messages) &&
    body.messages.every(
      (m) =>
        typeof m === 'object' &&
        m !== null &&
        typeof (m as Record<string, unknown>).role === 'string' &&
        typeof (m as Record<string, unknown>).content === 'string',
    )
  );
}

/** A rough token count for usage (four characters a token, at least one for non-empty text). */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

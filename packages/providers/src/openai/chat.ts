import type { GenerateRequest, GenerateResult, TokenLogprob, TokenUsage } from '@benchhub/core';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import {
  finishWithToolCalls,
  hasTools,
  openAIToolCalls,
  promptMessages,
  toFinishReason,
  toOpenAIResponseFormat,
  toOpenAIToolChoice,
  toOpenAITools,
} from '../shared/index.js';
import type { MaxTokensField } from './options.js';

/** Whether the request asks for per-token log-probabilities (`topLogprobs` alone asks too). */
function wantsLogprobs(request: GenerateRequest): boolean {
  return request.logprobs === true || (request.topLogprobs ?? 0) > 0;
}

/**
 * The chat completions body of a request: messages (a string prompt is one user message), the sampling
 * parameters that are set, `maxTokens` under `maxTokensField`, `logprobs`/`top_logprobs`, `tools` with
 * `tool_choice`, `response_format`, then `extra` (which wins over the mapped fields, so a vendor
 * parameter can replace one).
 */
export function toChatBody(
  request: GenerateRequest,
  model: string,
  maxTokensField: MaxTokensField,
): ChatCompletionCreateParamsNonStreaming {
  const body: Record<string, unknown> = {
    model,
    messages: promptMessages(request.prompt).map((m) => ({ role: m.role, content: m.content })),
  };
  if (request.maxTokens !== undefined) body[maxTokensField] = request.maxTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.stop !== undefined && request.stop.length > 0) body.stop = [...request.stop];
  if (request.seed !== undefined) body.seed = request.seed;
  if (wantsLogprobs(request)) {
    body.logprobs = true;
    if ((request.topLogprobs ?? 0) > 0) body.top_logprobs = request.topLogprobs;
  }
  if (hasTools(request)) {
    body.tools = toOpenAITools(request.tools ?? []);
    if (request.toolChoice !== undefined) body.tool_choice = toOpenAIToolChoice(request.toolChoice);
  }
  if (request.responseFormat !== undefined)
    body.response_format = toOpenAIResponseFormat(request.responseFormat);
  if (request.extra !== undefined) Object.assign(body, request.extra);
  return body as unknown as ChatCompletionCreateParamsNonStreaming;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Token counts as the server reported them; `undefined` when it reported none. */
export function toUsage(
  usage: { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined,
): TokenUsage {
  return { inputTokens: count(usage?.prompt_tokens), outputTokens: count(usage?.completion_tokens) };
}

type ChoiceLogprobs = ChatCompletion.Choice['logprobs'];

/** The chosen tokens' log-probabilities, with their alternatives when `withTop` (`topLogprobs` was asked). */
export function toTokenLogprobs(
  logprobs: ChoiceLogprobs | undefined,
  withTop: boolean,
): TokenLogprob[] | undefined {
  const content = logprobs?.content;
  if (!Array.isArray(content)) return undefined;
  return content.map((entry) => {
    const token: TokenLogprob = { token: entry.token, logprob: entry.logprob };
    if (withTop && Array.isArray(entry.top_logprobs)) {
      return { ...token, top: entry.top_logprobs.map((alt) => ({ token: alt.token, logprob: alt.logprob })) };
    }
    return token;
  });
}

/**
 * A chat completion as a `GenerateResult`. A refusal without content is empty text with finish reason
 * `content-filter`; function calls in `message.tool_calls` become `toolCalls` (finish reason
 * `tool-calls` unless the answer was cut). Returns `undefined` when the response has no choice.
 */
export function toGenerateResult(
  completion: ChatCompletion,
  request: GenerateRequest,
  latencyMs: number,
  includeRaw: boolean,
): GenerateResult | undefined {
  const choice = completion.choices?.[0];
  if (choice === undefined) return undefined;
  const content = choice.message?.content;
  const refused = (content === null || content === undefined) && typeof choice.message?.refusal === 'string';
  const toolCalls = openAIToolCalls(choice.message?.tool_calls);
  const result: GenerateResult = {
    text: typeof content === 'string' ? content : '',
    finishReason: refused
      ? 'content-filter'
      : finishWithToolCalls(toFinishReason(choice.finish_reason), toolCalls),
    usage: toUsage(completion.usage),
    latencyMs,
  };
  if (toolCalls !== undefined) result.toolCalls = toolCalls;
  if (wantsLogprobs(request)) {
    const logprobs = toTokenLogprobs(choice.logprobs, (request.topLogprobs ?? 0) > 0);
    if (logprobs !== undefined) result.logprobs = logprobs;
  }
  if (includeRaw) result.raw = completion;
  return result;
}

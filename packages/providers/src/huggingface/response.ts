import type { FinishReason, GenerateRequest, TokenLogprob, TokenUsage, ToolCall } from '@benchhub/core';
import { finishWithToolCalls, openAIToolCalls, toFinishReason } from '../shared/index.js';
import { cutAtStop } from '../shared/stop-sequences.js';

/** The parts of an OpenAI-style chat completion (what TGI, vLLM and the router return) the adapter reads. */
export interface ChatCompletionLike {
  choices?: readonly {
    message?: { content?: string | null; tool_calls?: unknown } | null;
    finish_reason?: string | null;
    logprobs?: {
      content?:
        | readonly {
            token?: string;
            logprob?: number;
            top_logprobs?: readonly { token?: string; logprob?: number }[] | null;
          }[]
        | null;
    } | null;
  }[];
  usage?: { prompt_tokens?: number | null; completion_tokens?: number | null } | null;
}

/** The parts of an OpenAI-style text completion (`/v1/completions`) the adapter reads. */
export interface TextCompletionLike {
  choices?: readonly { text?: string | null; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number | null; completion_tokens?: number | null } | null;
}

/** What a response says, in BenchHub's terms. */
export interface HuggingFaceOutcome {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  logprobs?: TokenLogprob[];
  toolCalls?: ToolCall[];
}

function count(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Token counts as reported, except a 0 where there was text: some services send 0 for "not counted",
 * and a fake 0 would skew cost and throughput (a prompt always has tokens).
 */
function usageOf(usage: ChatCompletionLike['usage'], text: string): TokenUsage {
  const input = count(usage?.prompt_tokens);
  const output = count(usage?.completion_tokens);
  return {
    inputTokens: input === 0 ? undefined : input,
    outputTokens: output === 0 && text !== '' ? undefined : output,
  };
}

type ChoiceLike = NonNullable<ChatCompletionLike['choices']>[number];
type TokenLike = NonNullable<NonNullable<NonNullable<ChoiceLike['logprobs']>['content']>[number]>;
type AlternativeLike = NonNullable<TokenLike['top_logprobs']>[number];

function logprobsOf(choice: ChoiceLike, request: GenerateRequest): TokenLogprob[] | undefined {
  const content = choice.logprobs?.content;
  if (request.logprobs !== true || !Array.isArray(content)) return undefined;
  const withTop = (request.topLogprobs ?? 0) > 0;
  return (content as readonly TokenLike[])
    .filter((t) => typeof t.token === 'string' && typeof t.logprob === 'number')
    .map((t) => ({
      token: t.token as string,
      logprob: t.logprob as number,
      ...(withTop && Array.isArray(t.top_logprobs)
        ? {
            top: (t.top_logprobs as readonly AlternativeLike[])
              .filter((a) => typeof a.token === 'string' && typeof a.logprob === 'number')
              .map((a) => ({ token: a.token as string, logprob: a.logprob as number })),
          }
        : {}),
    }));
}

/** True when `output` has the shape of a chat completion: a first choice with a message. */
export function isChatCompletion(output: unknown): output is ChatCompletionLike {
  const choice = (output as ChatCompletionLike | null | undefined)?.choices?.[0];
  return (
    Array.isArray((output as ChatCompletionLike).choices) &&
    typeof choice?.message === 'object' &&
    choice.message !== null
  );
}

/**
 * Reads a chat completion: the first choice's text (cut at the first stop sequence it still contains:
 * TGI keeps a matched stop sequence in the text), its finish reason, usage, the per-token
 * log-probabilities when the request asked for them and the service returned them, and the function
 * calls of `message.tool_calls` (arguments sent as an object, as TGI did before 3.x, become JSON text;
 * the finish reason is then `tool-calls`, which TGI reports as `eos_token`).
 */
export function fromChatCompletion(output: ChatCompletionLike, request: GenerateRequest): HuggingFaceOutcome {
  const choice = output.choices?.[0] ?? {};
  const { text, cut } = cutAtStop(choice.message?.content ?? '', request.stop);
  const logprobs = logprobsOf(choice, request);
  const toolCalls = openAIToolCalls(choice.message?.tool_calls);
  return {
    text,
    finishReason: finishWithToolCalls(cut ? 'stop' : toFinishReason(choice.finish_reason), toolCalls),
    usage: usageOf(output.usage, text),
    ...(logprobs === undefined ? {} : { logprobs }),
    ...(toolCalls === undefined ? {} : { toolCalls }),
  };
}

/**
 * Reads a text generation: the SDK's `generated_text`, with the finish reason and usage of the
 * response body when it is an OpenAI-style completion (what endpoints answer); both unknown otherwise.
 */
export function fromTextGeneration(
  generated: { generated_text?: unknown },
  body: unknown,
  request: GenerateRequest,
): HuggingFaceOutcome {
  const completion = (typeof body === 'object' && body !== null ? body : {}) as TextCompletionLike;
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  const raw = typeof generated.generated_text === 'string' ? generated.generated_text : '';
  const { text, cut } = cutAtStop(raw, request.stop);
  return {
    text,
    finishReason: cut ? 'stop' : toFinishReason(choice?.finish_reason),
    usage: usageOf(completion.usage, text),
  };
}

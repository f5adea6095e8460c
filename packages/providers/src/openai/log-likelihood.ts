import type { LogLikelihoodRequest, LogLikelihoodResult } from '@benchhub/core';
import type {
  Completion,
  CompletionChoice,
  CompletionCreateParamsNonStreaming,
} from 'openai/resources/completions';

/**
 * The legacy completions body that scores a batch of requests, as lm-evaluation-harness's
 * `local-completions` model does: each prompt is context + continuation, echoed back with each
 * token's log-probability (`echo: true, logprobs: 1`) and nothing generated (`max_tokens: 0`).
 */
export function toEchoBody(
  model: string,
  requests: readonly LogLikelihoodRequest[],
): CompletionCreateParamsNonStreaming {
  return {
    model,
    prompt: requests.map((r) => r.context + r.continuation),
    echo: true,
    logprobs: 1,
    max_tokens: 0,
    temperature: 0,
  };
}

/** Length in code points: servers written in Python count `text_offset` that way, not in UTF-16 units. */
function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The most likely token of one position's `top_logprobs`, with its log-probability. */
function best(top: Readonly<Record<string, number>> | null | undefined): [string, number] | undefined {
  if (top === null || top === undefined || typeof top !== 'object') return undefined;
  let found: [string, number] | undefined;
  for (const [token, logprob] of Object.entries(top)) {
    if (typeof logprob === 'number' && (found === undefined || logprob > found[1])) found = [token, logprob];
  }
  return found;
}

/**
 * Scores one request from its echoed choice. The continuation's tokens are those that end after the
 * context (by `text_offset`, so a token spanning the boundary counts as continuation) and start before
 * the prompt's end (tokens a server generated anyway are left out). `logprob` is the sum of their
 * `token_logprobs`; `isGreedy` is true when each is the most likely token of its `top_logprobs` (a tie
 * counts). Returns a description of the problem when the choice cannot be scored.
 */
export function scoreEcho(
  choice: CompletionChoice,
  request: LogLikelihoodRequest,
): LogLikelihoodResult | string {
  const lp = choice?.logprobs;
  const tokens = lp?.tokens;
  const logprobs = lp?.token_logprobs as readonly (number | null)[] | undefined;
  const offsets = lp?.text_offset;
  if (!Array.isArray(tokens) || !Array.isArray(logprobs) || !Array.isArray(offsets)) {
    return 'the server did not echo the prompt tokens with their log-probabilities (logLikelihood needs /completions with echo: true and logprobs, as vLLM implements it)';
  }
  if (tokens.length !== logprobs.length || tokens.length !== offsets.length) {
    return 'the echoed tokens, token_logprobs and text_offset differ in length';
  }
  const tops = lp?.top_logprobs as readonly (Record<string, number> | null)[] | undefined;
  const contextEnd = codePoints(request.context);
  const promptEnd = contextEnd + codePoints(request.continuation);
  let sum = 0;
  let isGreedy = true;
  for (let i = 0; i < tokens.length; i++) {
    const start = offsets[i] ?? 0;
    if (start >= promptEnd) break;
    const end = offsets[i + 1] ?? promptEnd;
    if (end <= contextEnd) continue;
    const logprob = logprobs[i];
    if (typeof logprob !== 'number' || !Number.isFinite(logprob)) {
      return `the server gave no log-probability for continuation token ${JSON.stringify(tokens[i])} (an empty context cannot be scored)`;
    }
    sum += logprob;
    const top = best(tops?.[i]);
    if (top === undefined || (top[0] !== tokens[i] && logprob < top[1])) isGreedy = false;
  }
  return { logprob: sum, isGreedy };
}

/** The choices of a completions response in prompt order (by `index`), or what is wrong with them. */
export function orderedChoices(response: Completion, expected: number): CompletionChoice[] | string {
  const choices = Array.isArray(response?.choices) ? [...response.choices] : [];
  if (choices.length !== expected)
    return `the server returned ${choices.length} choices for ${expected} prompts`;
  return choices.sort((a, b) => a.index - b.index);
}

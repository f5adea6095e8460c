import type { GenerateRequest } from '@benchhub/core';
import { promptMessages } from '../shared/index.js';

/** Where a call goes: a dedicated endpoint URL, or an Inference Provider (or `auto`) behind the router. */
export type HuggingFaceRoute = { endpointUrl: string } | { provider: string; endpointUrl: undefined };

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * The SDK arguments of a chat completion: the OpenAI-style body (`messages`, `max_tokens`, `temperature`,
 * `top_p`, `stop`, `seed`, `logprobs`, `top_logprobs`, then `extra`) plus the model and its route.
 */
export function toChatArgs(
  model: string,
  route: HuggingFaceRoute,
  request: GenerateRequest,
): Record<string, unknown> {
  const wantsTop = request.logprobs === true && (request.topLogprobs ?? 0) > 0;
  return {
    model,
    ...route,
    messages: promptMessages(request.prompt).map((m) => ({ role: m.role, content: m.content })),
    ...defined({
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      top_p: request.topP,
      stop: request.stop === undefined || request.stop.length === 0 ? undefined : [...request.stop],
      seed: request.seed,
      logprobs: request.logprobs === true ? true : undefined,
      top_logprobs: wantsTop ? request.topLogprobs : undefined,
    }),
    ...request.extra,
  };
}

/**
 * The SDK arguments of a text generation: the prompt as `inputs` and the parameters `max_new_tokens`,
 * `temperature`, `top_p`, `stop`, `seed`, `return_full_text: false` (only the continuation), then
 * `extra`. The SDK maps them to the route it calls (for an endpoint: an OpenAI-style `/v1/completions`).
 */
export function toTextGenerationArgs(
  model: string,
  route: HuggingFaceRoute,
  request: GenerateRequest & { prompt: string },
): Record<string, unknown> {
  return {
    model,
    ...route,
    inputs: request.prompt,
    parameters: {
      ...defined({
        max_new_tokens: request.maxTokens,
        temperature: request.temperature,
        top_p: request.topP,
        stop: request.stop === undefined || request.stop.length === 0 ? undefined : [...request.stop],
        seed: request.seed,
      }),
      return_full_text: false,
      ...request.extra,
    },
  };
}

import type { GenerateRequest } from '@benchhub/core';
import {
  hasTools,
  promptMessages,
  toOpenAIResponseFormat,
  toOpenAIToolChoice,
  toOpenAITools,
} from '../shared/index.js';

/** Where a call goes: a dedicated endpoint URL, or an Inference Provider (or `auto`) behind the router. */
export type HuggingFaceRoute = { endpointUrl: string } | { provider: string; endpointUrl: undefined };

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * The SDK arguments of a chat completion: the OpenAI-style body (`messages`, `max_tokens`, `temperature`,
 * `top_p`, `stop`, `seed`, `logprobs`, `top_logprobs`, `tools` with `tool_choice`, `response_format`,
 * then `extra`) plus the model and its route. Tools and response formats take OpenAI's shapes, which
 * the Inference Providers router and TGI 3.x read: `{ type: 'json_schema', json_schema: { name,
 * schema, strict } }` and `{ type: 'json_object' }` (TGI before 3.2 took `{ type: 'json', value }`
 * instead; pass that through `extra` for such a server).
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
      tools: hasTools(request) ? toOpenAITools(request.tools ?? []) : undefined,
      tool_choice:
        hasTools(request) && request.toolChoice !== undefined
          ? toOpenAIToolChoice(request.toolChoice)
          : undefined,
      response_format:
        request.responseFormat === undefined ? undefined : toOpenAIResponseFormat(request.responseFormat),
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

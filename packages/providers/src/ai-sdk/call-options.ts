import type {
  JSONObject,
  LanguageModelV3CallOptions,
  LanguageModelV3FunctionTool,
  LanguageModelV3Prompt,
  LanguageModelV3ToolChoice,
} from '@ai-sdk/provider';
import type { GenerateRequest } from '@benchhub/core';
import { hasTools, promptMessages } from '../shared/index.js';
import type { AISdkProviderOptionsRecord } from './options.js';

/** What every call of one provider shares. */
export interface CallSettings {
  /** The `providerOptions` key `request.extra` goes under. */
  providerOptionsKey: string;
  /** `providerOptions` sent with every call. */
  providerOptions: AISdkProviderOptionsRecord | undefined;
  /** Headers sent with every call. */
  headers: Readonly<Record<string, string>> | undefined;
  /** Whether to ask for logprobs through `providerOptions[key].logprobs` when the request does. */
  logprobs: boolean;
}

/**
 * A BenchHub prompt in the AI SDK's model prompt format: a string is one user message, system messages
 * stay `system` messages where they are (providers that need them first, like Anthropic, hoist them),
 * user and assistant messages become one text part each.
 */
export function toModelPrompt(prompt: GenerateRequest['prompt']): LanguageModelV3Prompt {
  return promptMessages(prompt).map((message) =>
    message.role === 'system'
      ? { role: 'system', content: message.content }
      : { role: message.role, content: [{ type: 'text', text: message.content }] },
  );
}

function requestProviderOptions(
  request: GenerateRequest,
  settings: CallSettings,
): AISdkProviderOptionsRecord | undefined {
  const own: Record<string, unknown> = { ...request.extra };
  if (settings.logprobs && request.logprobs === true) {
    own.logprobs = request.topLogprobs !== undefined && request.topLogprobs > 0 ? request.topLogprobs : true;
  }
  if (Object.keys(own).length === 0) return settings.providerOptions;
  const key = settings.providerOptionsKey;
  return {
    ...settings.providerOptions,
    [key]: { ...settings.providerOptions?.[key], ...(own as JSONObject) },
  };
}

/** `request.tools` as the model spec's function tools (`inputSchema` is the JSON Schema of the arguments). */
export function toModelTools(tools: NonNullable<GenerateRequest['tools']>): LanguageModelV3FunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    inputSchema: { ...tool.parameters } as LanguageModelV3FunctionTool['inputSchema'],
  }));
}

/** `request.toolChoice` in the model spec's terms: `auto`, `required`, or `{ type: 'tool', toolName }`. */
export function toModelToolChoice(
  choice: NonNullable<GenerateRequest['toolChoice']>,
): LanguageModelV3ToolChoice {
  return typeof choice === 'string' ? { type: choice } : { type: 'tool', toolName: choice.name };
}

/**
 * `request.responseFormat` in the model spec's terms: `{ type: 'json' }`, with the schema, its name and
 * description for `json_schema` (`strict` has no place in the spec: it is the provider's own option,
 * e.g. `strictJsonSchema`).
 */
export function toModelResponseFormat(
  format: NonNullable<GenerateRequest['responseFormat']>,
): NonNullable<LanguageModelV3CallOptions['responseFormat']> {
  if (format.type === 'json') return { type: 'json' };
  return {
    type: 'json',
    schema: { ...format.schema } as LanguageModelV3FunctionTool['inputSchema'],
    name: format.name,
    ...(format.description === undefined ? {} : { description: format.description }),
  };
}

/**
 * The `doGenerate` options of a request: `maxTokens` → `maxOutputTokens`, `stop` → `stopSequences`,
 * `temperature`, `topP` and `seed` as they are, `tools` and `toolChoice` as function tools,
 * `responseFormat` as a JSON response format, `extra` under `providerOptions[providerOptionsKey]`.
 * Parameters the request leaves out are left out, so the provider's defaults apply.
 */
export function toCallOptions(
  request: GenerateRequest,
  settings: CallSettings,
  abortSignal: AbortSignal | undefined,
): LanguageModelV3CallOptions {
  const providerOptions = requestProviderOptions(request, settings);
  return {
    prompt: toModelPrompt(request.prompt),
    ...(request.maxTokens === undefined ? {} : { maxOutputTokens: request.maxTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { topP: request.topP }),
    ...(request.stop === undefined ? {} : { stopSequences: [...request.stop] }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(hasTools(request) ? { tools: toModelTools(request.tools ?? []) } : {}),
    ...(hasTools(request) && request.toolChoice !== undefined
      ? { toolChoice: toModelToolChoice(request.toolChoice) }
      : {}),
    ...(request.responseFormat === undefined
      ? {}
      : { responseFormat: toModelResponseFormat(request.responseFormat) }),
    ...(providerOptions === undefined ? {} : { providerOptions }),
    ...(settings.headers === undefined ? {} : { headers: { ...settings.headers } }),
    ...(abortSignal === undefined ? {} : { abortSignal }),
  };
}

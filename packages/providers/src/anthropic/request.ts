import type { GenerateRequest } from '@benchhub/core';
import { hasTools, promptMessages } from '../shared/index.js';
import type { AnthropicMessagesBody } from './options.js';

/** A prompt in the Messages API's terms: the system prompt apart, user and assistant turns alternating. */
export interface AnthropicConversation {
  /** The `system` messages' contents joined by blank lines, when there are any. */
  system: string | undefined;
  /** The user and assistant turns, consecutive messages of one role merged (joined by blank lines). */
  messages: AnthropicMessagesBody['messages'];
}

/**
 * Turns a prompt into the Messages API's `system` and `messages`: a string becomes one user message,
 * every `system` message goes to `system` (several are joined by blank lines), and consecutive
 * messages of the same role are merged so user and assistant turns alternate.
 *
 * @example
 * ```ts
 * toAnthropicConversation([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }]);
 * // { system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] }
 * ```
 */
export function toAnthropicConversation(prompt: GenerateRequest['prompt']): AnthropicConversation {
  const system: string[] = [];
  const messages: AnthropicMessagesBody['messages'] = [];
  for (const message of promptMessages(prompt)) {
    if (message.role === 'system') {
      system.push(message.content);
      continue;
    }
    const previous = messages.at(-1);
    if (previous?.role === message.role) previous.content = `${previous.content}\n\n${message.content}`;
    else messages.push({ role: message.role, content: message.content });
  }
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages };
}

/** True for a stop sequence the Messages API refuses (empty or whitespace only: HTTP 400). */
export function isBlankStop(sequence: string): boolean {
  return sequence.trim() === '';
}

/** Settings that shape the request body beyond the prompt. */
export interface AnthropicBodySettings {
  model: string;
  defaultMaxTokens: number;
  /** Whether the API version in use takes `temperature` and `top_p`. */
  sendsSampling: boolean;
}

/**
 * The tool that carries JSON mode (`responseFormat: { type: 'json' }`): the Messages API has no JSON
 * mode, so the model is made to call this tool, whose input is any JSON object, and the input is the
 * answer's text.
 */
export const JSON_MODE_TOOL = 'json_answer';

/** `request.tools` as Messages API client tools. */
export function toAnthropicTools(
  tools: NonNullable<GenerateRequest['tools']>,
): NonNullable<AnthropicMessagesBody['tools']> {
  return tools.map((tool) => ({
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    input_schema: { ...tool.parameters },
  }));
}

/** `request.toolChoice` as `tool_choice`: `auto`, `any` for `required`, or `{ type: 'tool', name }`. */
export function toAnthropicToolChoice(
  choice: NonNullable<GenerateRequest['toolChoice']>,
): NonNullable<AnthropicMessagesBody['tool_choice']> {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'required') return { type: 'any' };
  return { type: 'tool', name: choice.name };
}

/** The body fields of tools and structured output: `tools`/`tool_choice`, `output_config`, or the JSON-mode tool. */
function structuredFields(request: GenerateRequest): Partial<AnthropicMessagesBody> {
  const format = request.responseFormat;
  if (format?.type === 'json') {
    return {
      tools: [
        {
          name: JSON_MODE_TOOL,
          description: 'Give your whole answer as this JSON object.',
          input_schema: { type: 'object' },
        },
      ],
      tool_choice: { type: 'tool', name: JSON_MODE_TOOL },
    };
  }
  return {
    ...(hasTools(request) ? { tools: toAnthropicTools(request.tools ?? []) } : {}),
    ...(hasTools(request) && request.toolChoice !== undefined
      ? { tool_choice: toAnthropicToolChoice(request.toolChoice) }
      : {}),
    ...(format?.type === 'json_schema'
      ? { output_config: { format: { type: 'json_schema', schema: { ...format.schema } } } }
      : {}),
  };
}

/**
 * The Messages API body of one request: `max_tokens` from the request or the default, stop sequences
 * without the blank ones (the API refuses them; the adapter cuts the text at them itself),
 * `temperature`/`top_p` when the API version takes them, `tools` and `tool_choice`, structured output
 * (`output_config.format` for a JSON schema, a forced {@link JSON_MODE_TOOL} for JSON mode), then
 * `extra` merged over everything.
 */
export function toAnthropicBody(
  request: GenerateRequest,
  settings: AnthropicBodySettings,
): AnthropicMessagesBody {
  const { system, messages } = toAnthropicConversation(request.prompt);
  const stops = (request.stop ?? []).filter((s) => !isBlankStop(s));
  return {
    model: settings.model,
    max_tokens: request.maxTokens ?? settings.defaultMaxTokens,
    messages,
    ...(system === undefined ? {} : { system }),
    ...(stops.length === 0 ? {} : { stop_sequences: stops }),
    ...(settings.sendsSampling && request.temperature !== undefined
      ? { temperature: request.temperature }
      : {}),
    ...(settings.sendsSampling && request.topP !== undefined ? { top_p: request.topP } : {}),
    ...structuredFields(request),
    ...request.extra,
  };
}

import type { GenerateRequest } from '@benchhub/core';

/**
 * `request.tools` as OpenAI-style function tools (`{ type: 'function', function: { name, description,
 * parameters, strict } }`), the shape chat completions, TGI, vLLM and the Hugging Face router take.
 */
export function toOpenAITools(tools: NonNullable<GenerateRequest['tools']>): Record<string, unknown>[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      parameters: { ...tool.parameters },
      ...(tool.strict === undefined ? {} : { strict: tool.strict }),
    },
  }));
}

/** `request.toolChoice` as OpenAI-style `tool_choice`: `auto`, `required`, or one named function. */
export function toOpenAIToolChoice(choice: NonNullable<GenerateRequest['toolChoice']>): unknown {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

/**
 * `request.responseFormat` as OpenAI-style `response_format`: `json_object` (JSON mode) or
 * `json_schema` with the schema's name, description and `strict`.
 */
export function toOpenAIResponseFormat(format: NonNullable<GenerateRequest['responseFormat']>): unknown {
  if (format.type === 'json') return { type: 'json_object' };
  return {
    type: 'json_schema',
    json_schema: {
      name: format.name,
      ...(format.description === undefined ? {} : { description: format.description }),
      schema: { ...format.schema },
      ...(format.strict === undefined ? {} : { strict: format.strict }),
    },
  };
}

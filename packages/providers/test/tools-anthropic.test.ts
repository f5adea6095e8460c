import type { GenerateRequest, ToolSpec } from '@benchhub/core';
import { type AnthropicProviderOptions, createAnthropicProvider } from '@benchhub/providers/anthropic';
import { afterAll, describe, expect, it } from 'vitest';
import { type AnthropicServerRecord, startAnthropicServer } from './support/anthropic-server.js';
import { callError } from './support/call-error.js';

const KEY = 'sk-ant-test-tools-0123456789abc';

const server = await startAnthropicServer({
  apiKey: KEY,
  answer: (body) => {
    const last = (body.messages as { content: string }[]).at(-1)?.content ?? '';
    const choice = body.tool_choice as { type?: string; name?: string } | undefined;
    if (choice?.type === 'tool' && choice.name === 'json_answer') {
      return { text: '', toolUses: [{ id: 'toolu_json', name: 'json_answer', input: { answer: 'Seoul' } }] };
    }
    if (last.startsWith('Weather')) {
      return {
        text: 'Let me check.',
        toolUses: [
          { id: 'toolu_01', name: 'get_weather', input: { city: 'Seoul' } },
          { id: 'toolu_02', name: 'get_time', input: {} },
        ],
      };
    }
    if (last.startsWith('Cut')) {
      return {
        text: '',
        toolUses: [{ id: 'toolu_03', name: 'get_weather', input: {} }],
        stopReason: 'max_tokens',
      };
    }
    if (body.output_config !== undefined) return '{"answer":"Seoul"}';
    return 'Seoul.';
  },
});
afterAll(() => server.close());

const anthropic = (overrides: Partial<AnthropicProviderOptions> = {}) =>
  createAnthropicProvider({ model: 'claude-test-1', apiKey: KEY, baseURL: server.baseURL, ...overrides });

function lastBody(): Record<string, unknown> {
  const record: AnthropicServerRecord | undefined = server.healthyRequests().at(-1);
  if (record === undefined) throw new Error('no request reached the server');
  return record.body;
}

const WEATHER: ToolSpec = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const TIME: ToolSpec = { name: 'get_time', parameters: { type: 'object', properties: {} } };
const SCHEMA = {
  type: 'object',
  properties: { answer: { type: 'string' } },
  required: ['answer'],
  additionalProperties: false,
};

describe('anthropic: tools', () => {
  it('sends tools as client tools with input_schema, and maps each toolChoice', async () => {
    const cases: [GenerateRequest['toolChoice'], unknown][] = [
      [undefined, undefined],
      ['auto', { type: 'auto' }],
      ['required', { type: 'any' }],
      [{ name: 'get_time' }, { type: 'tool', name: 'get_time' }],
    ];
    for (const [toolChoice, wire] of cases) {
      await anthropic().generate({
        prompt: 'Which city?',
        tools: [WEATHER, TIME],
        ...(toolChoice === undefined ? {} : { toolChoice }),
      });
      const body = lastBody();
      expect(body.tools).toEqual([
        { name: 'get_weather', description: 'Current weather of a city', input_schema: WEATHER.parameters },
        { name: 'get_time', input_schema: { type: 'object', properties: {} } },
      ]);
      if (wire === undefined) expect(body).not.toHaveProperty('tool_choice');
      else expect(body.tool_choice).toEqual(wire);
    }
  });

  it('reads tool_use blocks as toolCalls with JSON arguments, the text beside them, and finish reason tool-calls', async () => {
    const result = await anthropic().generate({
      prompt: 'Weather and time in Seoul?',
      tools: [WEATHER, TIME],
    });
    expect(result.text).toBe('Let me check.');
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([
      { id: 'toolu_01', name: 'get_weather', arguments: '{"city":"Seoul"}' },
      { id: 'toolu_02', name: 'get_time', arguments: '{}' },
    ]);
    expect(JSON.parse(result.toolCalls?.[0]?.arguments ?? '')).toEqual({ city: 'Seoul' });
  });

  it('keeps finish reason length when max_tokens cut the call', async () => {
    const result = await anthropic().generate({ prompt: 'Cut it', tools: [WEATHER] });
    expect(result.finishReason).toBe('length');
    expect(result.toolCalls).toEqual([{ id: 'toolu_03', name: 'get_weather', arguments: '{}' }]);
  });

  it('has no toolCalls on a plain answer', async () => {
    const result = await anthropic().generate({ prompt: 'Capital?', tools: [WEATHER] });
    expect(result).toMatchObject({ text: 'Seoul.', finishReason: 'stop' });
    expect(result).not.toHaveProperty('toolCalls');
  });

  it('refuses a toolChoice naming a tool not offered before any request', async () => {
    const before = server.requests.length;
    const error = await callError(
      anthropic().generate({ prompt: 'x', tools: [WEATHER], toolChoice: { name: 'get_time' } }),
    );
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('"get_time", which is not among the tools offered');
    expect(server.requests.length).toBe(before);
  });
});

describe('anthropic: structured output', () => {
  it('sends a JSON schema as output_config.format, and the text is the JSON answer', async () => {
    const result = await anthropic().generate({
      prompt: 'Capital of Korea as JSON',
      responseFormat: {
        type: 'json_schema',
        name: 'capital',
        schema: SCHEMA,
        strict: true,
        description: 'x',
      },
    });
    // Name, description and strict have no place in the API's format: only type and schema are sent.
    expect(lastBody().output_config).toEqual({ format: { type: 'json_schema', schema: SCHEMA } });
    expect(JSON.parse(result.text)).toEqual({ answer: 'Seoul' });
    expect(result.finishReason).toBe('stop');
  });

  it('combines a JSON schema with tools', async () => {
    await anthropic().generate({
      prompt: 'Which city?',
      tools: [WEATHER],
      responseFormat: { type: 'json_schema', name: 'capital', schema: SCHEMA },
    });
    expect(lastBody()).toMatchObject({
      tools: [{ name: 'get_weather' }],
      output_config: { format: { schema: SCHEMA } },
    });
  });

  it('carries JSON mode in a forced tool whose input is the text, not a tool call', async () => {
    const result = await anthropic().generate({
      prompt: 'Capital of Korea as JSON',
      responseFormat: { type: 'json' },
    });
    expect(lastBody()).toMatchObject({
      tools: [{ name: 'json_answer', input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: 'json_answer' },
    });
    expect(lastBody()).not.toHaveProperty('output_config');
    expect(JSON.parse(result.text)).toEqual({ answer: 'Seoul' });
    expect(result.finishReason).toBe('stop');
    expect(result).not.toHaveProperty('toolCalls');
  });

  it('refuses JSON mode together with tools, and structured output the options rule out, before any request', async () => {
    const before = server.requests.length;
    const mixed = await callError(
      anthropic().generate({ prompt: 'x', tools: [WEATHER], responseFormat: { type: 'json' } }),
    );
    expect(mixed.isRetryable).toBe(false);
    expect(mixed.message).toContain('cannot be combined with tools');

    const older = anthropic({ structuredOutput: 'json' });
    expect(older.capabilities.structuredOutput).toBe('json');
    const schema = await callError(
      older.generate({ prompt: 'x', responseFormat: { type: 'json_schema', name: 'c', schema: SCHEMA } }),
    );
    expect(schema.message).toContain('capabilities.structuredOutput is "json"');
    expect(server.requests.length).toBe(before);
  });
});

import type { GenerateRequest, ToolSpec } from '@benchhub/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider, createOpenAIProvider } from '../src/openai/index.js';
import { callError } from './support/call-error.js';
import { type ScriptedReply, startScriptedOpenAIServer } from './support/openai-scripted-server.js';

const KEY = 'sk-test-Tools0000000000000';
const server = await startScriptedOpenAIServer();
afterAll(() => server.close());
afterEach(() => {
  server.script(undefined);
  server.reset();
});

const openai = (extra: Partial<Parameters<typeof createOpenAIProvider>[0]> = {}) =>
  createOpenAIProvider({ model: 'gpt-4o-mini', apiKey: KEY, baseURL: server.baseURL(), ...extra });

const WEATHER: ToolSpec = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};
const TIME: ToolSpec = { name: 'get_time', parameters: { type: 'object', properties: {} } };

const PLAN_SCHEMA = {
  type: 'object',
  properties: { models: { type: 'array', items: { type: 'string' } } },
  required: ['models'],
  additionalProperties: false,
};

/** A chat completion whose message carries `message` and whose finish reason is `finish`. */
function completion(message: Record<string, unknown>, finish: string): ScriptedReply {
  return {
    status: 200,
    body: {
      id: 'chatcmpl-tools',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', refusal: null, ...message },
          logprobs: null,
          finish_reason: finish,
        },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
    },
  };
}

describe('openai provider: tools', () => {
  it('sends tools as function tools and each toolChoice in the official shape', async () => {
    const cases: [GenerateRequest['toolChoice'], unknown][] = [
      [undefined, undefined],
      ['auto', 'auto'],
      ['required', 'required'],
      [{ name: 'get_time' }, { type: 'function', function: { name: 'get_time' } }],
    ];
    for (const [toolChoice, wire] of cases) {
      await openai().generate({
        prompt: 'Weather in Seoul?',
        tools: [WEATHER, TIME],
        ...(toolChoice === undefined ? {} : { toolChoice }),
      });
      const body = server.lastChatBody();
      expect(body?.tools).toEqual([
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather of a city',
            parameters: WEATHER.parameters,
          },
        },
        { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
      ]);
      if (wire === undefined) expect(body).not.toHaveProperty('tool_choice');
      else expect(body?.tool_choice).toEqual(wire);
    }
  });

  it('sends a strict tool with strict: true (the spec validates the body)', async () => {
    await openai().generate({ prompt: 'Weather?', tools: [{ ...WEATHER, strict: true }] });
    expect(server.lastChatBody()?.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Current weather of a city',
          parameters: WEATHER.parameters,
          strict: true,
        },
      },
    ]);
  });

  it('sends no tools field for an empty tool list', async () => {
    await openai().generate({ prompt: 'x', tools: [] });
    expect(server.lastChatBody()).not.toHaveProperty('tools');
    expect(server.lastChatBody()).not.toHaveProperty('tool_choice');
  });

  it('reads message.tool_calls as toolCalls with finish reason tool-calls', async () => {
    server.script(() =>
      completion(
        {
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Seoul"}' },
            },
            { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
          ],
        },
        'tool_calls',
      ),
    );
    const result = await openai().generate({ prompt: 'Weather and time?', tools: [WEATHER, TIME] });
    expect(result.text).toBe('');
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([
      { id: 'call_1', name: 'get_weather', arguments: '{"city":"Seoul"}' },
      { id: 'call_2', name: 'get_time', arguments: '{}' },
    ]);
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 9 });
  });

  it('says tool-calls when a server reports stop with tool calls, and keeps length when the call was cut', async () => {
    const call = { id: 'c', type: 'function', function: { name: 'get_weather', arguments: '{"ci' } };
    server.script(() => completion({ content: null, tool_calls: [call] }, 'stop'));
    expect((await openai().generate({ prompt: 'x', tools: [WEATHER] })).finishReason).toBe('tool-calls');
    server.script(() => completion({ content: null, tool_calls: [call] }, 'length'));
    const cut = await openai().generate({ prompt: 'x', tools: [WEATHER] });
    expect(cut.finishReason).toBe('length');
    expect(cut.toolCalls).toEqual([{ id: 'c', name: 'get_weather', arguments: '{"ci' }]);
  });

  it('has no toolCalls on a plain answer', async () => {
    const result = await openai().generate({ prompt: 'Hi', tools: [WEATHER] });
    expect(result.finishReason).toBe('stop');
    expect(result).not.toHaveProperty('toolCalls');
  });

  it('refuses tools before any request when the tools option is false, naming the capability', async () => {
    const error = await callError(openai({ tools: false }).generate({ prompt: 'x', tools: [WEATHER] }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('capabilities.tools is false');
    expect(error.message).toContain('get_weather');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a toolChoice without tools, one naming an unknown tool, and bad or repeated tool names', async () => {
    const bad: [GenerateRequest, RegExp][] = [
      [{ prompt: 'x', toolChoice: 'required' }, /toolChoice .* needs tools/],
      [{ prompt: 'x', tools: [WEATHER], toolChoice: { name: 'nope' } }, /"nope", which is not among/],
      [{ prompt: 'x', tools: [{ ...WEATHER, name: 'get weather' }] }, /must match/],
      [{ prompt: 'x', tools: [WEATHER, WEATHER] }, /offered twice/],
    ];
    for (const [request, message] of bad) {
      const error = await callError(openai().generate(request));
      expect(error.isRetryable).toBe(false);
      expect(error.message).toMatch(message);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('openai provider: structured output', () => {
  it('sends a JSON schema as response_format json_schema with its name, description and strict', async () => {
    server.script(() => completion({ content: '{"models":["gpt-4o-mini"]}' }, 'stop'));
    const result = await openai().generate({
      prompt: 'Plan it.',
      responseFormat: {
        type: 'json_schema',
        name: 'plan',
        description: 'An evaluation plan',
        schema: PLAN_SCHEMA,
        strict: true,
      },
    });
    expect(server.lastChatBody()?.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'plan', description: 'An evaluation plan', schema: PLAN_SCHEMA, strict: true },
    });
    expect(JSON.parse(result.text)).toEqual({ models: ['gpt-4o-mini'] });
    expect(result.finishReason).toBe('stop');
  });

  it('leaves strict and description out when the format does not set them', async () => {
    await openai().generate({
      prompt: 'x',
      responseFormat: { type: 'json_schema', name: 'p', schema: PLAN_SCHEMA },
    });
    expect(server.lastChatBody()?.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'p', schema: PLAN_SCHEMA },
    });
  });

  it('sends JSON mode as json_object', async () => {
    await openai().generate({ prompt: 'Answer in JSON.', responseFormat: { type: 'json' } });
    expect(server.lastChatBody()?.response_format).toEqual({ type: 'json_object' });
  });

  it('lets extra replace the mapped response_format', async () => {
    await openai().generate({
      prompt: 'x',
      responseFormat: { type: 'json' },
      extra: { response_format: { type: 'text' } },
    });
    expect(server.lastChatBody()?.response_format).toEqual({ type: 'text' });
  });

  it('refuses by the structuredOutput option before any request', async () => {
    const schema = { type: 'json_schema', name: 'plan', schema: PLAN_SCHEMA } as const;
    const jsonOnly = await callError(
      openai({ structuredOutput: 'json' }).generate({ prompt: 'x', responseFormat: schema }),
    );
    expect(jsonOnly.isRetryable).toBe(false);
    expect(jsonOnly.message).toContain('supports only json mode');
    expect(jsonOnly.message).toContain('capabilities.structuredOutput is "json"');
    const none = await callError(
      openai({ structuredOutput: false }).generate({ prompt: 'x', responseFormat: { type: 'json' } }),
    );
    expect(none.message).toContain('supports no structured output');
    expect(server.requests).toHaveLength(0);
    // JSON mode still goes to a server that declares JSON mode only.
    await openai({ structuredOutput: 'json' }).generate({ prompt: 'x', responseFormat: { type: 'json' } });
    expect(server.lastChatBody()?.response_format).toEqual({ type: 'json_object' });
  });

  it('refuses a schema name the API would refuse', async () => {
    const error = await callError(
      openai().generate({ prompt: 'x', responseFormat: { type: 'json_schema', name: 'a plan', schema: {} } }),
    );
    expect(error.message).toMatch(/responseFormat name "a plan" must match/);
  });
});

describe('openai-compatible provider: tools and structured output', () => {
  it('declares both by default and sends them in the same wire format', async () => {
    const vllm = createOpenAICompatibleProvider({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      baseURL: server.baseURL(),
    });
    expect(vllm.capabilities).toMatchObject({ tools: true, structuredOutput: 'json_schema' });
    server.script(() =>
      completion(
        {
          content: '',
          tool_calls: [
            {
              id: 'chatcmpl-tool-1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city": "Busan"}' },
            },
          ],
        },
        'tool_calls',
      ),
    );
    const result = await vllm.generate({
      prompt: 'Weather?',
      tools: [WEATHER],
      toolChoice: { name: 'get_weather' },
    });
    expect(server.lastChatBody()).toMatchObject({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(result.toolCalls).toEqual([
      { id: 'chatcmpl-tool-1', name: 'get_weather', arguments: '{"city": "Busan"}' },
    ]);
  });

  it('declares what the options say for a server without them', () => {
    const old = createOpenAICompatibleProvider({
      model: 'm',
      baseURL: server.baseURL(),
      tools: false,
      structuredOutput: 'json',
    });
    expect(old.capabilities).toMatchObject({ tools: false, structuredOutput: 'json' });
  });
});

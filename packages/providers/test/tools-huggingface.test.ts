import type { GenerateRequest, ToolSpec } from '@benchhub/core';
import { createHuggingFaceProvider, type HuggingFaceProviderOptions } from '@benchhub/providers/huggingface';
import { afterAll, describe, expect, it } from 'vitest';
import { callError } from './support/call-error.js';
import { type HuggingFaceServerRecord, startHuggingFaceServer } from './support/huggingface-server.js';

const TOKEN = 'hf_testToolsToken0123456789';
const MODEL = 'Qwen/Qwen2.5-7B-Instruct';

const server = await startHuggingFaceServer({
  token: TOKEN,
  answer: (prompt) => {
    if (prompt.includes('Weather')) {
      return {
        text: '',
        toolCalls: [
          { id: 'call_a', name: 'get_weather', arguments: '{"city":"Seoul"}' },
          { id: 'call_b', name: 'get_time', arguments: '{}' },
        ],
      };
    }
    if (prompt.includes('Legacy')) {
      // TGI before 3.x: a numeric id and the arguments as an object.
      return { text: '', toolCalls: [{ id: 0, name: 'get_weather', arguments: { city: 'Busan' } }] };
    }
    if (prompt.includes('JSON')) return '{"answer":"Seoul"}';
    return 'Seoul.';
  },
});
afterAll(() => server.close());

const hf = (overrides: Partial<HuggingFaceProviderOptions> = {}) =>
  createHuggingFaceProvider({ model: MODEL, apiKey: TOKEN, endpointUrl: server.baseURL, ...overrides });

/** A provider on Inference Providers (the router), its requests sent to the local server. */
const routed = () =>
  createHuggingFaceProvider({ model: MODEL, apiKey: TOKEN, fetch: server.routing().fetch });

function lastChat(prefix = '/v1/chat/completions'): HuggingFaceServerRecord {
  const record = server.requestsUnder(prefix).at(-1);
  if (record === undefined) throw new Error(`no request under ${prefix}`);
  return record;
}

const WEATHER: ToolSpec = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const TIME: ToolSpec = { name: 'get_time', parameters: { type: 'object', properties: {} } };
const SCHEMA = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

describe('huggingface: tools on the chat task', () => {
  it('sends OpenAI-style tools and each toolChoice to the endpoint', async () => {
    const cases: [GenerateRequest['toolChoice'], unknown][] = [
      [undefined, undefined],
      ['auto', 'auto'],
      ['required', 'required'],
      [{ name: 'get_time' }, { type: 'function', function: { name: 'get_time' } }],
    ];
    for (const [toolChoice, wire] of cases) {
      await hf().generate({
        prompt: 'Which city?',
        tools: [WEATHER, TIME],
        ...(toolChoice === undefined ? {} : { toolChoice }),
      });
      const body = lastChat().body;
      expect(body.tools).toEqual([
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather of a city',
            parameters: WEATHER.parameters,
          },
        },
        { type: 'function', function: { name: 'get_time', parameters: TIME.parameters } },
      ]);
      if (wire === undefined) expect(body).not.toHaveProperty('tool_choice');
      else expect(body.tool_choice).toEqual(wire);
    }
  });

  it('reads tool_calls as toolCalls; TGI reports eos_token, which becomes tool-calls', async () => {
    const result = await hf().generate({ prompt: 'Weather and time?', tools: [WEATHER, TIME] });
    expect(result.text).toBe('');
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([
      { id: 'call_a', name: 'get_weather', arguments: '{"city":"Seoul"}' },
      { id: 'call_b', name: 'get_time', arguments: '{}' },
    ]);
  });

  it('reads the tool calls of older TGI: a numeric id and object arguments', async () => {
    const result = await hf().generate({ prompt: 'Legacy weather', tools: [WEATHER] });
    expect(result.toolCalls).toEqual([{ id: '0', name: 'get_weather', arguments: '{"city":"Busan"}' }]);
  });

  it('sends tools through Inference Providers (the router) too', async () => {
    const result = await routed().generate({ prompt: 'Weather?', tools: [WEATHER], toolChoice: 'required' });
    expect(lastChat('/router/v1/chat/completions').body).toMatchObject({
      model: MODEL,
      tool_choice: 'required',
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
    });
    expect(result.toolCalls?.[0]?.name).toBe('get_weather');
  });
});

describe('huggingface: response formats on the chat task', () => {
  it('sends a JSON schema as response_format json_schema, and the text is the JSON answer', async () => {
    const result = await hf().generate({
      prompt: 'Answer in JSON',
      responseFormat: { type: 'json_schema', name: 'capital', schema: SCHEMA, strict: true },
    });
    expect(lastChat().body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'capital', schema: SCHEMA, strict: true },
    });
    expect(JSON.parse(result.text)).toEqual({ answer: 'Seoul' });
    expect(result.finishReason).toBe('stop');
  });

  it('sends JSON mode as json_object, which the router takes and a TGI endpoint refuses with a clear 422', async () => {
    const viaRouter = await routed().generate({ prompt: 'Answer in JSON', responseFormat: { type: 'json' } });
    expect(lastChat('/router/v1/chat/completions').body.response_format).toEqual({ type: 'json_object' });
    expect(JSON.parse(viaRouter.text)).toEqual({ answer: 'Seoul' });

    const error = await callError(
      hf().generate({ prompt: 'Answer in JSON', responseFormat: { type: 'json' } }),
    );
    expect(error.statusCode).toBe(422);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('missing field `value`');
  });
});

describe('huggingface: what the text-generation task refuses', () => {
  it('declares neither tools nor structured output, and refuses both before any request, pointing to chat', async () => {
    const textgen = hf({ task: 'text-generation' });
    expect(textgen.capabilities).toMatchObject({ tools: false, structuredOutput: false });
    const before = server.requests.length;
    const tools = await callError(textgen.generate({ prompt: 'x', tools: [WEATHER] }));
    expect(tools.isRetryable).toBe(false);
    expect(tools.message).toContain('capabilities.tools is false');
    expect(tools.message).toContain("use task 'chat' for tools");
    const format = await callError(textgen.generate({ prompt: 'x', responseFormat: { type: 'json' } }));
    expect(format.message).toContain('capabilities.structuredOutput is false');
    expect(format.message).toContain("use task 'chat'");
    expect(server.requests.length).toBe(before);
  });

  it('declares what the options say on the chat task', async () => {
    const plain = hf({ tools: false, structuredOutput: 'json' });
    expect(plain.capabilities).toMatchObject({ tools: false, structuredOutput: 'json' });
    const error = await callError(plain.generate({ prompt: 'x', tools: [WEATHER] }));
    expect(error.message).toContain('capabilities.tools is false');
  });
});

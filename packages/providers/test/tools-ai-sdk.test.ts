import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type {
  LanguageModelV2,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
} from '@ai-sdk/provider';
import type { GenerateRequest, ToolSpec } from '@benchhub/core';
import { createAISdkProvider } from '@benchhub/providers/ai-sdk';
import { MockLanguageModelV3 } from 'ai/test';
import { afterAll, describe, expect, it } from 'vitest';
import { startAISdkTestServer } from './support/ai-sdk-server.js';
import { callError } from './support/call-error.js';

const WEATHER: ToolSpec = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const TIME: ToolSpec = { name: 'get_time', parameters: { type: 'object', properties: {} } };
const SCHEMA = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

const USAGE: LanguageModelV3GenerateResult['usage'] = {
  inputTokens: { total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 4, text: 4, reasoning: undefined },
};

function answer(overrides: Partial<LanguageModelV3GenerateResult> = {}): LanguageModelV3GenerateResult {
  return {
    content: [{ type: 'text', text: 'ok' }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: USAGE,
    warnings: [],
    ...overrides,
  };
}

function mockModel(result: LanguageModelV3GenerateResult = answer()): MockLanguageModelV3 {
  return new MockLanguageModelV3({ provider: 'acme.chat', modelId: 'large-1', doGenerate: result });
}

function onlyCall(model: MockLanguageModelV3): LanguageModelV3CallOptions {
  expect(model.doGenerateCalls).toHaveLength(1);
  return model.doGenerateCalls[0] as LanguageModelV3CallOptions;
}

describe('ai-sdk bridge: tools', () => {
  it('passes tools as function tools with inputSchema, and each toolChoice in the spec terms', async () => {
    const cases: [GenerateRequest['toolChoice'], LanguageModelV3CallOptions['toolChoice']][] = [
      [undefined, undefined],
      ['auto', { type: 'auto' }],
      ['required', { type: 'required' }],
      [{ name: 'get_time' }, { type: 'tool', toolName: 'get_time' }],
    ];
    for (const [toolChoice, expected] of cases) {
      const model = mockModel();
      await createAISdkProvider(model).generate({
        prompt: 'Which city?',
        tools: [WEATHER, TIME],
        ...(toolChoice === undefined ? {} : { toolChoice }),
      });
      const call = onlyCall(model);
      expect(call.tools).toEqual([
        {
          type: 'function',
          name: 'get_weather',
          description: 'Current weather of a city',
          inputSchema: WEATHER.parameters,
        },
        { type: 'function', name: 'get_time', inputSchema: TIME.parameters },
      ]);
      if (expected === undefined) expect(call).not.toHaveProperty('toolChoice');
      else expect(call.toolChoice).toEqual(expected);
    }
  });

  it('reads tool-call parts as toolCalls (input is JSON text), leaving provider-executed calls out', async () => {
    const model = mockModel(
      answer({
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool-call', toolCallId: 'c1', toolName: 'get_weather', input: '{"city":"Seoul"}' },
          {
            type: 'tool-call',
            toolCallId: 'c2',
            toolName: 'web_search',
            input: '{}',
            providerExecuted: true,
          },
          { type: 'tool-call', toolCallId: 'c3', toolName: 'get_time', input: '{}' },
        ],
        finishReason: { unified: 'tool-calls', raw: 'tool_use' },
      }),
    );
    const result = await createAISdkProvider(model).generate({ prompt: 'x', tools: [WEATHER, TIME] });
    expect(result.text).toBe('Checking.');
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([
      { id: 'c1', name: 'get_weather', arguments: '{"city":"Seoul"}' },
      { id: 'c3', name: 'get_time', arguments: '{}' },
    ]);
  });

  it('reads the tool calls of a v2 model (AI SDK 5 providers)', async () => {
    const v2: LanguageModelV2 = {
      specificationVersion: 'v2',
      provider: 'legacy.chat',
      modelId: 'old-1',
      supportedUrls: {},
      doGenerate: async () => ({
        content: [
          { type: 'tool-call', toolCallId: 't1', toolName: 'get_weather', input: '{"city":"Busan"}' },
        ],
        finishReason: 'tool-calls',
        usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
        warnings: [],
      }),
      doStream: async () => {
        throw new Error('not used');
      },
    };
    const result = await createAISdkProvider(v2).generate({ prompt: 'x', tools: [WEATHER] });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([{ id: 't1', name: 'get_weather', arguments: '{"city":"Busan"}' }]);
  });

  it('fails, not retryably, when the model says it dropped the tools (an unsupported warning)', async () => {
    const model = mockModel(answer({ warnings: [{ type: 'unsupported', feature: 'tools' }] }));
    const error = await callError(createAISdkProvider(model).generate({ prompt: 'x', tools: [WEATHER] }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('its warnings: tools');
    expect(error.message).toContain('tools and structuredOutput options');
  });

  it('ignores warnings about other settings', async () => {
    const model = mockModel(answer({ warnings: [{ type: 'unsupported', feature: 'topK' }] }));
    const result = await createAISdkProvider(model).generate({ prompt: 'x', tools: [WEATHER] });
    expect(result.text).toBe('ok');
  });

  it('refuses tools before calling a model declared without them', async () => {
    const model = mockModel();
    const p = createAISdkProvider(model, { tools: false });
    expect(p.capabilities.tools).toBe(false);
    const error = await callError(p.generate({ prompt: 'x', tools: [WEATHER] }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('capabilities.tools is false');
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

describe('ai-sdk bridge: response formats', () => {
  it('passes a JSON schema as a json response format with its name and description', async () => {
    const model = mockModel(answer({ content: [{ type: 'text', text: '{"answer":"Seoul"}' }] }));
    const result = await createAISdkProvider(model).generate({
      prompt: 'x',
      responseFormat: { type: 'json_schema', name: 'capital', description: 'The capital', schema: SCHEMA },
    });
    expect(onlyCall(model).responseFormat).toEqual({
      type: 'json',
      schema: SCHEMA,
      name: 'capital',
      description: 'The capital',
    });
    expect(JSON.parse(result.text)).toEqual({ answer: 'Seoul' });
  });

  it('passes JSON mode as a json response format without a schema', async () => {
    const model = mockModel();
    await createAISdkProvider(model).generate({ prompt: 'x', responseFormat: { type: 'json' } });
    expect(onlyCall(model).responseFormat).toEqual({ type: 'json' });
  });

  it('fails when the model turned the schema into something less (v3 and v2 warnings)', async () => {
    const v3 = mockModel(
      answer({
        warnings: [
          { type: 'unsupported', feature: 'responseFormat', details: 'schema needs structuredOutputs' },
        ],
      }),
    );
    const error = await callError(
      createAISdkProvider(v3).generate({
        prompt: 'x',
        responseFormat: { type: 'json_schema', name: 'c', schema: SCHEMA },
      }),
    );
    expect(error.message).toContain('responseFormat: schema needs structuredOutputs');
  });

  it('refuses a JSON schema before any call when declared JSON mode only', async () => {
    const model = mockModel();
    const error = await callError(
      createAISdkProvider(model, { structuredOutput: 'json' }).generate({
        prompt: 'x',
        responseFormat: { type: 'json_schema', name: 'c', schema: SCHEMA },
      }),
    );
    expect(error.message).toContain('capabilities.structuredOutput is "json"');
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

const server = await startAISdkTestServer();
afterAll(() => server.close());

describe('ai-sdk bridge over @ai-sdk/openai-compatible: tools and response formats on the wire', () => {
  const local = (supportsStructuredOutputs: boolean) =>
    createOpenAICompatible({
      baseURL: server.url('ok'),
      name: 'local',
      apiKey: 'sk-fake-000000000000',
      supportsStructuredOutputs,
    });

  it('sends OpenAI-style tools and reads the tool call back', async () => {
    const p = createAISdkProvider(local(true).chatModel('Qwen/Qwen2.5-7B-Instruct'));
    const result = await p.generate({
      prompt: 'Weather in Seoul?',
      tools: [WEATHER],
      toolChoice: { name: 'get_weather' },
    });
    expect(server.chatBodies.at(-1)).toMatchObject({
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather of a city',
            parameters: WEATHER.parameters,
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toEqual([{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Seoul"}' }]);
  });

  it('sends a JSON schema as response_format json_schema when the model supports structured outputs', async () => {
    const p = createAISdkProvider(local(true).chatModel('m'));
    const result = await p.generate({
      prompt: 'Capital?',
      responseFormat: { type: 'json_schema', name: 'capital', schema: SCHEMA },
    });
    expect(server.chatBodies.at(-1)?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'capital', schema: SCHEMA },
    });
    expect(JSON.parse(result.text)).toEqual({ answer: 'Seoul' });
  });

  it('fails rather than pass off plain JSON mode when the model lacks structured outputs', async () => {
    const p = createAISdkProvider(local(false).chatModel('m'));
    const error = await callError(
      p.generate({
        prompt: 'Capital?',
        responseFormat: { type: 'json_schema', name: 'capital', schema: SCHEMA },
      }),
    );
    // The provider sent json_object instead and said so in its warnings.
    expect(server.chatBodies.at(-1)?.response_format).toEqual({ type: 'json_object' });
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('responseFormat');
    expect(error.message).toContain('supportsStructuredOutputs');
    // JSON mode itself is fine there.
    const json = await p.generate({ prompt: 'Capital?', responseFormat: { type: 'json' } });
    expect(JSON.parse(json.text)).toEqual({ answer: 'Seoul' });
  });
});

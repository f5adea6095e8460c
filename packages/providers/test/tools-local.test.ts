import type { ResponseFormat } from '@benchhub/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../core/test/support/shared.js';
import { type LocalProvider, loadLocalProvider } from '../src/local/index.js';
import { callError } from './support/call-error.js';

const MODEL = 'models/stories260K.gguf';

/** The answer a story model is forced into: a mood, a flag and a short name. */
const STORY_SCHEMA = {
  type: 'object',
  properties: {
    mood: { enum: ['happy', 'sad', 'scared'] },
    friendly: { type: 'boolean' },
    name: { type: 'string', maxLength: 40 },
  },
  required: ['mood', 'friendly', 'name'],
  additionalProperties: false,
} as const;

const STORY_FORMAT: ResponseFormat = { type: 'json_schema', name: 'story', schema: STORY_SCHEMA };

/** Checks `value` against the small schema above, as a JSON Schema validator would. */
function followsStorySchema(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.join(',') !== 'friendly,mood,name') return `keys ${keys.join(',')}`;
  if (!STORY_SCHEMA.properties.mood.enum.includes(record.mood as 'happy'))
    return `mood ${String(record.mood)}`;
  if (typeof record.friendly !== 'boolean') return 'friendly is not a boolean';
  if (typeof record.name !== 'string' || record.name.length > 40) return 'name is not a short string';
  return undefined;
}

describeWithShared('local GGUF provider: structured output (stories260K)', [MODEL], () => {
  let provider: LocalProvider;

  beforeAll(async () => {
    provider = await loadLocalProvider({ modelPath: sharedPath(MODEL), threads: 1, contextSize: 512 });
  }, 60_000);
  afterAll(async () => {
    await provider?.close();
  });

  it('declares JSON-schema structured output and no tools', () => {
    expect(provider.capabilities).toMatchObject({ structuredOutput: 'json_schema', tools: false });
  });

  it('forces a story model into JSON that parses and follows the schema, for every prompt', async () => {
    for (const prompt of ['Once upon a time', 'The little dog', 'Lily went to the park and']) {
      const result = await provider.generate({ prompt, maxTokens: 96, responseFormat: STORY_FORMAT });
      expect(result.finishReason, result.text).toBe('stop');
      expect(result.text).toBe(result.text.trim());
      const parsed: unknown = JSON.parse(result.text);
      expect(followsStorySchema(parsed), result.text).toBeUndefined();
      expect(result.usage.outputTokens).toBeGreaterThan(0);
    }
  });

  it('is deterministic at temperature 0, and the grammar changes the answer', async () => {
    const request = { prompt: 'Once upon a time', maxTokens: 96, responseFormat: STORY_FORMAT };
    const first = await provider.generate(request);
    const second = await provider.generate(request);
    expect(second.text).toBe(first.text);
    const free = await provider.generate({ prompt: 'Once upon a time', maxTokens: 24 });
    expect(free.text.trimStart().startsWith('{')).toBe(false);
  });

  it('takes anyOf as oneOf and nullable types, and keeps a value constraint out unless strict', async () => {
    const schema = {
      type: 'object',
      properties: {
        count: { anyOf: [{ type: 'integer' }, { type: 'null' }], minimum: 0 },
        happy: { type: ['boolean', 'null'] },
      },
      required: ['count', 'happy'],
      additionalProperties: false,
    };
    const result = await provider.generate({
      prompt: 'Tom had three apples.',
      maxTokens: 64,
      responseFormat: { type: 'json_schema', name: 'counts', schema },
    });
    expect(result.finishReason, result.text).toBe('stop');
    const parsed = JSON.parse(result.text) as { count: unknown; happy: unknown };
    expect(Object.keys(parsed).sort()).toEqual(['count', 'happy']);
    expect(parsed.count === null || Number.isInteger(parsed.count)).toBe(true);
    expect(parsed.happy === null || typeof parsed.happy === 'boolean').toBe(true);

    const strict = await callError(
      provider.generate({
        prompt: 'x',
        responseFormat: { type: 'json_schema', name: 'counts', schema, strict: true },
      }),
    );
    expect(strict.isRetryable).toBe(false);
    expect(strict.message).toContain('$.properties.count.minimum');
  });

  it('answers JSON mode with a JSON object (complete unless maxTokens cut it)', async () => {
    const result = await provider.generate({
      prompt: 'Once upon a time',
      maxTokens: 64,
      responseFormat: { type: 'json' },
    });
    expect(result.text.startsWith('{')).toBe(true);
    if (result.finishReason === 'stop') {
      const parsed: unknown = JSON.parse(result.text);
      expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
    } else {
      expect(result.finishReason).toBe('length');
    }
  });

  it('says length when maxTokens cuts the JSON', async () => {
    const result = await provider.generate({
      prompt: 'Once upon a time',
      maxTokens: 3,
      responseFormat: STORY_FORMAT,
    });
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(3);
    expect(result.text.startsWith('{')).toBe(true);
  });

  it('refuses tools, naming the capability, and schemas outside the grammar, before any generation', async () => {
    const tools = await callError(
      provider.generate({ prompt: 'x', tools: [{ name: 'get_weather', parameters: { type: 'object' } }] }),
    );
    expect(tools.isRetryable).toBe(false);
    expect(tools.message).toContain('capabilities.tools is false');
    expect(tools.message).toContain('json_schema responseFormat');

    const cases: [Record<string, unknown>, string][] = [
      [{}, 'allows any value'],
      [{ allOf: [{ type: 'string' }] }, '$.allOf'],
      [{ type: 'object', properties: { a: { $ref: '#/definitions/x' } } }, '$.properties.a.$ref'],
      [{ type: ['object', 'null'] }, 'use oneOf'],
    ];
    for (const [schema, where] of cases) {
      const error = await callError(
        provider.generate({ prompt: 'x', responseFormat: { type: 'json_schema', name: 'bad', schema } }),
      );
      expect(error.isRetryable).toBe(false);
      expect(error.message).toContain('cannot be followed by node-llama-cpp');
      expect(error.message).toContain(where);
    }
  });
});

import { createFunctionProvider, evaluate, ProviderCallError } from '@benchhub/core';
import { startFaultServer } from '@benchhub/core/testing';
import { describe, expect, it } from 'vitest';
import { checkAdapterOptions, createProviderResolver, parseModelRef } from '../src/index.js';

describe('parseModelRef', () => {
  it('reads provider:model, aliases, and keeps every character of the model name', () => {
    expect(parseModelRef('openai:gpt-4o-mini')).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(parseModelRef('hf:Qwen/Qwen2.5-72B-Instruct')).toEqual({
      provider: 'huggingface',
      model: 'Qwen/Qwen2.5-72B-Instruct',
    });
    expect(parseModelRef('local:./models/tiny.gguf')).toEqual({
      provider: 'local-gguf',
      model: './models/tiny.gguf',
    });
    expect(parseModelRef('ollama:llama3.1:8b')).toEqual({
      provider: 'openai-compatible',
      model: 'llama3.1:8b',
      baseUrl: 'http://localhost:11434/v1',
    });
    expect(parseModelRef('openai-compatible:org/model@v2@http://10.0.0.5:8000/v1')).toEqual({
      provider: 'openai-compatible',
      model: 'org/model@v2',
      baseUrl: 'http://10.0.0.5:8000/v1',
    });
  });

  it('refuses a reference without a provider or a model, with an example', () => {
    expect(() => parseModelRef('gpt-4o-mini')).toThrow(/must be provider:model, e\.g\. openai:gpt-4o-mini/);
    expect(() => parseModelRef('openai:')).toThrow(/must be provider:model/);
  });
});

describe('checkAdapterOptions', () => {
  it('names the field, the nearest option and the expected type', () => {
    expect(() => checkAdapterOptions('local-gguf', { thread: 1 }, 'models[0]')).toThrow(
      /models\[0\]\.options\.thread: local-gguf takes no option "thread" \(did you mean "threads"\?\)/,
    );
    expect(() => checkAdapterOptions('openai-compatible', { logLikelihood: 'yes' }, 'models[1]')).toThrow(
      /models\[1\]\.options\.logLikelihood: must be a boolean/,
    );
    expect(checkAdapterOptions('anthropic', { defaultMaxTokens: 512 }, 'm')).toEqual({
      defaultMaxTokens: 512,
    });
  });
});

describe('createProviderResolver', () => {
  it('builds each provider family with its id and the model name verbatim', async () => {
    const resolve = createProviderResolver({
      env: { OPENAI_API_KEY: 'sk-test-a', ANTHROPIC_API_KEY: 'sk-ant-test-b', HF_TOKEN: 'hf_testtoken' },
    });
    const cases: [string, string, string][] = [
      ['openai:gpt-4o-mini', 'openai', 'gpt-4o-mini'],
      ['anthropic:claude-haiku-4-5', 'anthropic', 'claude-haiku-4-5'],
      ['hf:Qwen/Qwen2.5-72B-Instruct', 'huggingface', 'Qwen/Qwen2.5-72B-Instruct'],
      ['vllm:Qwen/Qwen2.5-7B-Instruct', 'openai-compatible', 'Qwen/Qwen2.5-7B-Instruct'],
      ['baseline:random-choice', 'baseline', 'random-choice'],
    ];
    for (const [ref, providerId, modelId] of cases) {
      const provider = await resolve(ref);
      expect([provider.providerId, provider.modelId]).toEqual([providerId, modelId]);
    }
    const local = await resolve({ provider: 'local', model: 'models/tiny.gguf' });
    expect(local.providerId).toBe('local-gguf');
    await resolve.close();
  });

  it('reuses one provider per model entry', async () => {
    const resolve = createProviderResolver({ env: { OPENAI_API_KEY: 'sk-test-a' } });
    const a = await resolve('openai:gpt-4o-mini');
    expect(await resolve({ provider: 'openai', model: 'gpt-4o-mini' })).toBe(a);
    expect(await resolve('openai:gpt-4o')).not.toBe(a);
  });

  it('says which variable to set for a missing key, and never shows a key', async () => {
    const resolve = createProviderResolver({ env: { OTHER: 'sk-test-secret-value' } });
    await expect(resolve('openai:gpt-4o-mini')).rejects.toThrow(
      /set OPENAI_API_KEY or give the model apiKey/,
    );
    await expect(resolve('hf:Qwen/Qwen2.5-7B-Instruct')).rejects.toThrow(
      /set HF_TOKEN or HUGGING_FACE_HUB_TOKEN/,
    );
    await expect(resolve({ provider: 'openai', model: 'gpt-4o-mini', apiKey: '${MY_KEY}' })).rejects.toThrow(
      /environment variable MY_KEY .* is not set/,
    );
    await expect(resolve({ provider: 'openai-compatible', model: 'x' })).rejects.toThrow(/needs a baseUrl/);
    await expect(resolve({ provider: 'nope', model: 'x' })).rejects.toThrow(/unknown provider "nope"/);
  });

  it('serves function models and custom provider ids', async () => {
    const echo = createFunctionProvider((r) => String(r.prompt), { modelId: 'echo' });
    const resolve = createProviderResolver({
      functions: { echo },
      custom: {
        gateway: (model) =>
          createFunctionProvider(() => 'A', { providerId: 'gateway', modelId: model.model }),
      },
    });
    expect(await resolve({ provider: 'function', model: 'echo' })).toBe(echo);
    expect((await resolve('gateway:team/model')).modelId).toBe('team/model');
    await expect(resolve({ provider: 'function', model: 'missing' })).rejects.toThrow(/exists only in code/);
  });

  it('runs a plan end to end with a key read from the plan reference, sent only to the server', async () => {
    const key = 'sk-test-registry-0123456789';
    const server = await startFaultServer({ answer: () => 'Answer: A' });
    try {
      const resolve = createProviderResolver({ env: { TEAM_KEY: key } });
      const plan = {
        name: 'registry',
        models: [
          {
            provider: 'openai-compatible',
            model: 'team/model',
            baseUrl: server.baseUrl,
            apiKey: '${TEAM_KEY}',
          },
        ],
        datasets: [
          {
            name: 'd',
            source: {
              type: 'inline' as const,
              rows: [
                { prompt: 'q1', options: ['a', 'b'], answer: 'a', subject_type: ['HASS'], language: 'en' },
                { prompt: 'q2', options: ['a', 'b'], answer: 'b', subject_type: ['HASS'], language: 'en' },
              ],
            },
          },
        ],
      };
      const result = await evaluate(plan, { providers: resolve, env: { TEAM_KEY: key } });
      expect(result.task.status).toBe('SUCCESS');
      expect(result.aggregates[0]).toMatchObject({ n: 2, value: 0.5, errors: 0 });
      expect(JSON.stringify(result)).not.toContain(key);
      await resolve.close();
    } finally {
      await server.close();
    }
  });

  it('turns a failed call into a ProviderCallError that names the model', async () => {
    const resolve = createProviderResolver();
    const provider = await resolve({
      provider: 'openai-compatible',
      model: 'm',
      baseUrl: 'http://127.0.0.1:9/v1',
    });
    const error = await provider.generate({ prompt: 'hi' }).catch((e: unknown) => e);
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect((error as ProviderCallError).isRetryable).toBe(true);
  });
});

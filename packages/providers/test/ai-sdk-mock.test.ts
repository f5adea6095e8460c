import type {
  LanguageModelV2,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { APICallError, LoadAPIKeyError, NoSuchModelError, TypeValidationError } from '@ai-sdk/provider';
import { BenchHubError, type GenerateRequest } from '@benchhub/core';
import { createAISdkProvider } from '@benchhub/providers/ai-sdk';
import { RetryError } from 'ai';
import { MockEmbeddingModelV3, MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { callError } from './support/call-error.js';

function usage(input: number | undefined, output: number | undefined): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

function answer(overrides: Partial<LanguageModelV3GenerateResult> = {}): LanguageModelV3GenerateResult {
  return {
    content: [{ type: 'text', text: 'ok' }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: usage(3, 1),
    warnings: [],
    ...overrides,
  };
}

function mockModel(result: LanguageModelV3GenerateResult = answer()): MockLanguageModelV3 {
  return new MockLanguageModelV3({ provider: 'acme.chat', modelId: 'acme/large-1', doGenerate: result });
}

function onlyCall(model: MockLanguageModelV3): LanguageModelV3CallOptions {
  expect(model.doGenerateCalls).toHaveLength(1);
  return model.doGenerateCalls[0] as LanguageModelV3CallOptions;
}

function failing(error: unknown): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    provider: 'acme.chat',
    modelId: 'large',
    doGenerate: async () => {
      throw error;
    },
  });
}

/** A model that answers only when aborted, rejecting as fetch does. */
function hangingModel(): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doGenerate: ({ abortSignal }) =>
      new Promise((_, reject) => {
        abortSignal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), {
          once: true,
        });
      }),
  });
}

describe('ai-sdk bridge: ids and capabilities', () => {
  it('reports provider id ai-sdk and model id <family>/<model id>', () => {
    const p = createAISdkProvider(mockModel());
    expect(p.specificationVersion).toBe('v1');
    expect(p.providerId).toBe('ai-sdk');
    expect(p.modelId).toBe('acme/acme/large-1');
  });

  it('takes providerId and modelId overrides', () => {
    const p = createAISdkProvider(mockModel(), { providerId: 'acme', modelId: 'large' });
    expect([p.providerId, p.modelId]).toEqual(['acme', 'large']);
  });

  it('declares every capability flag truthfully', () => {
    const p = createAISdkProvider(mockModel(), { maxConcurrency: 4 });
    expect(p.capabilities).toEqual({
      generate: true,
      chat: true,
      logLikelihood: false,
      embed: false,
      streaming: false,
      logprobs: false,
      systemPrompt: true,
      seed: true,
      tools: true,
      structuredOutput: 'json_schema',
      maxConcurrency: 4,
    });
    expect(p.embed).toBeUndefined();
    expect(p.logLikelihood).toBeUndefined();
  });

  it('declares seed false and logprobs true when told', () => {
    const p = createAISdkProvider(mockModel(), { seed: false, logprobs: true });
    expect(p.capabilities.seed).toBe(false);
    expect(p.capabilities.logprobs).toBe(true);
  });

  it('declares and implements embed only with an embedding model', () => {
    const p = createAISdkProvider(mockModel(), { embeddingModel: new MockEmbeddingModelV3() });
    expect(p.capabilities.embed).toBe(true);
    expect(typeof p.embed).toBe('function');
  });

  it('refuses what is not an AI SDK model of spec v2 or v3', () => {
    expect(() => createAISdkProvider('openai/gpt-4o' as never)).toThrow(/model id strings are not resolved/);
    expect(() =>
      createAISdkProvider({
        specificationVersion: 'v1',
        provider: 'x',
        modelId: 'y',
        doGenerate() {},
      } as never),
    ).toThrow(/spec v3 or v2.*got a model of spec v1/);
    expect(() => createAISdkProvider(mockModel(), { embeddingModel: mockModel() as never })).toThrow(
      BenchHubError,
    );
    expect(() => createAISdkProvider(mockModel(), { timeoutMs: 0 })).toThrow(/timeoutMs must be a positive/);
    expect(() => createAISdkProvider(mockModel(), { maxConcurrency: 1.5 })).toThrow(/maxConcurrency/);
  });
});

describe('ai-sdk bridge: the call', () => {
  it('sends a string prompt as one user message with a text part', async () => {
    const model = mockModel();
    await createAISdkProvider(model).generate({ prompt: 'Capital of Korea?' });
    expect(onlyCall(model).prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Capital of Korea?' }] },
    ]);
  });

  it('keeps system messages as system messages, in place, and every role in order', async () => {
    const model = mockModel();
    await createAISdkProvider(model).generate({
      prompt: [
        { role: 'system', content: 'Answer with one letter.' },
        { role: 'user', content: 'A or B?' },
        { role: 'assistant', content: 'A' },
        { role: 'system', content: 'Now explain.' },
        { role: 'user', content: 'Why?' },
      ],
    });
    expect(onlyCall(model).prompt).toEqual([
      { role: 'system', content: 'Answer with one letter.' },
      { role: 'user', content: [{ type: 'text', text: 'A or B?' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'A' }] },
      { role: 'system', content: 'Now explain.' },
      { role: 'user', content: [{ type: 'text', text: 'Why?' }] },
    ]);
  });

  it('maps maxTokens, temperature, topP, stop and seed to the spec names', async () => {
    const model = mockModel();
    const stop = ['\n\n', 'END'] as const;
    await createAISdkProvider(model).generate({
      prompt: 'x',
      maxTokens: 64,
      temperature: 0,
      topP: 0.9,
      stop,
      seed: 1234,
    });
    const call = onlyCall(model);
    expect(call).toMatchObject({
      maxOutputTokens: 64,
      temperature: 0,
      topP: 0.9,
      stopSequences: ['\n\n', 'END'],
      seed: 1234,
    });
    expect(call.stopSequences).not.toBe(stop);
  });

  it('leaves unset parameters out, so the provider defaults apply', async () => {
    const model = mockModel();
    await createAISdkProvider(model).generate({ prompt: 'x' });
    const call = onlyCall(model);
    for (const key of [
      'maxOutputTokens',
      'temperature',
      'topP',
      'stopSequences',
      'seed',
      'providerOptions',
      'headers',
    ]) {
      expect(key in call, key).toBe(false);
    }
    expect(call).not.toHaveProperty('tools');
  });

  it('puts extra under providerOptions[family], merged over the static providerOptions', async () => {
    const model = mockModel();
    const p = createAISdkProvider(model, {
      providerOptions: { acme: { user: 'bench', reasoningEffort: 'high' }, other: { a: 1 } },
      headers: { 'x-run': 'r1' },
    });
    await p.generate({ prompt: 'x', extra: { reasoningEffort: 'low' } });
    expect(onlyCall(model).providerOptions).toEqual({
      acme: { user: 'bench', reasoningEffort: 'low' },
      other: { a: 1 },
    });
    expect(onlyCall(model).headers).toEqual({ 'x-run': 'r1' });
  });

  it('puts extra under providerOptionsKey when given', async () => {
    const model = mockModel();
    await createAISdkProvider(model, { providerOptionsKey: 'bedrock' }).generate({
      prompt: 'x',
      extra: { k: 2 },
    });
    expect(onlyCall(model).providerOptions).toEqual({ bedrock: { k: 2 } });
  });
});

describe('ai-sdk bridge: the result', () => {
  it('joins text parts, leaves reasoning out, and maps finish reason and usage', async () => {
    const model = mockModel(
      answer({
        content: [
          { type: 'reasoning', text: 'Let me think.' },
          { type: 'text', text: 'Hel' },
          { type: 'text', text: 'lo' },
        ],
        finishReason: { unified: 'length', raw: 'max_tokens' },
        usage: usage(12, 5),
      }),
    );
    const result = await createAISdkProvider(model).generate({ prompt: 'x' });
    expect(result.text).toBe('Hello');
    expect(result.finishReason).toBe('length');
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 5 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result).not.toHaveProperty('raw');
    expect(result).not.toHaveProperty('logprobs');
  });

  it('reports usage as undefined when the provider reports none, never a fake 0', async () => {
    const model = mockModel(answer({ usage: usage(undefined, undefined) }));
    const result = await createAISdkProvider(model).generate({ prompt: 'x' });
    expect(result.usage).toEqual({ inputTokens: undefined, outputTokens: undefined });
  });

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content-filter', 'content-filter'],
    ['error', 'error'],
    ['tool-calls', 'tool-calls'],
    ['other', 'other'],
  ] as const)('maps the unified finish reason %s to %s', async (unified, expected) => {
    const model = mockModel(answer({ finishReason: { unified, raw: 'vendor' } }));
    expect((await createAISdkProvider(model).generate({ prompt: 'x' })).finishReason).toBe(expected);
  });

  it('keeps body, provider metadata, raw finish reason and warnings as raw when includeRaw is set', async () => {
    const model = mockModel(
      answer({
        response: { body: { id: 'resp-1' } },
        providerMetadata: { acme: { cached: true } },
        warnings: [{ type: 'unsupported', feature: 'seed' }],
      }),
    );
    const result = await createAISdkProvider(model, { includeRaw: true }).generate({ prompt: 'x', seed: 1 });
    expect(result.raw).toEqual({
      body: { id: 'resp-1' },
      providerMetadata: { acme: { cached: true } },
      finishReason: { unified: 'stop', raw: 'stop' },
      warnings: [{ type: 'unsupported', feature: 'seed' }],
    });
  });

  it('reads a v2 model (AI SDK 5 providers): flat usage and string finish reason', async () => {
    const calls: unknown[] = [];
    const v2 = {
      specificationVersion: 'v2',
      provider: 'legacy.chat',
      modelId: 'old-1',
      supportedUrls: {},
      doGenerate: async (options: unknown) => {
        calls.push(options);
        return {
          content: [{ type: 'text', text: 'v2 text' }],
          finishReason: 'unknown',
          usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 },
          warnings: [],
        };
      },
      doStream: async () => {
        throw new Error('not used');
      },
    } as unknown as LanguageModelV2;
    const p = createAISdkProvider(v2);
    const result = await p.generate({ prompt: 'x', maxTokens: 5 });
    expect(p.modelId).toBe('legacy/old-1');
    expect(result).toMatchObject({
      text: 'v2 text',
      finishReason: 'other',
      usage: { inputTokens: 4, outputTokens: 2 },
    });
    expect(calls[0]).toMatchObject({ maxOutputTokens: 5 });
  });
});

describe('ai-sdk bridge: logprobs from provider metadata', () => {
  const openAIStyle = [
    {
      token: 'Hel',
      logprob: -0.1,
      top_logprobs: [
        { token: 'Hel', logprob: -0.1 },
        { token: 'Hi', logprob: -2.5 },
      ],
    },
    {
      token: 'lo',
      logprob: -0.01,
      top_logprobs: [
        { token: 'lo', logprob: -0.01 },
        { token: 'p', logprob: -4.6 },
      ],
    },
  ];

  it('asks with providerOptions[key].logprobs (top n) and reads providerMetadata[key].logprobs', async () => {
    const model = mockModel(answer({ providerMetadata: { acme: { logprobs: openAIStyle } } }));
    const p = createAISdkProvider(model, { logprobs: true });
    const request: GenerateRequest = { prompt: 'x', logprobs: true, topLogprobs: 2 };
    const result = await p.generate(request);
    expect(onlyCall(model).providerOptions).toEqual({ acme: { logprobs: 2 } });
    expect(result.logprobs).toEqual([
      {
        token: 'Hel',
        logprob: -0.1,
        top: [
          { token: 'Hel', logprob: -0.1 },
          { token: 'Hi', logprob: -2.5 },
        ],
      },
      {
        token: 'lo',
        logprob: -0.01,
        top: [
          { token: 'lo', logprob: -0.01 },
          { token: 'p', logprob: -4.6 },
        ],
      },
    ]);
  });

  it('asks with logprobs: true without topLogprobs and flattens per-output lists', async () => {
    const model = mockModel(
      answer({
        providerMetadata: {
          acme: { logprobs: [[{ token: 'a', logprob: -1 }], [{ token: 'b', logprob: -2 }]] },
        },
      }),
    );
    const result = await createAISdkProvider(model, { logprobs: true }).generate({
      prompt: 'x',
      logprobs: true,
    });
    expect(onlyCall(model).providerOptions).toEqual({ acme: { logprobs: true } });
    expect(result.logprobs).toEqual([
      { token: 'a', logprob: -1 },
      { token: 'b', logprob: -2 },
    ]);
  });

  it('neither asks nor reads when the option is off, and leaves logprobs out when the metadata has none', async () => {
    const off = mockModel(answer({ providerMetadata: { acme: { logprobs: openAIStyle } } }));
    const r1 = await createAISdkProvider(off).generate({ prompt: 'x', logprobs: true });
    expect('providerOptions' in onlyCall(off)).toBe(false);
    expect(r1).not.toHaveProperty('logprobs');
    const none = mockModel(answer({ providerMetadata: { acme: {} } }));
    const r2 = await createAISdkProvider(none, { logprobs: true }).generate({ prompt: 'x', logprobs: true });
    expect(r2).not.toHaveProperty('logprobs');
  });
});

describe('ai-sdk bridge: abort and timeout', () => {
  it('rejects with the reason of an already aborted signal without calling the model', async () => {
    const model = mockModel();
    const reason = new Error('stop now');
    await expect(
      createAISdkProvider(model).generate({ prompt: 'x' }, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it("passes the caller's signal to the model and rejects with its reason when it aborts", async () => {
    const model = hangingModel();
    const controller = new AbortController();
    const call = createAISdkProvider(model).generate({ prompt: 'x' }, { signal: controller.signal });
    await Promise.resolve();
    const reason = new Error('user cancelled');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(model.doGenerateCalls[0]?.abortSignal?.aborted).toBe(true);
  });

  it('with timeoutMs, still rejects with the caller reason when the caller aborts first', async () => {
    const model = hangingModel();
    const controller = new AbortController();
    const call = createAISdkProvider(model, { timeoutMs: 60_000 }).generate(
      { prompt: 'x' },
      { signal: controller.signal },
    );
    const reason = new Error('user cancelled');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  it('aborts the model call at timeoutMs and fails with a retryable error', async () => {
    const model = hangingModel();
    const error = await callError(createAISdkProvider(model, { timeoutMs: 20 }).generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toMatch(/^ai-sdk\/mock-provider\/mock-model-id: no answer within 20 ms/);
    expect(model.doGenerateCalls[0]?.abortSignal?.aborted).toBe(true);
  });
});

describe('ai-sdk bridge: errors', () => {
  const apiError = (statusCode: number | undefined, headers?: Record<string, string>, body?: string) =>
    new APICallError({
      message: `vendor says ${statusCode}`,
      url: 'https://api.acme.test/v1/chat?key=secret-in-query',
      requestBodyValues: { model: 'large' },
      ...(statusCode === undefined ? {} : { statusCode }),
      ...(headers === undefined ? {} : { responseHeaders: headers }),
      ...(body === undefined ? {} : { responseBody: body }),
      ...(statusCode === undefined ? { isRetryable: true, cause: new TypeError('fetch failed') } : {}),
    });

  it('maps an APICallError 503 with retry-after-ms to a retryable error with retryAfterMs', async () => {
    const error = await callError(
      createAISdkProvider(failing(apiError(503, { 'retry-after-ms': '1500' }))).generate({ prompt: 'x' }),
    );
    expect(error).toMatchObject({
      statusCode: 503,
      isRetryable: true,
      retryAfterMs: 1500,
      provider: 'ai-sdk',
      model: 'acme/large',
    });
    expect(error.message).toContain('vendor says 503');
  });

  it.each([408, 409, 429, 500])('treats status %i as retryable', async (status) => {
    const error = await callError(createAISdkProvider(failing(apiError(status))).generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])('treats status %i as final', async (status) => {
    const error = await callError(createAISdkProvider(failing(apiError(status))).generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(false);
    expect(error.statusCode).toBe(status);
  });

  it('names the model and the endpoint (without query string) on a 404', async () => {
    const error = await callError(createAISdkProvider(failing(apiError(404))).generate({ prompt: 'x' }));
    expect(error.message).toContain(
      'check the model name "acme/large" and the base URL https://api.acme.test/v1/chat',
    );
    expect(error.message).not.toContain('secret-in-query');
  });

  it('redacts keys from the message and the kept body, and keeps no SDK error as cause', async () => {
    const key = 'sk-proj-abcdefghijklmnop1234';
    const error = await callError(
      createAISdkProvider(
        failing(apiError(401, {}, JSON.stringify({ error: { message: `bad key ${key}` } }))),
      ).generate({
        prompt: 'x',
      }),
    );
    expect(error.cause).toBeUndefined();
    expect(error.responseBody).toContain('bad key [redacted]');
    expect(`${error.message} ${error.responseBody}`).not.toContain(key);
  });

  it('maps a connection failure (APICallError without status) to a retryable error', async () => {
    const error = await callError(
      createAISdkProvider(failing(apiError(undefined))).generate({ prompt: 'x' }),
    );
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBe(true);
  });

  it('maps a RetryError through its last error', async () => {
    const retry = new RetryError({
      message: 'Failed after 3 attempts',
      reason: 'maxRetriesExceeded',
      errors: [apiError(500), apiError(429, { 'retry-after': '3' })],
    });
    const error = await callError(createAISdkProvider(failing(retry)).generate({ prompt: 'x' }));
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 3000 });
  });

  it('fails fast on a missing key and says where to put it', async () => {
    const missing = new LoadAPIKeyError({
      message:
        "Acme API key is missing. Pass it using the 'apiKey' parameter or the ACME_API_KEY environment variable.",
    });
    const error = await callError(createAISdkProvider(failing(missing)).generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('AI_LoadAPIKeyError');
    expect(error.message).toMatch(
      /the API key is missing: check the apiKey option of the AI SDK provider factory/,
    );
  });

  it('fails fast on an unknown model and says to check the id', async () => {
    const error = await callError(
      createAISdkProvider(
        failing(new NoSuchModelError({ modelId: 'large', modelType: 'languageModel' })),
      ).generate({
        prompt: 'x',
      }),
    );
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/check the model id/);
  });

  it('treats an answer of the wrong shape as final', async () => {
    const invalid = new TypeValidationError({ value: { nope: 1 }, cause: new Error('expected choices') });
    const error = await callError(createAISdkProvider(failing(invalid)).generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/does not expect/);
  });

  it('treats a raw fetch failure as a retryable network error, and other errors as final', async () => {
    const network = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(
      (await callError(createAISdkProvider(failing(network)).generate({ prompt: 'x' }))).isRetryable,
    ).toBe(true);
    const bug = new RangeError('index out of range');
    const error = await callError(createAISdkProvider(failing(bug)).generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(false);
    expect(error.cause).toBe(bug);
  });
});

describe('ai-sdk bridge: embed through embedMany', () => {
  const vectorOf = (text: string): number[] => [text.length, text.charCodeAt(0)];

  it('splits by maxEmbeddingsPerCall and returns one vector per text in order', async () => {
    const model = new MockEmbeddingModelV3({
      maxEmbeddingsPerCall: 2,
      supportsParallelCalls: false,
      doEmbed: async ({ values }) => ({ embeddings: values.map(vectorOf), warnings: [] }),
    });
    const p = createAISdkProvider(mockModel(), { embeddingModel: model });
    const texts = ['alpha', 'be', 'gamma!', 'd', 'epsilon'];
    expect(await p.embed?.(texts)).toEqual(texts.map(vectorOf));
    expect(model.doEmbedCalls.map((c) => c.values)).toEqual([['alpha', 'be'], ['gamma!', 'd'], ['epsilon']]);
  });

  it('maps embedding errors without retrying them', async () => {
    const model = new MockEmbeddingModelV3({
      doEmbed: async () => {
        throw new APICallError({ message: 'overloaded', url: 'u', requestBodyValues: {}, statusCode: 529 });
      },
    });
    const p = createAISdkProvider(mockModel(), { embeddingModel: model });
    const error = await callError(p.embed?.(['x']));
    expect(error).toMatchObject({ statusCode: 529, isRetryable: true, model: 'mock-provider/mock-model-id' });
    expect(model.doEmbedCalls).toHaveLength(1);
  });

  it('rejects an aborted embed with the signal reason', async () => {
    const model = new MockEmbeddingModelV3({
      doEmbed: async ({ values }) => ({ embeddings: values.map(vectorOf), warnings: [] }),
    });
    const reason = new Error('cancelled');
    const p = createAISdkProvider(mockModel(), { embeddingModel: model });
    await expect(p.embed?.(['x'], { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(model.doEmbedCalls).toHaveLength(0);
  });
});

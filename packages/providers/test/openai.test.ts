import { getEventListeners } from 'node:events';
import type { GenerateRequest } from '@benchhub/core';
import { runProviderConformance } from '@benchhub/core/testing';
import { AzureOpenAI, OpenAI } from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider, createOpenAIProvider, NO_API_KEY } from '../src/openai/index.js';
import { buildOpenAIProvider } from '../src/openai/provider.js';
import { OPENAI_PEER } from '../src/openai/sdk.js';
import { lazyPeer, missingPeerError } from '../src/shared/index.js';
import { callError } from './support/call-error.js';
import {
  type ScriptedMode,
  scriptedLogprob,
  scriptedTokens,
  scriptedVector,
  startScriptedOpenAIServer,
} from './support/openai-scripted-server.js';

const KEY = 'sk-test-Zq8xVb3nR7tLm2Kp9wYc';
const server = await startScriptedOpenAIServer({ refusedKey: KEY, retryAfterSeconds: 2 });
afterAll(() => server.close());

const openai = (mode: ScriptedMode = 'ok', extra: Partial<Parameters<typeof createOpenAIProvider>[0]> = {}) =>
  createOpenAIProvider({ model: 'gpt-4o-mini', apiKey: KEY, baseURL: server.baseURL(mode), ...extra });

const openaiWithEmbeddings = (mode: ScriptedMode = 'ok') =>
  openai(mode, { embeddingModel: 'text-embedding-3-small' });

const compatible = (mode: ScriptedMode = 'ok') =>
  createOpenAICompatibleProvider({
    model: 'Qwen/Qwen2.5-7B-Instruct',
    baseURL: server.baseURL(mode),
    embeddingModel: 'BAAI/bge-m3',
    logLikelihood: true,
  });

/** What the server received on the latest chat call, in request terms. */
const lastRequest = (): Pick<GenerateRequest, 'maxTokens' | 'stop'> | undefined => {
  const body = server.lastChatBody();
  if (body === undefined) return undefined;
  const maxTokens = (body.max_tokens ?? body.max_completion_tokens) as number | undefined;
  const stop = body.stop as string[] | undefined;
  return { ...(maxTokens === undefined ? {} : { maxTokens }), ...(stop === undefined ? {} : { stop }) };
};

await runProviderConformance({
  name: 'openai with embeddings (scripted server)',
  create: () => openaiWithEmbeddings(),
  capabilities: { chat: true, embed: true, usage: 'reported' },
  lastRequest,
  faults: {
    hanging: () => openaiWithEmbeddings('hang'),
    rateLimited: { create: () => openaiWithEmbeddings('rate-limit'), retryAfterMs: 2000 },
    serverError: () => openaiWithEmbeddings('server-error'),
    badRequest: () => openaiWithEmbeddings('bad-request'),
  },
});

await runProviderConformance({
  name: 'openai-compatible with logLikelihood and embeddings (scripted server)',
  create: () => compatible(),
  capabilities: { chat: true, logLikelihood: true, embed: true, usage: 'reported' },
  lastRequest,
  faults: {
    hanging: () => compatible('hang'),
    rateLimited: { create: () => compatible('rate-limit'), retryAfterMs: 2000 },
    serverError: () => compatible('server-error'),
    badRequest: () => compatible('bad-request'),
  },
});

describe('openai provider: request body', () => {
  it('sends chat messages, every sampling parameter and extra fields', async () => {
    const p = openai();
    const result = await p.generate({
      prompt: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Hi?' },
      ],
      maxTokens: 20,
      temperature: 0.3,
      topP: 0.9,
      stop: ['\n', 'END'],
      seed: 42,
      extra: { presence_penalty: 0.5, user: 'bench' },
    });
    expect(server.lastChatBody()).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'Hi?' },
      ],
      max_tokens: 20,
      temperature: 0.3,
      top_p: 0.9,
      stop: ['\n', 'END'],
      seed: 42,
      presence_penalty: 0.5,
      user: 'bench',
    });
    expect(result.text).toBe('Hello from gpt-4o-mini.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual({ inputTokens: 3, outputTokens: 3 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.raw).toBeUndefined();
  });

  it('sends a string prompt as one user message, with no unset parameter', async () => {
    await openai().generate({ prompt: 'Say hi.' });
    expect(server.lastChatBody()).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hi.' }],
    });
  });

  it('uses max_completion_tokens for the official API and max_tokens for a base URL, unless told', async () => {
    const official = new OpenAI({ apiKey: KEY, baseURL: server.baseURL(), maxRetries: 0 });
    await createOpenAIProvider({ model: 'o4-mini', client: official }).generate({
      prompt: 'x',
      maxTokens: 7,
    });
    expect(server.lastChatBody()).toMatchObject({ max_completion_tokens: 7 });
    expect(server.lastChatBody()).not.toHaveProperty('max_tokens');

    await openai().generate({ prompt: 'x', maxTokens: 8 });
    expect(server.lastChatBody()).toMatchObject({ max_tokens: 8 });
    expect(server.lastChatBody()).not.toHaveProperty('max_completion_tokens');

    await openai('ok', { maxTokensField: 'max_completion_tokens' }).generate({ prompt: 'x', maxTokens: 9 });
    expect(server.lastChatBody()).toMatchObject({ max_completion_tokens: 9 });
  });

  it('keeps every character of the model name', async () => {
    for (const model of ['Qwen/Qwen2.5-7B-Instruct', 'llama3.1:8b', 'hf.co/org/Model-GGUF:Q4_K_M']) {
      const p = createOpenAICompatibleProvider({
        model,
        baseURL: server.baseURL(),
        embeddingModel: model,
        logLikelihood: true,
      });
      expect(p.modelId).toBe(model);
      server.reset();
      await p.generate({ prompt: 'hi' });
      await p.embed?.(['a']);
      await p.logLikelihood?.([{ context: 'a b', continuation: ' c' }]);
      expect(server.requests.map((r) => r.body?.model)).toEqual([model, model, model]);
    }
  });

  it('says finish reason length when maxTokens cuts the answer', async () => {
    const result = await openai().generate({ prompt: 'x', maxTokens: 1 });
    expect(result).toMatchObject({ text: 'Hello', finishReason: 'length', usage: { outputTokens: 1 } });
  });

  it('keeps the raw response only with includeRaw', async () => {
    const result = await openai('ok', { includeRaw: true }).generate({ prompt: 'x' });
    expect(result.raw).toMatchObject({ id: 'chatcmpl-scripted', object: 'chat.completion' });
  });

  it('sends no Authorization secret of its own to a compatible server without a key', async () => {
    server.reset();
    await createOpenAICompatibleProvider({ model: 'llama3.1:8b', baseURL: server.baseURL() }).generate({
      prompt: 'x',
    });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${NO_API_KEY}`);
  });

  it('sends the configured key and headers', async () => {
    server.reset();
    await openai('ok', { headers: { 'x-team': 'evals' } }).generate({ prompt: 'x' });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]?.headers['x-team']).toBe('evals');
  });
});

describe('openai provider: signals', () => {
  it('keeps the listeners on a signal reused across calls bounded', async () => {
    const p = openaiWithEmbeddings();
    const lane = new AbortController();
    for (let i = 0; i < 25; i++) await p.generate({ prompt: `call ${i}` }, { signal: lane.signal });
    await p.embed?.(['a', 'b'], { signal: lane.signal });
    expect(getEventListeners(lane.signal, 'abort').length).toBeLessThanOrEqual(1);
  });

  it('aborting a signal shared by many calls in flight rejects them all and cancels their requests', async () => {
    server.reset();
    const p = openai('hang');
    const controller = new AbortController();
    const calls = Array.from({ length: 23 }, (_, i) =>
      p.generate({ prompt: `held ${i}` }, { signal: controller.signal }).then(
        () => 'answered',
        (e: unknown) => e,
      ),
    );
    while (server.countFor('hang') < 23) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error('cancel the run');
    controller.abort(reason);
    expect(await Promise.all(calls)).toEqual(calls.map(() => reason));
    while (server.requests.some((r) => !r.clientGone)) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the HTTP request itself, not only the wait', async () => {
    server.reset();
    const controller = new AbortController();
    const call = openai('hang').generate({ prompt: 'x' }, { signal: controller.signal });
    while (server.countFor('hang') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    // The server sees the connection go: the request was cancelled, not left running.
    while (server.requests[0]?.clientGone !== true) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.requests).toHaveLength(1);
  });
});

describe('openai provider: logprobs', () => {
  it('maps logprobs and top_logprobs to TokenLogprob[] with top', async () => {
    const result = await openai().generate({ prompt: 'x', logprobs: true, topLogprobs: 2 });
    expect(server.lastChatBody()).toMatchObject({ logprobs: true, top_logprobs: 2 });
    const tokens = scriptedTokens('Hello from gpt-4o-mini.');
    expect(result.logprobs).toEqual(
      tokens.map((token, i) => ({
        token,
        logprob: -0.1 * (i + 1),
        top: [
          { token, logprob: -0.1 * (i + 1) },
          { token: `${token}~1`, logprob: -0.1 * (i + 1) - 1 },
        ],
      })),
    );
  });

  it('returns chosen tokens without top when only logprobs is asked', async () => {
    const result = await openai().generate({ prompt: 'x', logprobs: true });
    expect(server.lastChatBody()).toMatchObject({ logprobs: true });
    expect(server.lastChatBody()).not.toHaveProperty('top_logprobs');
    expect(result.logprobs?.[0]).toEqual({ token: 'Hello', logprob: -0.1 });
  });

  it('asks for nothing and returns no logprobs when not asked', async () => {
    const result = await openai().generate({ prompt: 'x' });
    expect(server.lastChatBody()).not.toHaveProperty('logprobs');
    expect(result.logprobs).toBeUndefined();
  });
});

describe('openai provider: errors', () => {
  const scripted = async (status: number, headers: Record<string, string>, body: unknown) => {
    server.script(() => ({ status, headers, body }));
    try {
      return await callError(openai().generate({ prompt: 'x' }));
    } finally {
      server.script(undefined);
    }
  };
  const rateLimitBody = {
    error: { message: 'Rate limit reached', type: 'tokens', code: 'rate_limit_exceeded' },
  };

  it('reads the wait from retry-after-ms, Retry-After and the rate-limit reset headers', async () => {
    expect((await scripted(429, { 'retry-after-ms': '1500' }, rateLimitBody)).retryAfterMs).toBe(1500);
    expect((await scripted(429, { 'retry-after': '3' }, rateLimitBody)).retryAfterMs).toBe(3000);
    const tokens = await scripted(
      429,
      {
        'x-ratelimit-remaining-requests': '12',
        'x-ratelimit-reset-requests': '1s',
        'x-ratelimit-remaining-tokens': '0',
        'x-ratelimit-reset-tokens': '6m0s',
      },
      rateLimitBody,
    );
    expect(tokens).toMatchObject({ statusCode: 429, isRetryable: true, retryAfterMs: 360_000 });
    expect(tokens.message).toContain('Rate limit reached');
  });

  it('names OPENAI_API_KEY on a 401 and never repeats the key', async () => {
    const error = await callError(openai('unauthorized').generate({ prompt: 'x' }));
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(error.message).toContain('Incorrect API key provided');
    expect(error.responseBody).toContain('invalid_api_key');
    expect(error.responseBody).toContain('Incorrect API key provided: [redacted]');
    for (const text of [
      error.message,
      error.responseBody ?? '',
      JSON.stringify(error),
      String(error.cause ?? ''),
    ]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY.slice(8));
    }
  });

  it('keeps the server message of bodies without an error object (vLLM, FastAPI)', async () => {
    const vllm = await scripted(
      400,
      {},
      {
        object: 'error',
        message: "This model's maximum context length is 4096 tokens.",
        type: 'BadRequestError',
        code: 400,
      },
    );
    expect(vllm.message).toContain("This model's maximum context length is 4096 tokens.");
    expect(vllm.isRetryable).toBe(false);
    const fastapi = await scripted(422, {}, { detail: 'field required: messages' });
    expect(fastapi.message).toContain('field required: messages');
    const plain = await scripted(503, { 'content-type': 'text/plain' }, 'upstream overloaded');
    expect(plain).toMatchObject({ statusCode: 503, isRetryable: true });
    expect(plain.message).toContain('upstream overloaded');
  });

  it('names the model and the base URL on a 404', async () => {
    const error = await scripted(
      404,
      {},
      {
        error: { message: 'The model `nope` does not exist', type: 'invalid_request_error' },
      },
    );
    expect(error.message).toContain('The model `nope` does not exist');
    expect(error.message).toContain('check the model name "gpt-4o-mini"');
    expect(error.message).toContain(`and the base URL ${server.baseURL()}`);
    expect(error.isRetryable).toBe(false);
  });

  it('makes exactly one request per call: the SDK does not retry', async () => {
    server.reset();
    const error = await callError(openai('server-error').generate({ prompt: 'x' }));
    expect(error).toMatchObject({
      statusCode: 500,
      isRetryable: true,
      provider: 'openai',
      model: 'gpt-4o-mini',
    });
    expect(server.countFor('server-error')).toBe(1);
    await callError(openai('rate-limit').generate({ prompt: 'x' }));
    expect(server.countFor('rate-limit')).toBe(1);
  });

  it('a connection failure is retryable without a status', async () => {
    const closed = await startScriptedOpenAIServer();
    const baseURL = closed.baseURL();
    await closed.close();
    const error = await callError(
      createOpenAIProvider({ model: 'm', apiKey: KEY, baseURL }).generate({ prompt: 'x' }),
    );
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/Connection error|ECONNREFUSED/);
  });

  it('a timeout is retryable without a status', async () => {
    const error = await callError(openai('hang', { timeoutMs: 50 }).generate({ prompt: 'x' }));
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/timed out/i);
  });

  it('a body that is not JSON is a retryable error', async () => {
    server.script(() => ({ status: 200, body: '{"id":"chatcmpl-1","choices":[{"mess' }));
    try {
      const error = await callError(openai().generate({ prompt: 'x' }));
      expect(error.isRetryable).toBe(true);
    } finally {
      server.script(undefined);
    }
  });

  it('fails fast without a key for the official API, naming OPENAI_API_KEY', async () => {
    const error = await callError(createOpenAIProvider({ model: 'gpt-4o-mini' }).generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(false);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(error.message).toContain('apiKey');
  });

  it('names the missing openai package and how to install it', async () => {
    const notFound = Object.assign(new Error("Cannot find package 'openai' imported from provider.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const load = lazyPeer(OPENAI_PEER, () => Promise.reject(notFound));
    const p = buildOpenAIProvider(
      { model: 'gpt-4o-mini', apiKey: KEY },
      { providerId: 'openai', keyHint: 'OPENAI_API_KEY' },
      load,
    );
    const error = await callError(p.generate({ prompt: 'x' }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toBe(missingPeerError(OPENAI_PEER, 'openai', 'gpt-4o-mini').message);
    expect(error.message).toContain('@benchhub/providers/openai needs the optional package "openai"');
    expect(error.message).toContain('pnpm add openai@"^6.30.0"');
    expect(error.cause).toBe(notFound);
  });

  it('passes other load failures through as non-retryable errors', async () => {
    const load = lazyPeer(OPENAI_PEER, () => Promise.reject(new Error('broken install')));
    const p = buildOpenAIProvider(
      { model: 'm', apiKey: KEY },
      { providerId: 'openai', keyHint: 'OPENAI_API_KEY' },
      load,
    );
    const error = await callError(p.generate({ prompt: 'x' }));
    expect(error.message).toContain('broken install');
    expect(error.isRetryable).toBe(false);
  });
});

describe('openai provider: capabilities and options', () => {
  it('declares what it does, and its methods exactly when declared', () => {
    const plain = openai('ok', { maxConcurrency: 4 });
    expect(plain.capabilities).toEqual({
      generate: true,
      chat: true,
      logLikelihood: false,
      embed: false,
      streaming: false,
      logprobs: true,
      systemPrompt: true,
      seed: true,
      tools: true,
      structuredOutput: 'json_schema',
      maxConcurrency: 4,
    });
    expect(plain.embed).toBeUndefined();
    expect(plain.logLikelihood).toBeUndefined();
    expect(plain.providerId).toBe('openai');
    const full = compatible();
    expect(full.providerId).toBe('openai-compatible');
    expect(full.capabilities).toMatchObject({ embed: true, logLikelihood: true });
    expect(typeof full.embed).toBe('function');
    expect(typeof full.logLikelihood).toBe('function');
    expect(openai('ok', { providerId: 'my-gateway' }).providerId).toBe('my-gateway');
  });

  it('refuses bad options when built', () => {
    expect(() => createOpenAIProvider({ model: '' })).toThrow(/model/);
    expect(() => openai('ok', { embeddingBatchSize: 0 })).toThrow(/embeddingBatchSize/);
    expect(() => openai('ok', { maxConcurrency: 1.5 })).toThrow(/maxConcurrency/);
    expect(() => openai('ok', { maxTokensField: 'max_new_tokens' as 'max_tokens' })).toThrow(
      /maxTokensField/,
    );
    expect(() => createOpenAICompatibleProvider({ model: 'x', baseURL: '' })).toThrow(/baseURL/);
  });
});

describe('openai provider: embeddings', () => {
  it('embeds in batches and orders each batch by index', async () => {
    const p = openai('ok', { embeddingModel: 'text-embedding-3-small', embeddingBatchSize: 2 });
    const texts = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
    server.reset();
    const vectors = await p.embed?.(texts);
    expect(vectors).toEqual(texts.map(scriptedVector));
    expect(server.requests.map((r) => r.body?.input)).toEqual([
      ['alpha', 'beta'],
      ['gamma', 'delta'],
      ['epsilon'],
    ]);
    expect(server.requests[0]?.body).toMatchObject({
      model: 'text-embedding-3-small',
      encoding_format: 'float',
    });
  });

  it('refuses a response with the wrong number of vectors', async () => {
    server.script((r) =>
      r.path.endsWith('/embeddings')
        ? { status: 200, body: { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [1] }] } }
        : undefined,
    );
    try {
      const error = await callError(
        openai('ok', { embeddingModel: 'e' }).embed?.(['a', 'b']) as Promise<unknown>,
      );
      expect(error.message).toContain('1 embeddings for 2 texts');
      expect(error.isRetryable).toBe(false);
    } finally {
      server.script(undefined);
    }
  });
});

describe('openai provider: logLikelihood through /completions echo', () => {
  const scorer = (extra: Partial<Parameters<typeof createOpenAIProvider>[0]> = {}) =>
    openai('ok', { model: 'meta-llama/Llama-3.1-8B', logLikelihood: true, ...extra });
  const sumOf = (tokens: string[]) => tokens.reduce((s, t) => s + scriptedLogprob(t), 0);

  it('sums the continuation token logprobs and tells greedy from not', async () => {
    server.reset();
    const results = await scorer().logLikelihood?.([
      { context: 'The capital of France is', continuation: ' Paris' },
      { context: 'The capital of France is', continuation: ' a banana' },
      { context: 'The capital of France is', continuation: ' Paris Paris' },
    ]);
    expect(results?.[0]?.logprob).toBeCloseTo(-0.05, 10);
    expect(results?.[0]?.isGreedy).toBe(true);
    expect(results?.[1]?.logprob).toBeCloseTo(sumOf([' a', ' banana']), 10);
    expect(results?.[1]?.isGreedy).toBe(false);
    expect(results?.[2]?.logprob).toBeCloseTo(-0.1, 10);
    expect(results?.[2]?.isGreedy).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/v1/completions');
    expect(server.requests[0]?.body).toEqual({
      model: 'meta-llama/Llama-3.1-8B',
      prompt: [
        'The capital of France is Paris',
        'The capital of France is a banana',
        'The capital of France is Paris Paris',
      ],
      echo: true,
      logprobs: 1,
      max_tokens: 0,
      temperature: 0,
    });
  });

  it('keeps request order across batches and when the server lists choices out of order', async () => {
    const requests = Array.from({ length: 5 }, (_, i) => ({
      context: `Question ${i}: answer`,
      continuation: ' x'.repeat(i + 1),
    }));
    server.reset();
    const results = await scorer({ logLikelihoodBatchSize: 2 }).logLikelihood?.(requests);
    expect(server.requests.map((r) => (r.body?.prompt as string[] | undefined)?.length)).toEqual([2, 2, 1]);
    expect(results?.map((r) => r.logprob)).toEqual(
      requests.map((r) => sumOf(scriptedTokens(r.continuation))),
    );

    server.script((r) => {
      if (!r.path.endsWith('/completions') || r.path.includes('chat')) return undefined;
      const prompts = r.body?.prompt as string[];
      const choices = prompts.map((p, index) => {
        const tokens = scriptedTokens(p);
        let at = 0;
        const offsets = tokens.map((t) => {
          const start = at;
          at += [...t].length;
          return start;
        });
        return {
          index,
          text: p,
          finish_reason: 'length',
          logprobs: {
            tokens,
            text_offset: offsets,
            token_logprobs: tokens.map((t, i) => (i === 0 ? null : scriptedLogprob(t))),
            top_logprobs: tokens.map((_, i) => (i === 0 ? null : { ' Paris': -0.05 })),
          },
        };
      });
      return {
        status: 200,
        body: { id: 'c', object: 'text_completion', created: 1, model: 'm', choices: choices.reverse() },
      };
    });
    try {
      const reordered = await scorer().logLikelihood?.(requests);
      expect(reordered?.map((r) => r.logprob)).toEqual(results?.map((r) => r.logprob));
    } finally {
      server.script(undefined);
    }
  });

  it('finds the continuation by code-point offsets (text beyond the BMP in the context)', async () => {
    const [result] =
      (await scorer().logLikelihood?.([{ context: '수도는 😀 어디? 답:', continuation: ' 서울 입니다' }])) ??
      [];
    expect(result?.logprob).toBeCloseTo(sumOf([' 서울', ' 입니다']), 10);
  });

  it('counts a token that spans the boundary as continuation, and ignores generated tokens', async () => {
    server.script((r) => {
      if (!r.path.endsWith('/completions') || r.path.includes('chat')) return undefined;
      // "Answer:" + "Yes" tokenized as ["Answer", ":Y", "es"], then a generated token "!".
      return {
        status: 200,
        body: {
          id: 'c',
          object: 'text_completion',
          created: 1,
          model: 'm',
          choices: [
            {
              index: 0,
              text: 'Answer:Yes!',
              finish_reason: 'length',
              logprobs: {
                tokens: ['Answer', ':Y', 'es', '!'],
                text_offset: [0, 6, 8, 10],
                token_logprobs: [null, -1, -0.5, -3],
                top_logprobs: [null, { ':Y': -1 }, { es: -0.5 }, { '!': -3 }],
              },
            },
          ],
        },
      };
    });
    try {
      const [result] = (await scorer().logLikelihood?.([{ context: 'Answer:', continuation: 'Yes' }])) ?? [];
      expect(result).toEqual({ logprob: -1.5, isGreedy: true });
    } finally {
      server.script(undefined);
    }
  });

  it('refuses a server that does not echo token logprobs', async () => {
    server.script((r) =>
      r.path.endsWith('/completions') && !r.path.includes('chat')
        ? {
            status: 200,
            body: {
              id: 'c',
              object: 'text_completion',
              created: 1,
              model: 'm',
              choices: [{ index: 0, text: '', finish_reason: 'length', logprobs: null }],
            },
          }
        : undefined,
    );
    try {
      const error = await callError(
        scorer().logLikelihood?.([{ context: 'a', continuation: ' b' }]) as Promise<unknown>,
      );
      expect(error.isRetryable).toBe(false);
      expect(error.message).toContain('did not echo the prompt tokens');
    } finally {
      server.script(undefined);
    }
  });
});

describe('openai provider: Azure-style client', () => {
  it('calls the deployment path with the api-version through a prebuilt AzureOpenAI client', async () => {
    const azure = new AzureOpenAI({
      endpoint: server.url,
      apiKey: KEY,
      apiVersion: '2024-10-21',
      deployment: 'gpt-4o-eval',
      maxRetries: 0,
    });
    const p = createOpenAIProvider({ model: 'gpt-4o', client: azure });
    server.reset();
    const result = await p.generate({ prompt: 'Hi', maxTokens: 5 });
    expect(result.text).toBe('Hello from gpt-4o.');
    const [request] = server.requests;
    expect(request?.path).toBe('/openai/deployments/gpt-4o-eval/chat/completions');
    expect(request?.query.get('api-version')).toBe('2024-10-21');
    expect(request?.headers['api-key']).toBe(KEY);
  });

  it('maps the errors of a prebuilt client too', async () => {
    const client = new OpenAI({ apiKey: KEY, baseURL: server.baseURL('unauthorized'), maxRetries: 0 });
    const error = await callError(
      createOpenAIProvider({ model: 'gpt-4o', client }).generate({ prompt: 'x' }),
    );
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
  });
});

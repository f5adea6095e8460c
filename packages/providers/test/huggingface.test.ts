import { createServer } from 'node:net';
import { inspect } from 'node:util';
import type { ModelProviderV1, ProviderCallError } from '@benchhub/core';
import { runProviderConformance } from '@benchhub/core/testing';
import {
  createHuggingFaceProvider,
  type HuggingFaceInferenceClient,
  type HuggingFaceProviderOptions,
  meanPool,
} from '@benchhub/providers/huggingface';
import { afterAll, describe, expect, it } from 'vitest';
import { callError } from './support/call-error.js';
import {
  HF_RETRY_AFTER_S,
  type HuggingFaceServerRecord,
  pooledVector,
  startHuggingFaceServer,
} from './support/huggingface-server.js';

const TOKEN = 'hf_testToken0123456789abcdef';
const MODEL = 'Qwen/Qwen2.5-7B-Instruct';

const server = await startHuggingFaceServer({
  token: TOKEN,
  answer: (prompt) => {
    if (prompt.includes('Count')) return '4, 5, 6\n\nEND of list';
    if (prompt.includes('Long')) return 'one two three four five six seven eight nine ten';
    if (prompt.includes('Uncounted')) return { text: 'some words', promptTokens: 0, completionTokens: 0 };
    return 'Hello there';
  },
  hubMappings: {
    'org/routed-chat': [
      { provider: 'together', providerId: 'org/Routed-Chat-Turbo', task: 'conversational' },
    ],
    'org/routed-textgen': [
      { provider: 'hf-inference', providerId: 'org/routed-textgen', task: 'text-generation' },
    ],
    'org/routed-embedder': [
      { provider: 'hf-inference', providerId: 'org/routed-embedder', task: 'feature-extraction' },
    ],
  },
});
afterAll(() => server.close());

/** Options to change; `undefined` removes a default. */
type Overrides = { [K in keyof HuggingFaceProviderOptions]?: HuggingFaceProviderOptions[K] | undefined };

function hf(overrides: Overrides = {}): ModelProviderV1 {
  const options = {
    model: MODEL,
    apiKey: TOKEN,
    endpointUrl: server.baseURL,
    embeddingEndpointUrl: `${server.baseURL}/embed`,
    ...overrides,
  };
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  return createHuggingFaceProvider(Object.fromEntries(given) as unknown as HuggingFaceProviderOptions);
}

function lastUnder(prefix: string): HuggingFaceServerRecord {
  const record = server.requestsUnder(prefix).at(-1);
  if (record === undefined) throw new Error(`no request under ${prefix}`);
  return record;
}

function lastEndpointCall(): HuggingFaceServerRecord {
  const record = server.requests.filter((r) => r.path.startsWith('/v1/')).at(-1);
  if (record === undefined) throw new Error('no endpoint request');
  return record;
}

function mappedBack(): { maxTokens: number; stop: string[] } {
  const body = lastEndpointCall().body;
  return { maxTokens: body.max_tokens as number, stop: body.stop as string[] };
}

await runProviderConformance({
  name: 'huggingface (chat on a dedicated endpoint)',
  create: () => hf(),
  capabilities: { chat: true, embed: true, usage: 'reported' },
  faults: {
    hanging: () => hf({ endpointUrl: server.faultURL('hang') }),
    rateLimited: {
      create: () => hf({ endpointUrl: server.faultURL('429') }),
      retryAfterMs: HF_RETRY_AFTER_S * 1000,
    },
    serverError: () => hf({ endpointUrl: server.faultURL('503') }),
    badRequest: () => hf({ apiKey: 'hf_testWrongToken00000000' }),
  },
  lastRequest: mappedBack,
});

await runProviderConformance({
  name: 'huggingface (text generation on a dedicated endpoint)',
  create: () => hf({ task: 'text-generation' }),
  capabilities: { chat: false, usage: 'reported' },
  faults: {
    hanging: () => hf({ task: 'text-generation', endpointUrl: server.faultURL('hang') }),
    rateLimited: {
      create: () => hf({ task: 'text-generation', endpointUrl: server.faultURL('429') }),
      retryAfterMs: HF_RETRY_AFTER_S * 1000,
    },
    serverError: () => hf({ task: 'text-generation', endpointUrl: server.faultURL('500') }),
    badRequest: () => hf({ task: 'text-generation', endpointUrl: server.faultURL('400') }),
  },
  lastRequest: mappedBack,
});

/** A provider on Inference Providers (the router), its requests sent to the local server. */
function routed(
  overrides: Partial<HuggingFaceProviderOptions> = {},
  fault?: Parameters<typeof server.routing>[0],
) {
  const routing = server.routing(fault);
  const provider = createHuggingFaceProvider({
    model: MODEL,
    apiKey: TOKEN,
    fetch: routing.fetch,
    ...overrides,
  });
  return { provider, urls: routing.urls };
}

await runProviderConformance({
  name: 'huggingface (chat through Inference Providers)',
  create: () => routed().provider,
  capabilities: { chat: true, usage: 'reported' },
  faults: {
    hanging: () => routed({}, 'hang').provider,
    rateLimited: { create: () => routed({}, '429').provider, retryAfterMs: HF_RETRY_AFTER_S * 1000 },
    serverError: () => routed({}, '500').provider,
    badRequest: () => routed({}, '401').provider,
  },
  lastRequest: () => {
    const body = lastUnder('/router/v1/chat/completions').body;
    return { maxTokens: body.max_tokens as number, stop: body.stop as string[] };
  },
});

describe('huggingface: capabilities', () => {
  it('declares chat, system prompt and logprobs for the chat task, seed always, embed only with an embedding model', () => {
    expect(hf({ maxConcurrency: 3 }).capabilities).toEqual({
      generate: true,
      chat: true,
      logLikelihood: false,
      embed: true,
      streaming: false,
      logprobs: true,
      systemPrompt: true,
      seed: true,
      tools: true,
      structuredOutput: 'json_schema',
      maxConcurrency: 3,
    });
    const textgen = hf({ task: 'text-generation', embeddingEndpointUrl: undefined });
    expect(textgen.capabilities).toMatchObject({
      chat: false,
      systemPrompt: false,
      logprobs: false,
      seed: true,
      embed: false,
      tools: false,
      structuredOutput: false,
    });
    expect(textgen.embed).toBeUndefined();
    const byModel = createHuggingFaceProvider({
      model: MODEL,
      apiKey: TOKEN,
      embeddingModel: 'org/embedder',
    });
    expect(byModel.capabilities.embed).toBe(true);
    expect(typeof byModel.embed).toBe('function');
  });

  it('refuses an unknown task when created', () => {
    expect(() => createHuggingFaceProvider({ model: MODEL, task: 'summarize' as 'chat' })).toThrow(
      /task must be chat or text-generation/,
    );
  });

  it('calls a client given in the options with the route, a recording fetch and no SDK retries', async () => {
    const seen: { args: Record<string, unknown>; options: Record<string, unknown> | undefined }[] = [];
    const output = {
      id: 'x',
      created: 1,
      model: MODEL,
      choices: [{ message: { content: 'from client' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 2 },
    };
    const client: HuggingFaceInferenceClient = {
      chatCompletion: async (args, options) => {
        seen.push({ args, options: options as Record<string, unknown> | undefined });
        return output;
      },
      textGeneration: async () => ({}),
      featureExtraction: async () => [],
    };
    const result = await createHuggingFaceProvider({ model: MODEL, client }).generate({ prompt: 'Hi' });
    expect(result).toMatchObject({
      text: 'from client',
      finishReason: 'stop',
      usage: { inputTokens: 3, outputTokens: 2 },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.args).toMatchObject({
      model: MODEL,
      provider: 'auto',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect('endpointUrl' in (seen[0]?.args ?? {}) && seen[0]?.args.endpointUrl === undefined).toBe(true);
    expect(seen[0]?.args).not.toHaveProperty('accessToken');
    expect(seen[0]?.options?.retry_on_error).toBe(false);
    expect(typeof seen[0]?.options?.fetch).toBe('function');
    expect(seen[0]?.options?.signal).toBeInstanceOf(AbortSignal);
  });

  it('accepts an InferenceClient as its client type', async () => {
    const { InferenceClient } = await import('@huggingface/inference');
    const client: HuggingFaceInferenceClient = new InferenceClient(TOKEN);
    expect(typeof client.chatCompletion).toBe('function');
  });
});

describe('huggingface: chat completion on a dedicated endpoint', () => {
  it('posts the OpenAI-compatible body to <endpoint>/v1/chat/completions with the token', async () => {
    await hf({ headers: { 'x-custom': 'yes' }, billTo: 'my-org' }).generate({
      prompt: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hello.' },
      ],
      maxTokens: 12,
      temperature: 0,
      topP: 0.5,
      stop: ['END'],
      seed: 42,
      extra: { frequency_penalty: 0.1 },
    });
    const record = lastEndpointCall();
    expect(record.path).toBe('/v1/chat/completions');
    expect(record.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(record.headers['x-custom']).toBe('yes');
    expect(record.headers['x-hf-bill-to']).toBe('my-org');
    expect(record.body).toEqual({
      model: MODEL,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hello.' },
      ],
      max_tokens: 12,
      temperature: 0,
      top_p: 0.5,
      stop: ['END'],
      seed: 42,
      frequency_penalty: 0.1,
    });
  });

  it('does not repeat /v1 when the endpoint URL ends with it', async () => {
    const before = server.requests.length;
    await hf({ endpointUrl: `${server.baseURL}/v1` }).generate({ prompt: 'Say hello.' });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/v1/chat/completions']);
  });

  it('sends no Authorization header to an endpoint when no key is given', async () => {
    const result = await hf({ apiKey: undefined }).generate({ prompt: 'Say hello.' });
    expect(result.text).toBe('Hello there');
    expect(lastEndpointCall().headers.authorization).toBeUndefined();
  });

  it('reports usage and maps TGI finish reasons', async () => {
    const done = await hf().generate({ prompt: 'Say hello.' });
    expect(done).toMatchObject({
      text: 'Hello there',
      finishReason: 'stop',
      usage: { inputTokens: 2, outputTokens: 2 },
    });
    const long = await hf().generate({ prompt: 'Long answer please', maxTokens: 3 });
    expect(long).toMatchObject({ text: 'one two three', finishReason: 'length', usage: { outputTokens: 3 } });
    expect(done.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('cuts a stop sequence the server kept in the text (as TGI does)', async () => {
    const result = await hf().generate({ prompt: 'Count: 1, 2, 3', stop: ['\n\n'] });
    expect(lastEndpointCall().body.stop).toEqual(['\n\n']);
    expect(result.text).toBe('4, 5, 6');
    expect(result.finishReason).toBe('stop');
  });

  it('reports a 0 token count for existing text as unknown', async () => {
    const result = await hf().generate({ prompt: 'Uncounted' });
    expect(result.usage).toEqual({ inputTokens: undefined, outputTokens: undefined });
  });

  it('returns logprobs and top logprobs when asked', async () => {
    const result = await hf().generate({ prompt: 'Say hello.', logprobs: true, topLogprobs: 2 });
    const body = lastEndpointCall().body;
    expect(body.logprobs).toBe(true);
    expect(body.top_logprobs).toBe(2);
    expect(result.logprobs).toEqual([
      {
        token: 'Hello',
        logprob: -0.25,
        top: [
          { token: 'Hello#0', logprob: -0.25 },
          { token: 'Hello#1', logprob: -1.25 },
        ],
      },
      {
        token: 'there',
        logprob: -0.5,
        top: [
          { token: 'there#0', logprob: -0.5 },
          { token: 'there#1', logprob: -1.5 },
        ],
      },
    ]);
    const plain = await hf().generate({ prompt: 'Say hello.', logprobs: true });
    expect(lastEndpointCall().body).not.toHaveProperty('top_logprobs');
    expect(plain.logprobs).toEqual([
      { token: 'Hello', logprob: -0.25 },
      { token: 'there', logprob: -0.5 },
    ]);
    const none = await hf().generate({ prompt: 'Say hello.' });
    expect(lastEndpointCall().body).not.toHaveProperty('logprobs');
    expect(none.logprobs).toBeUndefined();
  });

  it('keeps raw only when includeRaw is true', async () => {
    expect(await hf().generate({ prompt: 'Say hello.' })).not.toHaveProperty('raw');
    const withRaw = await hf({ includeRaw: true }).generate({ prompt: 'Say hello.' });
    expect((withRaw.raw as { object?: string }).object).toBe('chat.completion');
  });
});

describe('huggingface: text generation', () => {
  it('posts the prompt and parameters to <endpoint>/v1/completions and reads finish reason and usage', async () => {
    const result = await hf({ task: 'text-generation' }).generate({
      prompt: 'Long story',
      maxTokens: 4,
      temperature: 0.7,
      topP: 0.9,
      stop: ['nine'],
      seed: 7,
    });
    const record = lastEndpointCall();
    expect(record.path).toBe('/v1/completions');
    expect(record.body).toMatchObject({
      model: MODEL,
      prompt: 'Long story',
      max_tokens: 4,
      temperature: 0.7,
      top_p: 0.9,
      stop: ['nine'],
      seed: 7,
      return_full_text: false,
    });
    expect(result).toMatchObject({
      text: 'one two three four',
      finishReason: 'length',
      usage: { inputTokens: 2, outputTokens: 4 },
    });
  });

  it('refuses chat messages before any request', async () => {
    const before = server.requests.length;
    const error = await callError(
      hf({ task: 'text-generation' }).generate({ prompt: [{ role: 'user', content: 'Hi' }] }),
    );
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/takes a string prompt/);
    expect(server.requests.length).toBe(before);
  });

  it('goes through the provider the Hub names, on the router, with provider auto', async () => {
    const { provider, urls } = routed({ model: 'org/routed-textgen', task: 'text-generation' });
    const result = await provider.generate({ prompt: 'Say hello.', maxTokens: 5 });
    expect(result.text).toBe('Hello there');
    expect(urls.map((u) => new URL(u).pathname)).toEqual([
      '/api/models/org/routed-textgen',
      '/hf-inference/models/org/routed-textgen/v1/completions',
    ]);
    expect(new URL(urls[1] ?? '').hostname).toMatch(/^router\./);
    expect(lastUnder('/router/hf-inference/').headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('huggingface: Inference Providers', () => {
  it('sends chat to the router with the model name verbatim and no Hub lookup (provider auto)', async () => {
    const { provider, urls } = routed({ model: 'meta-llama/Llama-3.1-8B-Instruct:fastest' });
    await provider.generate({ prompt: 'Say hello.', maxTokens: 9 });
    expect(urls).toHaveLength(1);
    const url = new URL(urls[0] ?? '');
    expect(url.hostname).toMatch(/^router\./);
    expect(url.pathname).toBe('/v1/chat/completions');
    const record = lastUnder('/router/v1/chat/completions');
    expect(record.body.model).toBe('meta-llama/Llama-3.1-8B-Instruct:fastest');
    expect(record.body.max_tokens).toBe(9);
    expect(record.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('with a named provider, looks its model id up on the Hub and calls that provider on the router', async () => {
    const { provider, urls } = routed({ model: 'org/routed-chat', provider: 'together' });
    const result = await provider.generate({ prompt: 'Say hello.' });
    expect(result.text).toBe('Hello there');
    expect(urls.map((u) => new URL(u).pathname)).toEqual([
      '/api/models/org/routed-chat',
      '/together/v1/chat/completions',
    ]);
    expect(lastUnder('/router/together/').body.model).toBe('org/Routed-Chat-Turbo');
  });

  it('fails fast without a token, naming HF_TOKEN, and sends nothing', async () => {
    const routing = server.routing();
    const provider = createHuggingFaceProvider({ model: MODEL, fetch: routing.fetch });
    const error = await callError(provider.generate({ prompt: 'Hi' }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('HF_TOKEN');
    expect(error.message).toContain('apiKey');
    expect(routing.urls).toEqual([]);
  });
});

/** Same number of vectors, each equal to the expected one within float rounding. */
function expectClose(actual: number[][] | undefined, expected: number[][]): void {
  expect(actual?.map((v) => v.length)).toEqual(expected.map((v) => v.length));
  for (const [i, vector] of (actual ?? []).entries()) {
    for (const [k, x] of vector.entries()) expect(x).toBeCloseTo(expected[i]?.[k] ?? Number.NaN, 12);
  }
}

describe('huggingface: embeddings', () => {
  const texts = ['a cat sat', 'quarterly revenue grew fast', 'ok', 'a cat sat', 'the end'];

  it('returns one pooled vector per text in order, in batches', async () => {
    const before = server.requestsUnder('/embed').length;
    const vectors = await hf({ embeddingBatchSize: 2 }).embed?.(texts);
    const batches = server.requestsUnder('/embed').slice(before);
    expect(batches.map((r) => r.body.inputs)).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    expect(vectors).toEqual(texts.map(pooledVector));
    expect(vectors?.[0]).not.toEqual(vectors?.[1]);
  });

  it('mean-pools token-level vectors', async () => {
    const vectors = await hf({ embeddingEndpointUrl: `${server.baseURL}/embed-tokens` }).embed?.(texts);
    expectClose(vectors, texts.map(pooledVector));
    expect(
      meanPool([
        [1, 2],
        [3, 6],
      ]),
    ).toEqual([2, 4]);
  });

  it('pools a single text answered with its token matrix', async () => {
    const vectors = await hf({ embeddingEndpointUrl: `${server.baseURL}/embed-tokens` }).embed?.([
      'three word text',
    ]);
    expectClose(vectors, [pooledVector('three word text')]);
  });

  it('uses feature extraction on Inference Providers with embeddingModel', async () => {
    const { provider, urls } = routed({ embeddingModel: 'org/routed-embedder' });
    const vectors = await provider.embed?.(['hello world']);
    expect(vectors).toEqual([pooledVector('hello world')]);
    expect(urls.map((u) => new URL(u).pathname)).toEqual([
      '/api/models/org/routed-embedder',
      '/hf-inference/models/org/routed-embedder/pipeline/feature-extraction',
    ]);
    expect(lastUnder('/router/hf-inference/models/org/routed-embedder').body).toEqual({
      inputs: ['hello world'],
    });
  });

  it('embeds no texts without a request', async () => {
    const before = server.requests.length;
    expect(await hf().embed?.([])).toEqual([]);
    expect(server.requests.length).toBe(before);
  });
});

describe('huggingface: errors', () => {
  const secretFree = (error: ProviderCallError, secret: string): void => {
    expect(error.message).not.toContain(secret);
    expect(error.responseBody ?? '').not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(secret);
  };

  it('a refused token is a 401 naming HF_TOKEN that never contains the token', async () => {
    const wrong = 'hf_testRefusedToken987654321';
    const error = await callError(hf({ apiKey: wrong }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('HF_TOKEN');
    expect(error.message).toContain('Invalid credentials');
    secretFree(error, wrong);
    secretFree(error, TOKEN);
  });

  it('a 429 is retryable with retryAfterMs from Retry-After and the vendor message', async () => {
    const error = await callError(hf({ endpointUrl: server.faultURL('429') }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.retryAfterMs).toBe(HF_RETRY_AFTER_S * 1000);
    expect(error.message).toContain('Rate limit reached');
  });

  it('a 500 on chat keeps the vendor message rather than the SDK paraphrase', async () => {
    const error = await callError(hf({ endpointUrl: server.faultURL('500') }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('CUDA error: device-side assert triggered');
    expect(error.message).not.toMatch(/does not seem to support/);
    expect(error.responseBody).toContain('generation');
  });

  it('a 400 is not retryable and says what to check', async () => {
    const error = await callError(hf({ endpointUrl: server.faultURL('400') }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('Input validation error');
    expect(error.message).toMatch(/check the model parameters/);
  });

  it('a Hub 404 for an unknown model is not retryable and names the model', async () => {
    const { provider } = routed({ model: 'org/unknown-model', task: 'text-generation' });
    const error = await callError(provider.generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(404);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('Repository not found');
    expect(error.message).toContain('org/unknown-model');
  });

  it.each([
    ['503', 'chat'],
    ['429', 'chat'],
    ['500', 'chat'],
    ['503', 'text-generation'],
  ] as const)('sends exactly one request for a failing call (%s, %s: no SDK retries)', async (kind, task) => {
    const count = () => server.requestsUnder(`/fault/${kind}/`).length;
    const before = count();
    const error = await callError(
      hf({ endpointUrl: server.faultURL(kind), task }).generate({ prompt: 'Hi' }),
    );
    expect(count() - before).toBe(1);
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBe(Number(kind));
  });

  it('an answer in an unexpected format is not retryable and says what to check', async () => {
    const error = await callError(
      hf({ endpointUrl: server.faultURL('malformed') }).generate({ prompt: 'Hi' }),
    );
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/not a chat completion result/);
  });

  it('an embedding answer with too few vectors is not retryable', async () => {
    const provider = hf({ embeddingEndpointUrl: `${server.baseURL}/embed-short` });
    const error = await callError(provider.embed?.(['x', 'y z']) ?? Promise.resolve());
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/unexpected shape: expected 2 vector/);
  });

  it('an embedding answer that is not an array is not retryable', async () => {
    const error = await callError(
      hf({ embeddingEndpointUrl: server.faultURL('malformed') }).embed?.(['x']) ?? Promise.resolve(),
    );
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/not a feature extraction result/);
  });

  it('the automatic router refuses a non-Hugging Face key clearly', async () => {
    const { provider, urls } = routed({ apiKey: 'sk-other-provider-key-000000' });
    const error = await callError(provider.generate({ prompt: 'Hi' }));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/needs a Hugging Face token/);
    expect(urls).toEqual([]);
    secretFree(error, 'sk-other-provider-key-000000');
  });

  it('a connection failure is retryable and has no status', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const error = await callError(hf({ endpointUrl: `http://127.0.0.1:${port}` }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBe(true);
  });

  it('a call past timeoutMs is retryable', async () => {
    const error = await callError(
      hf({ endpointUrl: server.faultURL('hang'), timeoutMs: 50 }).generate({ prompt: 'Hi' }),
    );
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('no answer within 50 ms');
  });
});

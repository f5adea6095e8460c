import { inspect } from 'node:util';
import { createOpenAICompatible, OpenAICompatibleEmbeddingModel } from '@ai-sdk/openai-compatible';
import { runProviderConformance } from '@benchhub/core/testing';
import { createAISdkProvider } from '@benchhub/providers/ai-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { type AISdkServerMode, startAISdkTestServer, testVector } from './support/ai-sdk-server.js';
import { callError } from './support/call-error.js';

const FAKE_KEY = 'sk-benchhub-fake-0123456789abcdef';
const server = await startAISdkTestServer();
afterAll(() => server.close());

/** A real AI SDK provider package, pointed at one mode of the local server. */
function compatible(mode: AISdkServerMode, apiKey = FAKE_KEY) {
  return createOpenAICompatible({ baseURL: server.url(mode), name: 'local', apiKey });
}

function providerFor(mode: AISdkServerMode) {
  const local = compatible(mode);
  return createAISdkProvider(local.chatModel('Qwen/Qwen2.5-7B-Instruct'), {
    embeddingModel: local.embeddingModel('nomic-embed-text'),
  });
}

function lastChatBody(): Record<string, unknown> | undefined {
  return server.chatBodies.at(-1);
}

await runProviderConformance({
  name: 'ai-sdk (openai-compatible)',
  create: () => providerFor('ok'),
  capabilities: { chat: true, embed: true, usage: 'reported' },
  faults: {
    hanging: () => providerFor('hang'),
    rateLimited: { create: () => providerFor('rate-limited'), retryAfterMs: 2000 },
    serverError: () => providerFor('server-error'),
    badRequest: () => providerFor('bad-request'),
  },
  lastRequest: () => {
    const body = lastChatBody();
    if (body === undefined) return undefined;
    return {
      ...(typeof body.max_tokens === 'number' ? { maxTokens: body.max_tokens } : {}),
      ...(Array.isArray(body.stop) ? { stop: body.stop as string[] } : {}),
    };
  },
});

describe('ai-sdk bridge over @ai-sdk/openai-compatible', () => {
  it('names the model <family>/<model id> under provider id ai-sdk, keeping every character', () => {
    const p = providerFor('ok');
    expect(p.providerId).toBe('ai-sdk');
    expect(p.modelId).toBe('local/Qwen/Qwen2.5-7B-Instruct');
  });

  it('sends the request as the OpenAI wire format and reads text, finish reason and usage back', async () => {
    const p = providerFor('ok');
    const result = await p.generate({
      prompt: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'one two three four five six' },
      ],
      maxTokens: 3,
      temperature: 0,
      topP: 0.5,
      seed: 7,
      stop: ['STOP'],
      extra: { reasoning_effort: 'low', custom_flag: true },
    });
    const body = lastChatBody();
    expect(body).toMatchObject({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'one two three four five six' },
      ],
      max_tokens: 3,
      temperature: 0,
      top_p: 0.5,
      seed: 7,
      stop: ['STOP'],
      reasoning_effort: 'low',
      custom_flag: true,
    });
    expect(result.text).toBe('Echo: one two');
    expect(result.finishReason).toBe('length');
    expect(result.usage).toEqual({ inputTokens: 8, outputTokens: 3 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.raw).toBeUndefined();
  });

  it('leaves parameters the request does not set out of the body', async () => {
    await providerFor('ok').generate({ prompt: 'hello' });
    const body = lastChatBody() ?? {};
    for (const field of ['max_tokens', 'temperature', 'top_p', 'seed', 'stop']) {
      expect(body[field], field).toBeUndefined();
    }
  });

  it('stops at a stop sequence with finish reason stop', async () => {
    const result = await providerFor('ok').generate({ prompt: 'alpha END beta', stop: ['END'] });
    expect(result.text).toBe('Echo: alpha ');
    expect(result.finishReason).toBe('stop');
  });

  it('keeps the response body as raw only when includeRaw is set', async () => {
    const local = compatible('ok');
    const p = createAISdkProvider(local.chatModel('m'), { includeRaw: true });
    const result = await p.generate({ prompt: 'raw please' });
    const raw = result.raw as { body: { choices: { message: { content: string } }[] } };
    expect(raw.body.choices[0]?.message.content).toBe('Echo: raw please');
    expect(inspect(raw, { depth: null })).not.toContain(FAKE_KEY);
  });

  it('maps a 429 with Retry-After to a retryable error with retryAfterMs and the vendor message', async () => {
    const error = await callError(providerFor('rate-limited').generate({ prompt: 'hi' }));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
    expect(error.message).toContain('Rate limit reached for requests per minute');
    expect(error.provider).toBe('ai-sdk');
    expect(error.model).toBe('local/Qwen/Qwen2.5-7B-Instruct');
  });

  it('maps a 400 to a non-retryable error that says to check the parameters', async () => {
    const error = await callError(providerFor('bad-request').generate({ prompt: 'hi' }));
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain("Invalid value for 'temperature'");
    expect(error.message).toMatch(/check the model parameters/);
  });

  it('fails fast on a 401, names the fix, and never shows the key', async () => {
    const before = server.authorizations.length;
    const p = createAISdkProvider(compatible('unauthorized').chatModel('gpt-4o-mini'));
    const error = await callError(p.generate({ prompt: 'hi' }));
    // The key did reach the server, which echoed it in its message: the redaction is what hides it.
    expect(server.authorizations.slice(before)).toContain(`Bearer ${FAKE_KEY}`);
    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('Incorrect API key provided');
    expect(error.message).toMatch(
      /API key was refused: check the apiKey option of the AI SDK provider factory/,
    );
    for (const text of [
      error.message,
      error.responseBody ?? '',
      inspect(error, { depth: null }),
      JSON.stringify(error),
    ]) {
      expect(text).not.toContain(FAKE_KEY);
    }
  });

  it('names a custom key source in the 401 message', async () => {
    const p = createAISdkProvider(compatible('unauthorized').chatModel('gpt-4o-mini'), {
      keyHint: 'LOCAL_API_KEY',
    });
    const error = await callError(p.generate({ prompt: 'hi' }));
    expect(error.message).toMatch(/check LOCAL_API_KEY/);
  });

  it('maps a refused connection to a retryable error without status', async () => {
    const closed = await startAISdkTestServer();
    const url = closed.url('ok');
    await closed.close();
    const p = createAISdkProvider(
      createOpenAICompatible({ baseURL: url, name: 'gone', apiKey: FAKE_KEY })('m'),
    );
    const error = await callError(p.generate({ prompt: 'hi' }));
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBe(true);
  });

  it('fails a call that outlives timeoutMs with a retryable error and aborts the request', async () => {
    const p = createAISdkProvider(compatible('hang').chatModel('m'), { timeoutMs: 50 });
    const error = await callError(p.generate({ prompt: 'hi' }));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/no answer within 50 ms \(timeoutMs\)/);
  });

  it('embeds through the embedding model, one vector per text in order', async () => {
    const p = providerFor('ok');
    const texts = ['first text', 'second text', 'third text'];
    const vectors = await p.embed?.(texts);
    expect(vectors).toEqual(texts.map(testVector));
    expect(server.embeddingInputs.at(-1)).toEqual(texts);
  });

  it('splits embeddings by the model limit (embedMany) and keeps the order across requests', async () => {
    const model = new OpenAICompatibleEmbeddingModel('tiny-embed', {
      provider: 'local.embedding',
      url: ({ path }) => `${server.url('ok')}${path}`,
      headers: () => ({ authorization: `Bearer ${FAKE_KEY}` }),
      maxEmbeddingsPerCall: 2,
      supportsParallelCalls: true,
    });
    const p = createAISdkProvider(compatible('ok').chatModel('m'), { embeddingModel: model });
    const before = server.embeddingInputs.length;
    const texts = ['a', 'b', 'c', 'd', 'e'];
    const vectors = await p.embed?.(texts);
    expect(vectors).toEqual(texts.map(testVector));
    const batches = server.embeddingInputs.slice(before);
    expect(batches.map((b) => b.length).sort()).toEqual([1, 2, 2]);
    expect(batches.flat().sort()).toEqual(texts);
  });

  it('answers an empty embed call without a request', async () => {
    const before = server.embeddingInputs.length;
    expect(await providerFor('ok').embed?.([])).toEqual([]);
    expect(server.embeddingInputs.length).toBe(before);
  });

  it('maps an embeddings error to a ProviderCallError naming the embedding model', async () => {
    const error = await callError(providerFor('server-error').embed?.(['x']) ?? Promise.resolve());
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBe(true);
    expect(error.model).toBe('local/nomic-embed-text');
  });
});

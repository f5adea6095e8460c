import { createServer } from 'node:net';
import { inspect } from 'node:util';
import type { GenerateRequest, ModelProviderV1, ProviderCallError } from '@benchhub/core';
import { runProviderConformance } from '@benchhub/core/testing';
import { type AnthropicProviderOptions, createAnthropicProvider } from '@benchhub/providers/anthropic';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AnthropicServerRecord,
  RATE_LIMIT_RESET_S,
  RATE_LIMIT_RETRY_AFTER_S,
  startAnthropicServer,
} from './support/anthropic-server.js';
import { callError } from './support/call-error.js';

const KEY = 'sk-ant-test-0123456789abcdefXYZ';
const MODEL = 'claude-test-1';

const server = await startAnthropicServer({
  apiKey: KEY,
  answer: (body) => {
    const last = (body.messages as { content: string }[]).at(-1)?.content ?? '';
    if (last.startsWith('Count')) return '4, 5, 6\n\nEND of list';
    if (last.startsWith('Long')) return 'one two three four five six seven eight nine ten';
    if (last.startsWith('Refuse')) return { text: '', stopReason: 'refusal', outputTokens: 2 };
    if (last.startsWith('Window')) return { text: 'cut', stopReason: 'model_context_window_exceeded' };
    if (last.startsWith('Tool')) return { text: 'calling', stopReason: 'tool_use' };
    if (last.startsWith('Cached'))
      return { text: 'hi', inputTokens: 10, outputTokens: 1, cacheReadInputTokens: 90 };
    return 'Hello there';
  },
});
afterAll(() => server.close());

function anthropic(overrides: Partial<AnthropicProviderOptions> = {}): ModelProviderV1 {
  return createAnthropicProvider({ model: MODEL, apiKey: KEY, baseURL: server.baseURL, ...overrides });
}

function lastHealthy(): AnthropicServerRecord {
  const record = server.healthyRequests().at(-1);
  if (record === undefined) throw new Error('no request reached the server');
  return record;
}

/** The stop sequences of the latest `generate` call made through `recording`. */
let lastStop: readonly string[] | undefined;
function recording(provider: ModelProviderV1): ModelProviderV1 {
  return {
    ...provider,
    generate: (request: GenerateRequest, options) => {
      lastStop = request.stop;
      return provider.generate(request, options);
    },
  };
}

await runProviderConformance({
  name: 'anthropic',
  create: () => recording(anthropic()),
  capabilities: { chat: true, usage: 'reported' },
  faults: {
    hanging: () => anthropic({ baseURL: server.faultURL('hang') }),
    rateLimited: {
      create: () => anthropic({ baseURL: server.faultURL('429') }),
      retryAfterMs: RATE_LIMIT_RETRY_AFTER_S * 1000,
    },
    serverError: () => anthropic({ baseURL: server.faultURL('529') }),
    badRequest: () => anthropic({ apiKey: 'sk-ant-test-wrong-key-000000' }),
  },
  // Whitespace-only stop sequences never reach the API, which refuses them with HTTP 400; the adapter
  // cuts the text at them itself (checked below). Every other stop sequence must be in the body.
  lastRequest: () => {
    const body = lastHealthy().body;
    const sent = (body.stop_sequences as string[] | undefined) ?? [];
    return {
      maxTokens: body.max_tokens as number,
      stop: (lastStop ?? []).filter((s) => s.trim() === '' || sent.includes(s)),
    };
  },
});

describe('anthropic: capabilities', () => {
  it('declares what the Messages API can do, and nothing more', () => {
    const p = anthropic({ maxConcurrency: 4 });
    expect(p.providerId).toBe('anthropic');
    expect(p.capabilities).toEqual({
      generate: true,
      chat: true,
      logLikelihood: false,
      embed: false,
      streaming: false,
      logprobs: false,
      systemPrompt: true,
      seed: false,
      temperature: false,
      tools: true,
      structuredOutput: 'json_schema',
      maxConcurrency: 4,
    });
    // An API version from before sampling parameters were dropped takes temperature and top_p again.
    expect(anthropic({ apiVersion: '2023-06-01' }).capabilities.temperature).toBe(true);
    expect(p.logLikelihood).toBeUndefined();
    expect(p.embed).toBeUndefined();
    expect(anthropic({ providerId: 'claude-proxy' }).providerId).toBe('claude-proxy');
  });
});

describe('anthropic: request shape', () => {
  it('sends a string prompt as one user message, with no system parameter', async () => {
    await anthropic().generate({ prompt: 'Say hello.', maxTokens: 20 });
    const body = lastHealthy().body;
    expect(body.messages).toEqual([{ role: 'user', content: 'Say hello.' }]);
    expect(body).not.toHaveProperty('system');
    expect(body.model).toBe(MODEL);
    expect(body.max_tokens).toBe(20);
  });

  it('puts system messages in the system parameter and merges consecutive turns of one role', async () => {
    await anthropic().generate({
      prompt: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Q1' },
        { role: 'user', content: 'Q1, more' },
        { role: 'assistant', content: 'A1' },
        { role: 'system', content: 'Answer in English.' },
        { role: 'user', content: 'Q2' },
      ],
    });
    const body = lastHealthy().body;
    expect(body.system).toBe('You are terse.\n\nAnswer in English.');
    expect(body.messages).toEqual([
      { role: 'user', content: 'Q1\n\nQ1, more' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'Q2' },
    ]);
  });

  it('refuses a prompt with only system messages before any request', async () => {
    const before = server.requests.length;
    const error = await callError(
      anthropic().generate({ prompt: [{ role: 'system', content: 'Only rules.' }] }),
    );
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/no user or assistant message/);
    expect(server.requests.length).toBe(before);
  });

  it('sends max_tokens 1024 by default, or defaultMaxTokens', async () => {
    await anthropic().generate({ prompt: 'Say hello.' });
    expect(lastHealthy().body.max_tokens).toBe(1024);
    await anthropic({ defaultMaxTokens: 77 }).generate({ prompt: 'Say hello.' });
    expect(lastHealthy().body.max_tokens).toBe(77);
  });

  it('sends the key, the anthropic-version header and custom headers', async () => {
    await anthropic({ headers: { 'anthropic-beta': 'test-beta-1' } }).generate({ prompt: 'Say hello.' });
    const headers = lastHealthy().headers;
    const key = headers['x-api-key'] ?? /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    expect(key).toBe(KEY);
    expect(headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(headers['anthropic-beta']).toBe('test-beta-1');
  });

  it('keeps the model name verbatim', async () => {
    const model = 'vendor/claude-test:v1@2';
    const result = await anthropic({ model }).generate({ prompt: 'Say hello.' });
    expect(lastHealthy().body.model).toBe(model);
    expect(result.text).toBe('Hello there');
  });

  it('leaves temperature and top_p out under the default API version, which refuses them', async () => {
    const result = await anthropic().generate({ prompt: 'Say hello.', temperature: 0, topP: 0.9 });
    expect(result.text).toBe('Hello there');
    const body = lastHealthy().body;
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
  });

  it('sends temperature and top_p with apiVersion 2023-06-01', async () => {
    await anthropic({ apiVersion: '2023-06-01' }).generate({
      prompt: 'Say hello.',
      temperature: 0,
      topP: 0.9,
    });
    const record = lastHealthy();
    expect(record.headers['anthropic-version']).toBe('2023-06-01');
    expect(record.body.temperature).toBe(0);
    expect(record.body.top_p).toBe(0.9);
  });

  it('merges extra into the body', async () => {
    await anthropic().generate({
      prompt: 'Say hello.',
      extra: { metadata: { user_id: 'u-1' }, service_tier: 'auto' },
    });
    const body = lastHealthy().body;
    expect(body.metadata).toEqual({ user_id: 'u-1' });
    expect(body.service_tier).toBe('auto');
  });

  it('uses a client given in the options, with no key', async () => {
    const calls: unknown[] = [];
    const provider = createAnthropicProvider({
      model: MODEL,
      client: {
        messages: {
          create: async (body) => {
            calls.push(body);
            return {
              content: [{ type: 'text', text: 'from client' }],
              stop_reason: 'end_turn',
              usage: { input_tokens: 3, output_tokens: 2 },
            };
          },
        },
      },
    });
    const result = await provider.generate({ prompt: 'Say hello.' });
    expect(result.text).toBe('from client');
    expect(calls).toHaveLength(1);
  });
});

describe('anthropic: stop sequences', () => {
  it('passes stop sequences on; the text stops before them', async () => {
    const result = await anthropic().generate({ prompt: 'Count: 1, 2, 3', stop: ['END'] });
    expect(lastHealthy().body.stop_sequences).toEqual(['END']);
    expect(result.text).toBe('4, 5, 6\n\n');
    expect(result.finishReason).toBe('stop');
  });

  it('cuts the text at whitespace-only stop sequences, which the API refuses, without sending them', async () => {
    const result = await anthropic().generate({
      prompt: 'Count: 1, 2, 3',
      stop: ['\n\n', ' '.repeat(3), 'END'],
    });
    expect(lastHealthy().body.stop_sequences).toEqual(['END']);
    expect(result.text).toBe('4, 5, 6');
    expect(result.finishReason).toBe('stop');
  });

  it('sends no stop_sequences field when every stop sequence is blank', async () => {
    const result = await anthropic().generate({ prompt: 'Count: 1, 2, 3', stop: ['\n\n'] });
    expect(lastHealthy().body).not.toHaveProperty('stop_sequences');
    expect(result.text).toBe('4, 5, 6');
  });
});

describe('anthropic: usage and finish reasons', () => {
  it('reports usage, with prompt-cache reads counted as input', async () => {
    const result = await anthropic().generate({ prompt: 'Cached prompt' });
    expect(result.usage).toEqual({ inputTokens: 100, outputTokens: 1 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['Say hello.', 'stop'],
    ['Long answer please', 'length'],
    ['Refuse this', 'content-filter'],
    ['Window overflow', 'length'],
    ['Tool call', 'tool-calls'],
  ])('maps the stop reason of %j to %s', async (prompt, reason) => {
    const result = await anthropic().generate({ prompt, maxTokens: 5 });
    expect(result.finishReason).toBe(reason);
  });

  it('stops at max_tokens with finish reason length', async () => {
    const result = await anthropic().generate({ prompt: 'Long answer please', maxTokens: 3 });
    expect(result.text).toBe('one two three');
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(3);
  });

  it('keeps raw only when includeRaw is true', async () => {
    const plain = await anthropic().generate({ prompt: 'Say hello.' });
    expect(plain).not.toHaveProperty('raw');
    const withRaw = await anthropic({ includeRaw: true }).generate({ prompt: 'Say hello.' });
    expect((withRaw.raw as { type?: string }).type).toBe('message');
  });
});

describe('anthropic: errors', () => {
  const secretFree = (error: ProviderCallError): void => {
    expect(error.message).not.toContain(KEY);
    expect(error.responseBody ?? '').not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(KEY);
  };

  it('a refused key is a 401 that names ANTHROPIC_API_KEY and never contains the key', async () => {
    const wrong = 'sk-ant-test-refused-key-123456789';
    const error = await callError(anthropic({ apiKey: wrong }).generate({ prompt: 'Say hello.' }));
    expect(error.statusCode).toBe(401);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('ANTHROPIC_API_KEY');
    expect(error.message).toContain('authentication_error');
    for (const text of [
      error.message,
      error.responseBody ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 20 }),
    ]) {
      expect(text).not.toContain(wrong);
    }
    secretFree(error);
  });

  it('no key fails fast, names ANTHROPIC_API_KEY and sends nothing', async () => {
    const before = server.requests.length;
    const error = await callError(
      createAnthropicProvider({ model: MODEL, baseURL: server.baseURL }).generate({ prompt: 'Hi' }),
    );
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('ANTHROPIC_API_KEY');
    expect(error.message).toContain('apiKey');
    expect(error.provider).toBe('anthropic');
    expect(error.model).toBe(MODEL);
    expect(server.requests.length).toBe(before);
  });

  it('529 overloaded is retryable with the vendor message', async () => {
    const error = await callError(anthropic({ baseURL: server.faultURL('529') }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(529);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('overloaded_error: Overloaded');
    expect(error.responseBody).toContain('overloaded_error');
    secretFree(error);
  });

  it('a 400 is not retryable and says to check the parameters', async () => {
    const error = await callError(anthropic({ baseURL: server.faultURL('400') }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('invalid_request_error: messages.0.content');
    expect(error.message).toMatch(/check the model parameters/);
  });

  it('a 429 takes retryAfterMs from retry-after', async () => {
    const error = await callError(anthropic({ baseURL: server.faultURL('429') }).generate({ prompt: 'Hi' }));
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.retryAfterMs).toBe(RATE_LIMIT_RETRY_AFTER_S * 1000);
    expect(error.message).toContain('rate_limit_error');
  });

  it('a 429 without retry-after waits for the exhausted anthropic-ratelimit-*-reset', async () => {
    const error = await callError(
      anthropic({ baseURL: server.faultURL('429-reset') }).generate({ prompt: 'Hi' }),
    );
    expect(error.statusCode).toBe(429);
    // The tokens limit (remaining 0) resets RATE_LIMIT_RESET_S seconds after the server answered, not
    // the requests limit that still has room; the wait is measured from a later clock reading.
    expect(error.retryAfterMs).toBeGreaterThan((RATE_LIMIT_RESET_S - 10) * 1000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(RATE_LIMIT_RESET_S * 1000);
  });

  it.each(['429', '529', '500'] as const)(
    'sends exactly one request for a failing call (%s: no SDK retries)',
    async (kind) => {
      const url = server.faultURL(kind);
      const count = () => server.requests.filter((r) => r.path.startsWith(`/fault/${kind}/`)).length;
      const before = count();
      await callError(anthropic({ baseURL: url }).generate({ prompt: 'Hi' }));
      expect(count() - before).toBe(1);
    },
  );

  it('a connection failure is retryable and has no status', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const error = await callError(
      anthropic({ baseURL: `http://127.0.0.1:${port}` }).generate({ prompt: 'Hi' }),
    );
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/connection/i);
  });

  it('a timeout is retryable', async () => {
    const error = await callError(
      anthropic({ baseURL: server.faultURL('hang'), timeoutMs: 50 }).generate({ prompt: 'Hi' }),
    );
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toMatch(/timed? ?out/i);
  });
});

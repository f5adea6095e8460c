import { type GenerateResult, ProviderCallError } from '@benchhub/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../core/test/support/shared.js';
import { createOpenAIProvider, type OpenAIProviderOptions } from '../src/openai/index.js';
import { type SteadyServer, startSteady } from './support/steady-server.js';

const SPEC = 'specs/openai-openapi.yaml';

/** One exchange as the provider's fetch saw it. */
interface Exchange {
  path: string;
  status: number;
  /** Steady's verdict on the request: `true` when it matched the spec. */
  valid: string | null;
  body: Record<string, unknown>;
}

describeWithShared('openai provider against the official OpenAPI spec (steady mock server)', [SPEC], () => {
  let steady: SteadyServer;
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    exchanges.push({
      path: new URL(input instanceof Request ? input.url : String(input)).pathname,
      status: response.status,
      valid: response.headers.get('x-steady-request-valid'),
      body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>,
    });
    return response;
  };

  beforeAll(async () => {
    steady = await startSteady(sharedPath(SPEC));
  }, 30_000);
  afterAll(async () => {
    await steady?.stop();
  });

  const provider = (options: Partial<OpenAIProviderOptions> = {}) =>
    createOpenAIProvider({
      model: 'gpt-4o-mini',
      apiKey: 'sk-test-spec0000000000',
      baseURL: steady.url,
      fetch: recordingFetch,
      ...options,
    });

  /** The latest exchange must have been accepted by the spec. */
  const expectAccepted = (path: string): Exchange => {
    const last = exchanges.at(-1);
    expect(last?.path).toBe(path);
    expect(last?.status, `steady refused ${JSON.stringify(last?.body)}`).toBe(200);
    expect(last?.valid).toBe('true');
    return last as Exchange;
  };

  const expectParsed = (result: GenerateResult): void => {
    expect(typeof result.text).toBe('string');
    expect(['stop', 'length', 'content-filter', 'tool-calls', 'error', 'other']).toContain(
      result.finishReason,
    );
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    for (const call of result.toolCalls ?? []) {
      expect(typeof call.name).toBe('string');
      expect(typeof call.arguments).toBe('string');
    }
  };

  it('control: steady answers 400 to a request that breaks the spec', async () => {
    const raw = await fetch(`${steady.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-spec0000000000' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'narrator', content: 'hi' }] }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.text()).toContain('body.messages.0.role');

    const error = await provider()
      .generate({ prompt: 'hi', extra: { temperature: 'warm' } })
      .catch((e: unknown) => e);
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false });
    expect(exchanges.at(-1)?.status).toBe(400);
  });

  it('accepts a plain prompt and its response parses', async () => {
    const result = await provider().generate({ prompt: 'Say hello.' });
    expectAccepted('/chat/completions');
    expectParsed(result);
  });

  it('accepts chat messages with a system message', async () => {
    const result = await provider().generate({
      prompt: [
        { role: 'system', content: 'Answer with one letter.' },
        { role: 'user', content: 'A or B?' },
        { role: 'assistant', content: 'A' },
        { role: 'user', content: 'Again?' },
      ],
    });
    expectAccepted('/chat/completions');
    expectParsed(result);
  });

  it('accepts every sampling parameter, with max_completion_tokens and with max_tokens', async () => {
    const request = {
      prompt: 'Count.',
      maxTokens: 16,
      temperature: 0.7,
      topP: 0.9,
      stop: ['\n\n', 'END'],
      seed: 7,
    };
    for (const maxTokensField of ['max_completion_tokens', 'max_tokens'] as const) {
      const result = await provider({ maxTokensField }).generate(request);
      const sent = expectAccepted('/chat/completions');
      expect(sent.body).toMatchObject({ [maxTokensField]: 16, temperature: 0.7, top_p: 0.9, seed: 7 });
      expectParsed(result);
    }
  });

  it('accepts logprobs with top_logprobs and maps the returned tokens', async () => {
    const result = await provider().generate({ prompt: 'Hi', logprobs: true, topLogprobs: 3 });
    const sent = expectAccepted('/chat/completions');
    expect(sent.body).toMatchObject({ logprobs: true, top_logprobs: 3 });
    expectParsed(result);
    expect(Array.isArray(result.logprobs)).toBe(true);
    for (const t of result.logprobs ?? []) {
      expect(typeof t.token).toBe('string');
      expect(typeof t.logprob).toBe('number');
      expect(Array.isArray(t.top)).toBe(true);
    }
  });

  it('control: steady refuses a tool without a name and a response format of an unknown type', async () => {
    const post = async (extra: Record<string, unknown>) => {
      const raw = await fetch(`${steady.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-spec0000000000' },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], ...extra }),
      });
      return { status: raw.status, text: await raw.text() };
    };
    const unnamed = await post({ tools: [{ type: 'function', function: { description: 'x' } }] });
    expect(unnamed.status).toBe(400);
    expect(unnamed.text).toContain('body.tools.0.function');
    const unknown = await post({ response_format: { type: 'json' } });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('body.response_format.type');
  });

  it('accepts tools with every toolChoice, and the response parses', async () => {
    const tools = [
      {
        name: 'get_weather',
        description: 'Current weather of a city',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
      { name: 'get_time', parameters: { type: 'object', properties: {} } },
    ];
    for (const toolChoice of [undefined, 'auto', 'required', { name: 'get_time' }] as const) {
      const result = await provider().generate({
        prompt: 'Weather in Seoul?',
        tools,
        ...(toolChoice === undefined ? {} : { toolChoice }),
      });
      const sent = expectAccepted('/chat/completions');
      expect(sent.body.tools).toHaveLength(2);
      expectParsed(result);
    }
  });

  it('accepts a json_schema response format (strict and not) and JSON mode', async () => {
    const schema = {
      type: 'object',
      properties: { answer: { type: 'string' } },
      required: ['answer'],
      additionalProperties: false,
    };
    const formats = [
      { type: 'json_schema', name: 'answer', schema, strict: true, description: 'One answer' },
      { type: 'json_schema', name: 'answer', schema },
      { type: 'json' },
    ] as const;
    for (const responseFormat of formats) {
      const result = await provider().generate({ prompt: 'Answer in JSON.', responseFormat });
      const sent = expectAccepted('/chat/completions');
      expect(sent.body.response_format).toMatchObject({
        type: responseFormat.type === 'json' ? 'json_object' : 'json_schema',
      });
      expectParsed(result);
    }
  });

  it('accepts an embeddings request and its response parses', async () => {
    const vectors = await provider({ embeddingModel: 'text-embedding-3-small' }).embed?.(['a cat']);
    expectAccepted('/embeddings');
    expect(vectors).toHaveLength(1);
    expect(vectors?.[0]?.every((x) => typeof x === 'number')).toBe(true);
  });

  it('accepts the completions echo request of logLikelihood', async () => {
    // The spec's completion logprobs have no required member, so steady's generated answer echoes
    // nothing: the request shape is what this checks, and the provider must say what is missing.
    const call = provider({ logLikelihood: true }).logLikelihood?.([
      { context: 'The capital of France is', continuation: ' Paris' },
    ]);
    const error = await call?.catch((e: unknown) => e);
    const sent = expectAccepted('/completions');
    expect(sent.body).toEqual({
      model: 'gpt-4o-mini',
      prompt: ['The capital of France is Paris'],
      echo: true,
      logprobs: 1,
      max_tokens: 0,
      temperature: 0,
    });
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect((error as ProviderCallError).message).toContain('did not echo the prompt tokens');
  });
});

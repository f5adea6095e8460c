import { afterEach, describe, expect, it } from 'vitest';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { type FaultServer, startFaultServer } from '../../src/testing/http/fault-server.js';
import { createFaultServerProvider } from '../../src/testing/http/fault-server-provider.js';

const servers: FaultServer[] = [];
async function serve(options: Parameters<typeof startFaultServer>[0]): Promise<FaultServer> {
  const server = await startFaultServer(options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const sampleIdOf = (request: { prompt: unknown }): string | undefined =>
  /\[sample:(\S+?)\]/.exec(
    typeof request.prompt === 'string' ? request.prompt : JSON.stringify(request.prompt),
  )?.[1];

describe('startFaultServer and createFaultServerProvider', () => {
  it('answers chat completions with usage, honours stop and max_tokens, and counts per sample', async () => {
    const server = await serve({ answer: ({ sampleId }) => `Answer for ${sampleId}. END trailing` });
    const provider = createFaultServerProvider({
      baseUrl: server.baseUrl,
      model: 'org/model-7b',
      sampleIdOf,
    });
    const result = await provider.generate({ prompt: '[sample:s1] Q?', stop: ['END'] });
    expect(result).toMatchObject({ text: 'Answer for s1. ', finishReason: 'stop' });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    const cut = await provider.generate({
      prompt: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: '[sample:s2] Q?' },
      ],
      maxTokens: 2,
    });
    expect(cut).toMatchObject({ text: 'Answer f', finishReason: 'length' });
    expect(server.requestsFor('s1')).toBe(1);
    expect(server.requestsFor('s2')).toBe(1);
    expect(server.records[1]?.body).toMatchObject({
      model: 'org/model-7b',
      max_tokens: 2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: '[sample:s2] Q?' },
      ],
    });
  });

  it('maps 429 with Retry-After, 500 and malformed bodies to ProviderCallError', async () => {
    const server = await serve({
      retryAfterMs: 1500,
      script: ['rate-limit', 'server-error', 'malformed'],
    });
    const provider = createFaultServerProvider({ baseUrl: server.baseUrl });
    const errors: ProviderCallError[] = [];
    for (let i = 0; i < 3; i++) {
      errors.push(
        (await provider.generate({ prompt: `q${i}` }).catch((e: unknown) => e)) as ProviderCallError,
      );
    }
    expect(errors.every((e) => ProviderCallError.isInstance(e))).toBe(true);
    expect(errors.map((e) => [e.statusCode, e.isRetryable, e.retryAfterMs])).toEqual([
      [429, true, 1500],
      [500, true, undefined],
      [200, false, undefined],
    ]);
    expect(errors[0]?.message).toContain('Rate limit reached');
    expect(server.records.map((r) => [r.outcome, r.status, r.retryAfterMs])).toEqual([
      ['rate-limit', 429, 1500],
      ['server-error', 500, undefined],
      ['malformed', 200, undefined],
    ]);
  });

  it('holds a timed-out request until the client aborts, and sees the abort', async () => {
    const server = await serve({ script: ['timeout'] });
    const provider = createFaultServerProvider({ baseUrl: server.baseUrl });
    const started = performance.now();
    await expect(provider.generate({ prompt: 'q' }, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await expect(provider.generate({ prompt: 'q2' })).resolves.toMatchObject({ text: 'OK' }); // only call #0 was scripted
    await new Promise((r) => setTimeout(r, 30));
    expect(server.records[0]).toMatchObject({ outcome: 'timeout', aborted: true, status: undefined });
    expect(server.inFlight).toBe(0);
  });

  it('answers 429 above the hidden concurrency cap and tracks the most requests in flight', async () => {
    const server = await serve({ latencyMs: 60, hiddenConcurrencyCap: 4 });
    const provider = createFaultServerProvider({ baseUrl: server.baseUrl });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        provider.generate({ prompt: `q${i}` }).then(
          () => 'ok',
          (e: ProviderCallError) => e.statusCode,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 429)).toHaveLength(6);
    expect(server.maxInFlight).toBe(4);
    expect(server.statusCounts()).toEqual(
      new Map([
        [429, 6],
        [200, 4],
      ]),
    );
    const answered = server.records.filter((r) => r.status === 200);
    for (const r of answered) expect((r.respondedAt ?? 0) - r.arrivedAt).toBeGreaterThanOrEqual(55);
  });

  it('fails a seeded share of requests, the same samples every time', async () => {
    const failedSamples = async (): Promise<string[]> => {
      const server = await serve({ faultRate: 0.3, seed: 11, faultMix: { 'server-error': 1 } });
      const provider = createFaultServerProvider({ baseUrl: server.baseUrl, sampleIdOf });
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          provider.generate({ prompt: `[sample:s${i}] q` }).catch(() => undefined),
        ),
      );
      return server.records
        .filter((r) => r.status === 500)
        .map((r) => r.sampleId ?? '')
        .sort();
    };
    const first = await failedSamples();
    expect(first.length).toBeGreaterThan(15);
    expect(first.length).toBeLessThan(45);
    expect(await failedSamples()).toEqual(first);
  });

  it('refuses unknown routes and invalid bodies', async () => {
    const server = await serve({});
    const notFound = await fetch(`${server.url}/v1/models`);
    expect(notFound.status).toBe(404);
    const bad = await fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', body: '{"model":1}' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/model/);
    const provider = createFaultServerProvider({ baseUrl: `${server.url}/nope` });
    const error = (await provider.generate({ prompt: 'q' }).catch((e: unknown) => e)) as ProviderCallError;
    expect([error.statusCode, error.isRetryable]).toEqual([404, false]);
  });

  it('close() ends held requests and a closed server is a retryable network error', async () => {
    const server = await startFaultServer({ script: () => 'timeout' });
    const provider = createFaultServerProvider({ baseUrl: server.baseUrl });
    const held = provider.generate({ prompt: 'q' }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 30));
    await server.close();
    const error = (await held) as ProviderCallError;
    expect(ProviderCallError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
    const after = (await provider.generate({ prompt: 'q' }).catch((e: unknown) => e)) as ProviderCallError;
    expect([after.statusCode, after.isRetryable]).toEqual([undefined, true]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createFunctionProvider } from '../../src/providers/function-provider.js';
import type { GenerateResult, ModelProviderV1 } from '../../src/spec/model-provider.js';
import { checkProviderConformance, runProviderConformance } from '../../src/testing/conformance/provider.js';
import { type FaultServer, startFaultServer } from '../../src/testing/http/fault-server.js';
import { createFaultServerProvider } from '../../src/testing/http/fault-server-provider.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';

/** Cuts the text at the first stop sequence, as a real backend does. */
function applyStop(text: string, stop: readonly string[] | undefined): string {
  let out = text;
  for (const s of stop ?? []) {
    const at = out.indexOf(s);
    if (at >= 0) out = out.slice(0, at);
  }
  return out;
}

const statusError = (statusCode: number, retryAfterMs?: number) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    isRetryable: statusCode === 429 || statusCode >= 500,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

// --- createFunctionProvider -------------------------------------------------------------------------
let lastFunctionRequest: { maxTokens?: number; stop?: readonly string[] } | undefined;
const echoFunction = () =>
  createFunctionProvider(
    (request) => {
      lastFunctionRequest = {
        ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
        ...(request.stop === undefined ? {} : { stop: request.stop }),
      };
      return applyStop('Hello there. END', request.stop);
    },
    {
      providerId: 'echo',
      modelId: 'echo-1',
      countTokens: (t) => Math.ceil(t.length / 4),
      logLikelihood: async (requests) =>
        requests.map((r) => ({
          logprob: -r.continuation.length / 10,
          isGreedy: r.continuation === ' Paris',
        })),
      embed: async (texts) => texts.map((t) => [t.length, t.split(' ').length, 1]),
    },
  );
const failingFunction = (error: Error) => () =>
  createFunctionProvider(
    () => {
      throw error;
    },
    { providerId: 'echo', modelId: 'echo-1' },
  );

await runProviderConformance({
  name: 'createFunctionProvider',
  create: echoFunction,
  capabilities: { chat: true, logLikelihood: true, embed: true, usage: 'reported' },
  lastRequest: () => lastFunctionRequest,
  faults: {
    hanging: () =>
      createFunctionProvider(() => new Promise<string>(() => {}), { providerId: 'echo', modelId: 'echo-1' }),
    rateLimited: { create: failingFunction(statusError(429, 2000)), retryAfterMs: 2000 },
    serverError: failingFunction(statusError(503)),
    badRequest: failingFunction(statusError(400)),
  },
});

// --- the mock provider ----------------------------------------------------------------------------
let lastMock: ReturnType<typeof createMockProvider> | undefined;
const mock =
  (options: Partial<Parameters<typeof createMockProvider>[0]> = {}) =>
  () => {
    lastMock = createMockProvider({
      respond: (request) => applyStop('Answer: A END', request.stop),
      latency: { distribution: 'uniform', minMs: 1, maxMs: 5 },
      choiceLogprob: ({ continuation }) => -continuation.length,
      embedDimensions: 8,
      ...options,
    });
    return lastMock;
  };

await runProviderConformance({
  name: 'createMockProvider',
  create: mock(),
  capabilities: { logLikelihood: true, embed: true, usage: 'reported' },
  lastRequest: () => lastMock?.calls.at(-1)?.request,
  faults: {
    hanging: mock({ script: () => 'timeout' }),
    rateLimited: {
      create: mock({ faults: { rate: 1, mix: { 'rate-limit': 1 }, retryAfterMs: 750 } }),
      retryAfterMs: 750,
    },
    serverError: mock({ script: () => 'server-error' }),
    badRequest: mock({
      failWith: new ProviderCallError('bad', { provider: 'mock', model: 'mock-model', statusCode: 400 }),
    }),
  },
});

await runProviderConformance({
  name: 'createMockProvider (completion-only)',
  create: mock({ capabilities: { chat: false } }),
  capabilities: { chat: false },
});

// --- the fault server's fetch provider --------------------------------------------------------------
const serverOf = new Map<string, FaultServer>();
const start = async (key: string, options: Parameters<typeof startFaultServer>[0]) => {
  serverOf.set(key, await startFaultServer(options));
};
beforeAll(async () => {
  await start('ok', { answer: () => 'Hello there. END more' });
  await start('hang', { script: () => 'timeout' });
  await start('429', { faultRate: 1, faultMix: { 'rate-limit': 1 }, retryAfterMs: 1200 });
  await start('500', { script: () => ({ kind: 'server-error', statusCode: 502 }) });
});
afterAll(async () => {
  await Promise.all([...serverOf.values()].map((s) => s.close()));
});
const httpProvider = (key: string) => () =>
  createFaultServerProvider({ baseUrl: serverOf.get(key)?.baseUrl ?? 'http://127.0.0.1:9' });

await runProviderConformance({
  name: 'createFaultServerProvider',
  create: httpProvider('ok'),
  capabilities: { chat: true, logLikelihood: false, embed: false, usage: 'reported' },
  lastRequest: () => {
    const body = serverOf.get('ok')?.records.at(-1)?.body;
    return body === undefined
      ? undefined
      : {
          ...(body.max_tokens === undefined ? {} : { maxTokens: body.max_tokens }),
          ...(body.stop === undefined ? {} : { stop: body.stop }),
        };
  },
  faults: {
    hanging: httpProvider('hang'),
    rateLimited: { create: httpProvider('429'), retryAfterMs: 1200 },
    serverError: httpProvider('500'),
    badRequest: () =>
      createFaultServerProvider({ baseUrl: `${serverOf.get('ok')?.url ?? 'http://127.0.0.1:9'}/missing` }),
  },
});

// --- the suite catches broken providers -------------------------------------------------------------
describe('the provider conformance suite fails broken providers', () => {
  const good = echoFunction;
  const failuresOf = async (create: () => ModelProviderV1, extra = {}) =>
    (await checkProviderConformance({ name: 'broken', create, ...extra }))
      .filter((o) => o.status === 'failed')
      .map((o) => `${o.name}: ${(o.error as Error).message}`);

  it('passes a good provider', async () => {
    expect(await failuresOf(good)).toEqual([]);
  });

  it('catches a wrong specification version and capability flags that lie', async () => {
    const failures = await failuresOf(() => ({
      ...good(),
      specificationVersion: 'v2' as 'v1',
      capabilities: { ...good().capabilities, embed: false },
    }));
    expect(failures.join('\n')).toMatch(/specificationVersion must be 'v1'/);
    expect(failures.join('\n')).toMatch(/capabilities.embed is false but embed is function/);
  });

  it('catches fake zero usage and a leaked stop sequence', async () => {
    const answering = (usage: GenerateResult['usage']) => (): ModelProviderV1 => ({
      ...good(),
      generate: async (): Promise<GenerateResult> => ({ text: 'Hello END', finishReason: 'stop', usage }),
    });
    const zero = (await failuresOf(answering({ inputTokens: 0, outputTokens: 0 }))).join('\n');
    expect(zero).toMatch(/usage.inputTokens is 0 for non-empty text/);
    const leaky = await failuresOf(answering({ inputTokens: undefined, outputTokens: undefined }));
    expect(leaky.join('\n')).toMatch(/the stop sequence must not be part of the text/);
    expect(leaky.join('\n')).not.toMatch(/usage\.\w+ is 0/);
  });

  it('catches a provider that ignores aborts', async () => {
    const deaf = (): ModelProviderV1 => ({
      ...good(),
      generate: async (): Promise<GenerateResult> => {
        await new Promise((r) => setTimeout(r, 50));
        return { text: 'late', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } };
      },
    });
    const failures = (await failuresOf(deaf, { abortWithinMs: 200 })).join('\n');
    expect(failures).toMatch(/an aborted call resolved/);
  });

  it('catches errors that are not ProviderCallError or have the wrong retryability', async () => {
    const failures = (
      await failuresOf(good, {
        faults: {
          serverError: () => ({ ...good(), generate: () => Promise.reject(new Error('boom')) }),
          badRequest: failingFunction(
            Object.assign(new Error('400'), { statusCode: 400, isRetryable: true }),
          ),
          rateLimited: { create: failingFunction(statusError(429, 10)), retryAfterMs: 2000 },
        },
      })
    ).join('\n');
    expect(failures).toMatch(/5xx: errors must be ProviderCallError/);
    expect(failures).toMatch(/a 400 must not be retryable/);
    expect(failures).toMatch(/retryAfterMs must be 2000 \(from Retry-After\), got 10/);
  });

  it('catches a token counter that does not count', async () => {
    const failures = (await failuresOf(() => ({ ...good(), countTokens: () => 0 }))).join('\n');
    expect(failures).toMatch(/countTokens must give a positive integer/);
    expect(
      await failuresOf(() => ({ ...good(), countTokens: (t: string) => Math.ceil(t.length / 4) })),
    ).toEqual([]);
  });

  it('catches log-likelihoods and embeddings out of order', async () => {
    const shuffled = (): ModelProviderV1 => {
      const p = good();
      return {
        ...p,
        logLikelihood: async (requests) => requests.map((_, i) => ({ logprob: -(i + 1), isGreedy: i === 0 })),
        embed: async (texts) => texts.map((_, i) => [i, 1]),
      };
    };
    const failures = (await failuresOf(shuffled)).join('\n');
    expect(failures).toMatch(/results must follow the order of the requests/);
    expect(failures).toMatch(/equal texts must get equal vectors/);
  });
});

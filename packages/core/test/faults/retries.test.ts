import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/datasets/sampling/prng.js';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { type FaultServer, startFaultServer } from '../../src/testing/http/fault-server.js';
import { createFaultServerProvider } from '../../src/testing/http/fault-server-provider.js';
import { FAULT_MODEL_ID, faultPlan, sampleIdAt, sampleIdOf } from './support/plan.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const N = 60;
const MAX_ATTEMPTS = 5;
const RETRY_AFTER_MS = 400;
const DOOMED = 'q13';

async function results(storage: ReturnType<typeof createMemoryStorage>, taskId: string) {
  const out: SampleResult[] = [];
  for await (const r of storage.streamResults({ taskId })) out.push(r);
  return out;
}

describe('evaluate against a server where 30% of calls fail', () => {
  it('scores every sample, bounds attempts, honours Retry-After and records a hopeless sample as an error', async () => {
    // Seed 6 fails 28 of the 88 calls this run makes (32%): 429s, 500s and timeouts, at most 3 in a
    // row for one sample; the doomed sample fails on every attempt by script.
    const server = await startFaultServer({
      latencyMs: { distribution: 'uniform', minMs: 5, maxMs: 15 },
      faultRate: 0.3,
      seed: 6,
      retryAfterMs: RETRY_AFTER_MS,
      script: ({ sampleKey }) => (sampleKey === DOOMED ? 'server-error' : undefined),
      answer: ({ sampleId }) => `Answer: ${'ABCD'[Number(sampleId?.slice(1)) % 4]}`,
    });
    servers.push(server);
    const storage = createMemoryStorage();
    const rng = mulberry32(99);
    const result = await evaluate(faultPlan(N), {
      providers: { [FAULT_MODEL_ID]: createFaultServerProvider({ baseUrl: server.baseUrl, sampleIdOf }) },
      storage,
      concurrency: 16,
      timeoutMs: 300,
      retry: {
        maxAttempts: MAX_ATTEMPTS,
        baseDelayMs: 20,
        maxDelayMs: 200,
        random: () => rng.nextUint32() / 2 ** 32,
      },
    });

    // Faults really happened, of every kind.
    const outcomes = server.records.map((r) => r.outcome);
    for (const kind of ['rate-limit', 'server-error', 'timeout'] as const) {
      expect(outcomes.filter((o) => o === kind).length).toBeGreaterThan(3);
    }
    const failedCalls = server.records.filter(
      (r) => r.outcome !== 'answered' && r.sampleId !== DOOMED,
    ).length;
    const calls = server.records.filter((r) => r.sampleId !== DOOMED).length;
    expect(failedCalls / calls).toBeGreaterThan(0.25);

    // Every sample but the doomed one is scored (the model is perfect), once.
    const stored = await results(storage, result.task.id);
    expect(stored).toHaveLength(N);
    expect(new Set(stored.map((r) => r.sampleId)).size).toBe(N);
    for (const r of stored.filter((x) => x.sampleId !== DOOMED)) {
      expect(r.error, r.sampleId).toBeUndefined();
      expect(r.scores.accuracy, r.sampleId).toBe(1);
    }

    // The doomed sample: an error, no score, every attempt used.
    const doomed = stored.find((r) => r.sampleId === DOOMED);
    expect(doomed?.error).toMatchObject({ name: 'ProviderCallError', statusCode: 500 });
    expect(doomed?.scores).toEqual({});
    expect(server.requestsFor(DOOMED)).toBe(MAX_ATTEMPTS);

    // Attempts are bounded, and the results count the calls the server saw.
    for (let i = 0; i < N; i++) {
      const id = sampleIdAt(i);
      expect(server.requestsFor(id), id).toBeGreaterThanOrEqual(1);
      expect(server.requestsFor(id), id).toBeLessThanOrEqual(MAX_ATTEMPTS);
      expect(stored.find((r) => r.sampleId === id)?.attempts, id).toBe(server.requestsFor(id));
    }

    // Retry-After: the retry of a sample arrives no sooner than the server asked, by its own clock
    // (1 ms of slack for timer rounding).
    const rateLimited = server.records.filter((r) => r.outcome === 'rate-limit');
    for (const limited of rateLimited) {
      const retry = server.records.find(
        (r) => r.sampleId === limited.sampleId && r.attempt === limited.attempt + 1,
      );
      expect(retry, `retry of ${limited.sampleId}`).toBeDefined();
      expect((retry?.arrivedAt ?? 0) - (limited.respondedAt ?? 0)).toBeGreaterThanOrEqual(RETRY_AFTER_MS - 1);
    }

    // The failure is left out of the denominator and reported beside the score.
    expect(result.task.status).toBe('SUCCESS');
    expect(result.aggregates).toEqual([
      expect.objectContaining({ modelId: FAULT_MODEL_ID, metric: 'accuracy', value: 1, n: N - 1, errors: 1 }),
    ]);
    expect(result.task.progress).toMatchObject({ total: N, completed: N, failed: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';

const prompts = Array.from({ length: 200 }, (_, i) => `question ${i}`);

describe('createMockProvider fault injection', () => {
  it('fails a seeded share of calls the same way on every run, whatever the call order', async () => {
    const outcomes = async (order: readonly string[]): Promise<Map<string, string>> => {
      const model = createMockProvider({
        responses: 'A',
        faults: { rate: 0.3, mix: { 'rate-limit': 1, 'server-error': 1 } },
        seed: 7,
      });
      const seen = new Map<string, string>();
      await Promise.all(
        order.map((prompt) =>
          model.generate({ prompt }).then(
            () => seen.set(prompt, 'ok'),
            (e: ProviderCallError) => seen.set(prompt, String(e.statusCode)),
          ),
        ),
      );
      return seen;
    };
    const forward = await outcomes(prompts);
    const backward = await outcomes([...prompts].reverse());
    expect(backward).toEqual(forward);
    const failed = [...forward.values()].filter((v) => v !== 'ok');
    expect(failed.length / prompts.length).toBeGreaterThan(0.2);
    expect(failed.length / prompts.length).toBeLessThan(0.4);
    expect(new Set(failed)).toEqual(new Set(['429', '500']));
  });

  it('throws 429 with Retry-After, 500 and malformed bodies as a real adapter would', async () => {
    const model = createMockProvider({
      responses: 'A',
      faults: { rate: 0, retryAfterMs: 1500 },
      script: ['rate-limit', { kind: 'server-error', statusCode: 503 }, 'malformed', undefined],
    });
    const errors = await Promise.all(
      [0, 1, 2].map(
        (i) => model.generate({ prompt: `q${i}` }).catch((e: unknown) => e) as Promise<ProviderCallError>,
      ),
    );
    expect(errors.map((e) => ProviderCallError.isInstance(e))).toEqual([true, true, true]);
    expect(errors.map((e) => [e.statusCode, e.isRetryable, e.retryAfterMs])).toEqual([
      [429, true, 1500],
      [503, true, undefined],
      [200, false, undefined],
    ]);
    expect(errors[0]?.provider).toBe('mock');
    await expect(model.generate({ prompt: 'q3' })).resolves.toMatchObject({ text: 'A' });
    expect(model.records.map((r) => [r.fault?.kind, r.outcome])).toEqual([
      ['rate-limit', 'error'],
      ['server-error', 'error'],
      ['malformed', 'error'],
      [undefined, 'success'],
    ]);
  });

  it('holds a timed-out call until its signal aborts, then rejects with the reason', async () => {
    const model = createMockProvider({ responses: 'A', script: ['timeout'] });
    const controller = new AbortController();
    const call = model.generate({ prompt: 'q' }, { signal: controller.signal });
    const early = await Promise.race([
      call.then(() => 'settled'),
      new Promise((r) => setTimeout(r, 50, 'pending')),
    ]);
    expect(early).toBe('pending');
    expect(model.records[0]?.outcome).toBe('pending');
    const reason = new Error('per-request timeout');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(model.records[0]).toMatchObject({ outcome: 'aborted', fault: { kind: 'timeout' } });
  });

  it('scripts by sample and attempt, and records attempts and timing', async () => {
    const model = createMockProvider({
      responses: 'A',
      latency: 5,
      sampleKeyOf: (request) => String(request.prompt).split(':')[0] ?? '',
      script: ({ sampleKey, attempt }) =>
        sampleKey === 'always-fails' || (sampleKey === 'flaky' && attempt < 3) ? 'server-error' : undefined,
    });
    for (let i = 0; i < 3; i++) {
      await model.generate({ prompt: `flaky:${i}` }).catch(() => undefined);
      await model.generate({ prompt: `always-fails:${i}` }).catch(() => undefined);
    }
    expect(model.records.map((r) => `${r.sampleKey}#${r.attempt}=${r.outcome}`)).toEqual([
      'flaky#1=error',
      'always-fails#1=error',
      'flaky#2=error',
      'always-fails#2=error',
      'flaky#3=success',
      'always-fails#3=error',
    ]);
    expect(model.attemptsBySample()).toEqual(
      new Map([
        ['flaky', 3],
        ['always-fails', 3],
      ]),
    );
    for (const record of model.records) {
      expect((record.settledAt ?? 0) - record.startedAt).toBeGreaterThanOrEqual(4);
    }
    model.reset();
    expect(model.records).toEqual([]);
    expect(model.attemptsBySample().size).toBe(0);
  });

  it('draws latency from a seeded distribution', async () => {
    const latencies = async (): Promise<number[]> => {
      const model = createMockProvider({
        responses: 'A',
        latency: { distribution: 'uniform', minMs: 5, maxMs: 30 },
        seed: 3,
      });
      const results = await Promise.all(prompts.slice(0, 10).map((prompt) => model.generate({ prompt })));
      return results.map((r) => r.latencyMs ?? -1);
    };
    const first = await latencies();
    for (const ms of first) {
      expect(ms).toBeGreaterThanOrEqual(4);
      expect(ms).toBeLessThan(80);
    }
    expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(5);
  });

  it('returns logprobs when asked, per-choice log-likelihoods and deterministic embeddings', async () => {
    const model = createMockProvider({
      responses: 'Answer: B',
      logprobs: true,
      choiceLogprob: ({ continuation }) => (continuation === ' B' ? -0.2 : -1.5),
      embedDimensions: 16,
    });
    const plain = await model.generate({ prompt: 'q' });
    expect(plain.logprobs).toBeUndefined();
    const withLogprobs = await model.generate({ prompt: 'q', logprobs: true });
    expect(withLogprobs.logprobs?.map((t) => t.token)).toEqual(['Answer: ', 'B']);
    for (const t of withLogprobs.logprobs ?? []) expect(t.logprob).toBeLessThanOrEqual(0);
    const scores = await model.logLikelihood?.([
      { context: 'Q', continuation: ' A' },
      { context: 'Q', continuation: ' B' },
    ]);
    expect(scores).toEqual([
      { logprob: -1.5, isGreedy: false },
      { logprob: -0.2, isGreedy: true },
    ]);
    const [a, b, c] = (await model.embed?.(['red apple', 'red apple', 'blue sky'])) ?? [];
    expect(a).toHaveLength(16);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 10);
  });

  it('rejects an unknown fault kind and a bad rate clearly', async () => {
    expect(() => createMockProvider({ responses: 'A', faults: { rate: 1.5 } })).toThrow(
      /rate must be in \[0, 1\]/,
    );
    const model = createMockProvider({ responses: 'A', script: [{ kind: 'explode' as 'timeout' }] });
    await expect(model.generate({ prompt: 'q' })).rejects.toThrow(/unknown fault kind "explode"/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import type { StorageV1 } from '../../src/spec/storage.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { estimateTokens } from '../../src/testing/http/chat-completions.js';
import { type FaultServer, startFaultServer } from '../../src/testing/http/fault-server.js';
import { createFaultServerProvider } from '../../src/testing/http/fault-server-provider.js';
import { FAULT_MODEL_ID, faultPlan, perfectAnswer, sampleIdOf } from './support/plan.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const N = 40;
const PRICE = { inputPerMTok: 1000, outputPerMTok: 2000 };
const plan = faultPlan(N, { maxTokens: 4 });

async function run(budgetUsd?: number) {
  const server = await startFaultServer({
    latencyMs: { distribution: 'uniform', minMs: 5, maxMs: 25 },
    answer: ({ sampleId }) => perfectAnswer(sampleId),
  });
  servers.push(server);
  const storage = createMemoryStorage();
  const result = await evaluate(plan, {
    providers: { [FAULT_MODEL_ID]: createFaultServerProvider({ baseUrl: server.baseUrl, sampleIdOf }) },
    storage,
    prices: { [FAULT_MODEL_ID]: PRICE },
    concurrency: 8,
    ...(budgetUsd === undefined ? {} : { budgetUsd }),
  });
  return { server, storage, result };
}

async function stored(storage: StorageV1, taskId: string): Promise<SampleResult[]> {
  const out: SampleResult[] = [];
  for await (const r of storage.streamResults({ taskId })) out.push(r);
  return out;
}

/** What the server billed: its own token counts of every answered request, at the model's price. */
function billedUsd(server: FaultServer): number {
  let usd = 0;
  for (const r of server.records) {
    if (r.status !== 200 || r.body === undefined) continue;
    const prompt = r.body.messages.map((m) => m.content).join('\n');
    const answer = perfectAnswer(r.sampleId);
    usd += (estimateTokens(prompt) * PRICE.inputPerMTok + estimateTokens(answer) * PRICE.outputPerMTok) / 1e6;
  }
  return usd;
}

describe('a budget cap against the HTTP server', () => {
  it('stops a run whose cap allows about half the samples with the spend at or under the cap', async () => {
    const full = await run();
    expect(full.result.stopReason).toBe('completed');
    const fullCost = full.result.usage.costUsd;
    expect(fullCost).toBeGreaterThan(0);
    expect(fullCost).toBeCloseTo(billedUsd(full.server), 9);
    const cap = fullCost / 2;

    const capped = await run(cap);
    expect(capped.result.stopReason).toBe('budget');
    expect(capped.result.task.status).toBe('CANCELLED');
    const results = await stored(capped.storage, capped.result.task.id);
    const spent = results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
    expect(spent).toBeLessThanOrEqual(cap);
    expect(capped.result.usage.costUsd).toBeLessThanOrEqual(cap);
    expect(billedUsd(capped.server)).toBeLessThanOrEqual(cap + 1e-12);
    // About half the samples: each call reserves its worst case (prompt estimate + maxTokens), so the
    // cap stops the run somewhat before the real spend reaches it.
    const scored = results.filter((r) => r.error === undefined);
    expect(scored.length).toBeGreaterThanOrEqual(0.3 * N);
    expect(scored.length).toBeLessThanOrEqual(0.5 * N);
    // Every call the server answered was paid for and recorded; none was sent after the stop.
    expect(capped.server.records.filter((r) => r.status === 200)).toHaveLength(results.length);
    expect(capped.server.requestCount).toBe(results.length);
  });
});

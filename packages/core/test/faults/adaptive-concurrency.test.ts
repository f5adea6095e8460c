import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { type FaultServer, startFaultServer } from '../../src/testing/http/fault-server.js';
import { createFaultServerProvider } from '../../src/testing/http/fault-server-provider.js';
import { FAULT_MODEL_ID, faultPlan, perfectAnswer, sampleIdOf } from './support/plan.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const HIDDEN_CAP = 8;
const WARM_UP_MS = 2000;
const RUN_MS = 4000;

describe('adaptive concurrency against a hidden concurrency cap', () => {
  it('starts at 32, and after 2 s fewer than 5% of requests get 429', async () => {
    const server = await startFaultServer({
      latencyMs: 20,
      hiddenConcurrencyCap: HIDDEN_CAP,
      answer: ({ sampleId }) => perfectAnswer(sampleId),
    });
    servers.push(server);
    // More samples than 4 s can serve at 8 in flight: the run is stopped at RUN_MS.
    const result = await evaluate(faultPlan(4000), {
      providers: { [FAULT_MODEL_ID]: createFaultServerProvider({ baseUrl: server.baseUrl, sampleIdOf }) },
      concurrency: { global: 64, perModel: 32, adaptive: true },
      retry: { maxAttempts: 10, baseDelayMs: 50, maxDelayMs: 1000 },
      signal: AbortSignal.timeout(RUN_MS),
    });
    expect(result.stopReason).toBe('cancelled');

    const first = server.records[0]?.arrivedAt ?? 0;
    const early = server.records.filter((r) => r.arrivedAt - first < WARM_UP_MS);
    const late = server.records.filter((r) => r.arrivedAt - first >= WARM_UP_MS);
    const overCap = (records: typeof late) => records.filter((r) => r.outcome === 'over-cap').length;
    // The engine really started above the cap, and the server really enforced it.
    expect(overCap(early)).toBeGreaterThan(0);
    expect(server.maxInFlight).toBeLessThanOrEqual(HIDDEN_CAP);
    // Enough traffic after the warm-up to measure, and few 429s in it.
    expect(late.length).toBeGreaterThan(150);
    expect(overCap(late) / late.length).toBeLessThan(0.05);
    // The limit did not collapse to 1 in flight: at least a quarter of the cap's capacity (8 / 20 ms).
    const answered = late.filter((r) => r.status === 200).length;
    const seconds = (RUN_MS - WARM_UP_MS) / 1000;
    expect(answered / seconds).toBeGreaterThan(0.25 * (HIDDEN_CAP / 0.02));
  });
});

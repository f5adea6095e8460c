/**
 * PostgreSQL under faults: several real processes writing the same task at once, two processes racing a
 * compare-and-set, and the adapter's connections killed with `pg_terminate_backend` (from a separate admin
 * connection) while results stream in and while an evaluation runs. Nothing may be lost or duplicated.
 * Skipped with the reason when PostgreSQL is unreachable, failing under CI=true.
 */
import { evaluate, type ResultKey, type SampleResult, type StorageV1, sampleResultKey } from '@benchhub/core';
import { createMockProvider } from '@benchhub/core/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStorage } from '../src/index.js';
import {
  adminClient,
  dropSchema,
  terminateBackends,
  urlWithApplicationName,
} from './support/fault-postgres.js';
import { startChild } from './support/fault-processes.js';
import { faultResult } from './support/fault-rows.js';
import { freshSchemaName, probePostgres, TEST_POSTGRES_URL } from './support/test-database.js';

const probe = await probePostgres();
if (!probe.reachable) console.warn(`skipping PostgreSQL fault tests: ${probe.reason}`);

const schema = freshSchemaName('faults_');
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function stored(storage: StorageV1, taskId: string): Promise<SampleResult[]> {
  const out: SampleResult[] = [];
  for await (const r of storage.streamResults({ taskId })) out.push(r);
  return out;
}

async function keys(storage: StorageV1, taskId: string): Promise<ResultKey[]> {
  const out: ResultKey[] = [];
  for await (const k of storage.completedKeys(taskId)) out.push(k);
  return out;
}

/** Deterministic shuffle (the writers take their batches in different orders). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Kills the backends named `name` every `everyMs` until `stop()`, which resolves to the kills and how many
 * of them hit a connection in the middle of a statement or transaction. Each round terminates every
 * connection of the adapter at once (as a failover or an operator would); the gap between rounds is
 * longer than a write and its retries, so each round is one fault.
 */
function keepKilling(admin: pg.Client, name: string, everyMs: number) {
  let running = true;
  const total = { killed: 0, busy: 0 };
  const loop = (async () => {
    while (running) {
      await delay(everyMs);
      if (!running) break;
      const { killed, busy } = await terminateBackends(admin, name);
      total.killed += killed;
      total.busy += busy;
    }
  })();
  return {
    async stop(): Promise<{ killed: number; busy: number }> {
      running = false;
      await loop;
      return total;
    },
  };
}

describe.skipIf(!probe.reachable)('PostgreSQL faults', () => {
  let storage: StorageV1;
  let admin: pg.Client;
  beforeAll(async () => {
    storage = createPostgresStorage({ connectionString: TEST_POSTGRES_URL }, { schema });
    await storage.migrate();
    admin = await adminClient();
  });
  afterAll(async () => {
    await storage?.close();
    await admin?.end();
    await dropSchema(schema);
  });

  it('four processes appending overlapping batches at once store every result exactly once', async () => {
    const taskId = 'multi-writer';
    await storage.createTask({ id: taskId, planName: 'faults', plan: {} });
    const writers = 4;
    const batchSize = 50;
    const mixed = Array.from({ length: 200 }, (_, i) => 2000 + i);
    const children = Array.from({ length: writers }, (_, w) => {
      // Success keys: writer w takes [400w, 400w + 800), so each key but the ends is written twice.
      const own = Array.from({ length: 800 }, (_, i) => 400 * w + i).filter((n) => n < 2000);
      const batches: { kind: 'success' | 'mixed'; keys: [number, boolean][] }[] = [];
      const ordered = shuffled(own, w + 1);
      for (let i = 0; i < ordered.length; i += batchSize) {
        batches.push({ kind: 'success', keys: ordered.slice(i, i + batchSize).map((n) => [n, false]) });
      }
      // Mixed keys: every writer writes each of them, as a failure or a success depending on the writer.
      const mine = shuffled(mixed, 100 + w);
      for (let i = 0; i < mine.length; i += batchSize) {
        batches.push({
          kind: 'mixed',
          keys: mine.slice(i, i + batchSize).map((n) => [n, (n + w) % 2 === 0]),
        });
      }
      return startChild('./fault-writer.ts', {
        connectionString: TEST_POSTGRES_URL,
        schema,
        taskId,
        batches: shuffled(batches, 7 + w),
      });
    });
    await Promise.all(children.map((c) => c.ready));
    for (const child of children) child.go();
    const outcomes = (await Promise.all(children.map((c) => c.result))) as {
      outcome: Record<'success' | 'mixed', { written: number; skipped: number }>;
    }[];

    // Each success key was written by exactly one process; the second write of it was skipped.
    const success = outcomes.reduce(
      (sum, o) => ({
        written: sum.written + o.outcome.success.written,
        skipped: sum.skipped + o.outcome.success.skipped,
      }),
      { written: 0, skipped: 0 },
    );
    expect(success).toEqual({ written: 2000, skipped: 3200 - 2000 });

    const results = await stored(storage, taskId);
    expect(results).toHaveLength(2200);
    expect(new Set(results.map(sampleResultKey)).size).toBe(2200);
    const byKey = new Map(results.map((r) => [Number(r.sampleId.slice(1)), r]));
    for (let n = 0; n < 2200; n++) {
      const r = byKey.get(n);
      expect(r, `s${n}`).toBeDefined();
      // A stored failure is replaced by a later success; a success is never replaced by a failure.
      expect(r?.error, `s${n}`).toBeUndefined();
      expect(r?.scores, `s${n}`).toEqual({ accuracy: n % 2 });
    }
    expect(await keys(storage, taskId)).toHaveLength(2200);
  }, 60_000);

  it('two processes racing PENDING → STARTED with ifStatus: exactly one wins each task', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `race-${i}`);
    for (const id of ids) await storage.createTask({ id, planName: 'race', plan: {} });
    const racers = [0, 1].map(() =>
      startChild('./fault-racer.ts', { connectionString: TEST_POSTGRES_URL, schema, taskIds: ids }),
    );
    await Promise.all(racers.map((r) => r.ready));
    for (const racer of racers) racer.go();
    const [a, b] = (await Promise.all(racers.map((r) => r.result))) as { won: string[] }[];
    expect([...a!.won, ...b!.won].sort()).toEqual([...ids].sort());
    expect(a!.won.filter((id) => b!.won.includes(id))).toEqual([]);
    for (const id of ids) expect((await storage.getTask(id))?.status).toBe('STARTED');
  }, 60_000);

  it('a stream of appendResults survives its connections being terminated, losing and duplicating nothing', async () => {
    const name = `bh_fault_${Math.random().toString(36).slice(2, 10)}`;
    const target = createPostgresStorage(
      { connectionString: urlWithApplicationName(name), poolSize: 4 },
      { schema },
    );
    try {
      const taskId = 'killed-stream';
      await target.createTask({ id: taskId, planName: 'faults', plan: {} });
      const killer = keepKilling(admin, name, 300);
      let written = 0;
      let skipped = 0;
      const batches = 400;
      try {
        // Two writers at once, both writing every batch: kills land mid-statement on both.
        await Promise.all(
          [0, 1].map(async (lane) => {
            for (let b = 0; b < batches; b++) {
              const order = lane === 0 ? b : batches - 1 - b;
              const batch = Array.from({ length: 50 }, (_, i) => faultResult(taskId, order * 50 + i));
              const outcome = await target.appendResults(batch);
              written += outcome.written;
              skipped += outcome.skipped;
            }
          }),
        );
      } finally {
        const kills = await killer.stop();
        expect(kills.busy).toBeGreaterThan(0);
      }
      // A batch retried after its commit was lost with the connection reports skips instead of writes.
      expect(written + skipped).toBe(2 * batches * 50);
      expect(written).toBeLessThanOrEqual(batches * 50);
      const results = await stored(target, taskId);
      expect(results).toHaveLength(batches * 50);
      expect(new Set(results.map(sampleResultKey)).size).toBe(batches * 50);
    } finally {
      await target.close();
    }
  }, 60_000);

  it('an evaluation whose connections are terminated mid-run completes with every result once', async () => {
    const name = `bh_fault_${Math.random().toString(36).slice(2, 10)}`;
    const target = createPostgresStorage(
      { connectionString: urlWithApplicationName(name), poolSize: 4 },
      { schema },
    );
    try {
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        id: `q${i}`,
        prompt: `Question ${i}?`,
        options: ['yes', 'no'],
        answer: 'yes',
        language: 'ko',
        subject_type: ['HASS/History'],
        task_type: 'Knowledge',
      }));
      const model = createMockProvider({ respond: () => 'Answer: A', delayMs: 5 });
      const killer = keepKilling(admin, name, 300);
      let kills = { killed: 0, busy: 0 };
      let run: Awaited<ReturnType<typeof evaluate>>;
      try {
        run = await evaluate(
          {
            name: 'killed run',
            models: [{ provider: 'mock', model: 'm', id: 'm' }],
            datasets: [{ name: 'd', source: { type: 'inline', rows } }],
          },
          {
            providers: { m: model },
            storage: target,
            taskId: 'killed-run',
            resultBatchSize: 16,
            flushIntervalMs: 5,
            concurrency: { perModel: 4 },
          },
        );
      } finally {
        kills = await killer.stop();
      }
      expect(kills.killed).toBeGreaterThan(0);
      expect(run.task.status).toBe('SUCCESS');
      expect(run.task.progress).toEqual({ total: 1000, completed: 1000, failed: 0 });
      expect(model.calls).toHaveLength(1000);
      const results = await stored(target, 'killed-run');
      expect(results).toHaveLength(1000);
      expect(new Set(results.map(sampleResultKey)).size).toBe(1000);
      expect(run.aggregates[0]).toMatchObject({ n: 1000, value: 1, errors: 0 });
      expect((await target.getTask('killed-run'))?.status).toBe('SUCCESS');
    } finally {
      await target.close();
    }
  }, 60_000);
});

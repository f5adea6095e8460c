/**
 * The engine end to end on every storage: the in-memory reference, SQLite on a temporary file and
 * PostgreSQL in a fresh schema (skipped with a message when the server is unreachable, failing under
 * CI=true). The same runs must request, store, aggregate and rank exactly alike on all three.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The adapters are reached by path, not by package name: core has no dependency on them (tests only).
import { createPostgresStorage } from '../../../storage-postgres/src/index.js';
import { dropSchema } from '../../../storage-postgres/test/support/fault-postgres.js';
import {
  freshSchemaName,
  probePostgres,
  TEST_POSTGRES_URL,
} from '../../../storage-postgres/test/support/test-database.js';
import { createSqliteStorage } from '../../../storage-sqlite/src/index.js';
import type { LeaderboardEntry } from '../../src/domain/leaderboard.js';
import type { SampleResult } from '../../src/domain/result.js';
import { sampleResultKey } from '../../src/domain/result.js';
import type { EvaluationResult } from '../../src/engine/evaluation-result.js';
import { evaluate } from '../../src/engine/index.js';
import { ProviderCallError } from '../../src/errors/provider-call-error.js';
import type { PlanInput } from '../../src/plan/schema.js';
import type { GenerateRequest } from '../../src/spec/model-provider.js';
import type { StorageV1 } from '../../src/spec/storage.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { goldAnswer, mcqaPlan, questionNumber } from './helpers.js';

/** A storage the runs below use: opened before its tests, closed (and its data removed) after them. */
interface StorageUnderTest {
  name: 'memory' | 'sqlite' | 'postgres';
  /** Why it cannot run here (PostgreSQL unreachable outside CI). */
  skip?: string;
  open(): Promise<StorageV1>;
  close(): Promise<void>;
}

function memory(): StorageUnderTest {
  let storage: StorageV1 | undefined;
  return {
    name: 'memory',
    open: async () => {
      const opened = createMemoryStorage();
      storage = opened;
      return opened;
    },
    close: async () => storage?.close(),
  };
}

function sqlite(): StorageUnderTest {
  let storage: StorageV1 | undefined;
  let dir: string | undefined;
  return {
    name: 'sqlite',
    open: async () => {
      dir = mkdtempSync(join(tmpdir(), 'benchhub-engine-sqlite-'));
      const opened = createSqliteStorage({ filename: join(dir, 'engine.db') });
      storage = opened;
      return opened;
    },
    close: async () => {
      await storage?.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgres(): Promise<StorageUnderTest> {
  const probe = await probePostgres();
  const schema = freshSchemaName('engine_');
  let storage: StorageV1 | undefined;
  if (!probe.reachable) console.warn(`skipping the engine on PostgreSQL: ${probe.reason}`);
  return {
    name: 'postgres',
    ...(probe.reachable ? {} : { skip: probe.reason }),
    open: async () => {
      const opened = createPostgresStorage({ connectionString: TEST_POSTGRES_URL }, { schema });
      storage = opened;
      return opened;
    },
    close: async () => {
      await storage?.close();
      if (probe.reachable) await dropSchema(schema);
    },
  };
}

const SUBJECTS = [['HASS/History'], ['Science/Math'], ['Tech./Coding', 'Tech.'], ['HASS']];
const TASK_TYPES = ['Knowledge', 'Reasoning', 'Value/alignment'];

/** 36 MCQA rows over two languages, four subject labellings and three task types. */
function mixedRows(): Record<string, unknown>[] {
  return Array.from({ length: 36 }, (_, i) => {
    const options = [`alpha ${i}`, `beta ${i}`, `gamma ${i}`, `delta ${i}`];
    return {
      id: `m${i}`,
      prompt: `Question #${i}: pick one`,
      options,
      answer: options[i % 4],
      language: i % 2 === 0 ? 'ko' : 'English',
      subject_type: SUBJECTS[i % SUBJECTS.length],
      task_type: TASK_TYPES[i % TASK_TYPES.length],
    };
  });
}

/** Two models (one with a "/" in its id), two repeats, wrong answers and a failed call. */
const mixedPlan: PlanInput = {
  name: 'storages e2e',
  models: [
    { provider: 'mock', model: 'gold', id: 'org/gold-model' },
    { provider: 'mock', model: 'shaky', id: 'shaky' },
  ],
  datasets: [{ name: 'mixed', source: { type: 'inline', rows: mixedRows() } }],
  evaluation: { repeats: 2, metrics: ['accuracy'] },
};

/** Right on every question but 3, 7 and 11 (wrong letter), fails question 5 for good (a stored error). */
function shakyAnswer(request: GenerateRequest): string {
  const n = questionNumber(request);
  return [3, 7, 11].includes(n) ? 'Answer: D' : goldAnswer(request);
}

function mixedProviders() {
  return {
    'org/gold-model': createMockProvider({ respond: goldAnswer, modelId: 'gold' }),
    shaky: createMockProvider({
      respond: shakyAnswer,
      modelId: 'shaky',
      failWith: (request) =>
        questionNumber(request) === 5
          ? new ProviderCallError('bad request', { provider: 'mock', model: 'shaky', statusCode: 400 })
          : undefined,
    }),
  };
}

async function stored(storage: StorageV1, taskId: string): Promise<SampleResult[]> {
  const out: SampleResult[] = [];
  for await (const r of storage.streamResults({ taskId })) out.push(r);
  return out;
}

/** A result without what differs from run to run (timestamps, measured latency), in key order. */
function comparable(results: readonly SampleResult[]): Record<string, unknown>[] {
  return results
    .map(({ createdAt: _c, latencyMs: _l, taskId: _t, ...rest }) => rest)
    .sort((a, b) =>
      sampleResultKey({ taskId: '', ...a }).localeCompare(sampleResultKey({ taskId: '', ...b })),
    );
}

function withoutTime(entries: readonly LeaderboardEntry[]): Omit<LeaderboardEntry, 'updatedAt'>[] {
  return entries.map(({ updatedAt: _u, ...rest }) => rest);
}

interface Outcome {
  result: EvaluationResult;
  results: Record<string, unknown>[];
  browse: Omit<LeaderboardEntry, 'updatedAt'>[];
  total: number;
  calls: number;
}

const outcomes = new Map<string, Outcome>();
const under: StorageUnderTest[] = [memory(), sqlite(), await postgres()];

describe.each(under.map((s) => [s.name, s] as const))('the engine on %s storage', (_name, target) => {
  let storage: StorageV1;
  beforeAll(async () => {
    if (target.skip === undefined) storage = await target.open();
  });
  afterAll(async () => {
    if (target.skip === undefined) await target.close();
  });

  it.skipIf(target.skip !== undefined)(
    'resumes an interrupted run without requesting any stored (sample, repeat) twice',
    async () => {
      const plan = mcqaPlan(40, { evaluation: { repeats: 2 } });
      const controller = new AbortController();
      let calls = 0;
      const first = createMockProvider({
        respond: (request) => {
          if (++calls === 30) controller.abort(new Error('stop half way'));
          return goldAnswer(request);
        },
      });
      const interrupted = await evaluate(plan, {
        providers: { m1: first },
        storage,
        taskId: 'resumable',
        signal: controller.signal,
        concurrency: { perModel: 4 },
        resultBatchSize: 8,
      });
      expect(interrupted.task.status).toBe('CANCELLED');
      const before = await stored(storage, 'resumable');
      expect(before.length).toBeGreaterThan(0);
      expect(before.length).toBeLessThan(80);

      const second = createMockProvider({ respond: goldAnswer });
      const resumed = await evaluate(plan, { providers: { m1: second }, storage, taskId: 'resumable' });
      expect(resumed.task.status).toBe('SUCCESS');
      expect(resumed.task.progress).toEqual({ total: 80, completed: 80, failed: 0 });
      const storedKeys = new Set(before.map((r) => `q${r.sampleId.slice(1)}#${r.repeat}`));
      // Every stored (sample, repeat) is skipped; per sample the calls now make up exactly the missing repeats.
      expect(second.calls).toHaveLength(80 - before.length);
      const asked = new Map<string, number>();
      for (const call of second.calls) {
        const id = `q${questionNumber(call.request)}`;
        asked.set(id, (asked.get(id) ?? 0) + 1);
      }
      for (let i = 0; i < 40; i++) {
        const id = `q${i}`;
        const had = [0, 1].filter((r) => storedKeys.has(`${id}#${r}`)).length;
        expect(had + (asked.get(id) ?? 0)).toBe(2);
      }
      const after = await stored(storage, 'resumable');
      expect(after).toHaveLength(80);
      expect(new Set(after.map(sampleResultKey)).size).toBe(80);
      expect(resumed.aggregates[0]).toMatchObject({ value: 1, n: 40, errors: 0 });

      // The finished task, run again, is reported from storage without a single call.
      const third = createMockProvider({ respond: goldAnswer });
      const again = await evaluate(plan, { providers: { m1: third }, storage, taskId: 'resumable' });
      expect(third.calls).toHaveLength(0);
      expect(again.aggregates).toEqual(resumed.aggregates);
    },
  );

  it.skipIf(target.skip !== undefined)(
    'runs a two-model plan with repeats, errors and mixed labels; the outcome is kept for comparison',
    async () => {
      const providers = mixedProviders();
      const errors: string[] = [];
      const logger = {
        debug: () => {},
        info: () => {},
        warn: () => {},
        error: (message: string, fields?: Record<string, unknown>) =>
          errors.push(`${message} ${JSON.stringify(fields)}`),
      };
      const result = await evaluate(mixedPlan, {
        providers,
        storage,
        taskId: 'mixed',
        resultBatchSize: 7,
        logger,
      });
      // A failed leaderboard write is only logged by the engine: the log must be clean.
      expect(errors).toEqual([]);
      expect(result.task.status).toBe('SUCCESS');
      expect(result.task.progress).toEqual({ total: 144, completed: 144, failed: 2 });
      const results = await stored(storage, 'mixed');
      expect(results).toHaveLength(144);
      const page = await storage.browseLeaderboard({
        language: ['Korean'],
        subjectType: ['HASS'],
        taskType: ['knowledge'],
        limit: 100,
      });
      expect(page.items.length).toBeGreaterThan(0);
      outcomes.set(target.name, {
        result,
        results: comparable(results),
        browse: withoutTime((await storage.browseLeaderboard({ limit: 1000 })).items),
        total: page.total,
        calls: Object.values(providers).reduce((n, p) => n + p.calls.length, 0),
      });
    },
  );
});

describe('the same runs on every storage', () => {
  const available = under.filter((s) => s.skip === undefined);
  it.skipIf(available.length < 2)(
    `store the same results and give the same aggregates and leaderboard (${available.map((s) => s.name).join(', ')})`,
    () => {
      const reference = outcomes.get('memory');
      expect(reference).toBeDefined();
      if (reference === undefined) return;
      // One call per (model, sample, repeat): the 400 of question 5 is not retried.
      expect(reference.calls).toBe(144);
      for (const target of available) {
        const outcome = outcomes.get(target.name);
        expect(outcome, `${target.name} ran the plan`).toBeDefined();
        if (outcome === undefined) continue;
        expect(outcome.calls, target.name).toBe(reference.calls);
        expect(outcome.results, target.name).toEqual(reference.results);
        expect(outcome.result.aggregates, target.name).toEqual(reference.result.aggregates);
        expect(withoutTime(outcome.result.leaderboard), target.name).toEqual(
          withoutTime(reference.result.leaderboard),
        );
        expect(outcome.browse, target.name).toEqual(reference.browse);
        expect(outcome.total, target.name).toBe(reference.total);
      }
    },
  );
});

import type { LeaderboardEntry, LeaderboardSource } from '../../domain/leaderboard.js';
import type { SampleResult } from '../../domain/result.js';
import {
  TASK_STATUSES,
  TASK_TRANSITIONS,
  type Task,
  type TaskStatus,
  TaskTransitionError,
} from '../../domain/task.js';
import type { LeaderboardQuery, StorageCapabilities, StorageV1 } from '../../spec/storage.js';

/** Options of {@link runStorageConformance}. */
export interface StorageConformanceOptions {
  /** Shown in the suite's name, e.g. `memory` or `sqlite`. */
  name: string;
  /**
   * Returns a fresh, empty storage: a new file or schema, or a database emptied first (the suite calls
   * `migrate()` itself and closes the storage after each case; counts and leaderboard reads assume
   * nothing else is stored).
   */
  create: () => Promise<StorageV1>;
  /** The capabilities the storage must declare; checked when given. */
  capabilities?: StorageCapabilities;
  /**
   * Opens another handle on the same backing store as `storage` (another process would). Enables the
   * cases for `persistent` (data survives `close`) and `concurrentWriters` (two handles write at once).
   */
  reopen?: (storage: StorageV1) => Promise<StorageV1>;
}

/** A plan's secret reference, stored verbatim (never resolved). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
const KEY_PLACEHOLDER = '${OPENAI_API_KEY}';

/** The steps that bring a fresh PENDING task to each status. */
const PATH_TO: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  PENDING: [],
  STARTED: ['STARTED'],
  SUCCESS: ['STARTED', 'SUCCESS'],
  FAILURE: ['FAILURE'],
  CANCELLED: ['CANCELLED'],
  HOLD: ['HOLD'],
};

let uniqueCounter = 0;
function unique(prefix: string): string {
  uniqueCounter++;
  return `${prefix}-${Date.now().toString(36)}-${uniqueCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** A successful result of `taskId` with overridable fields. */
function result(taskId: string, fields: Partial<SampleResult> = {}): SampleResult {
  return {
    taskId,
    modelId: 'openai/gpt-4o-mini',
    sampleId: 's1',
    datasetName: 'kmmlu',
    repeat: 0,
    output: 'Answer: B',
    extracted: 'B',
    scores: { accuracy: 1 },
    usage: { inputTokens: 12, outputTokens: 3 },
    costUsd: 0.0001,
    latencyMs: 25,
    attempts: 1,
    labels: { language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' },
    createdAt: new Date('2025-01-02T03:04:05.000Z'),
    ...fields,
  };
}

/** A failed result: an error and no scores. */
function failure(taskId: string, fields: Partial<SampleResult> = {}): SampleResult {
  const { output: _output, extracted: _extracted, ...base } = result(taskId, fields);
  return {
    ...base,
    scores: {},
    attempts: 3,
    error: { name: 'ProviderCallError', message: 'rate limited', statusCode: 429, isRetryable: true },
    ...fields,
  };
}

function keyOf(r: Pick<SampleResult, 'modelId' | 'sampleId' | 'repeat'>): string {
  return JSON.stringify([r.modelId, r.sampleId, r.repeat]);
}

function entry(fields: Partial<LeaderboardEntry> = {}): LeaderboardEntry {
  return {
    modelName: 'org/model-a',
    metric: 'accuracy',
    language: 'ko',
    subjectType: 'HASS/History',
    taskType: 'Knowledge',
    score: 0.5,
    n: 100,
    stderr: 0.05,
    ci: { lower: 0.4, upper: 0.6, level: 0.95 },
    updatedAt: new Date(),
    source: 'evaluation',
    ...fields,
  };
}

/** Five entries across models, metrics, languages, subjects, task types and ages. */
function board(): LeaderboardEntry[] {
  return [
    entry({
      modelName: 'org/a',
      score: 0.9,
      n: 50,
      subjectType: 'HASS/History',
      updatedAt: new Date(Date.now() - 1000),
    }),
    entry({ modelName: 'org/b', score: 0.7, n: 300, subjectType: 'HASS/Economics' }),
    entry({
      modelName: 'org/c',
      score: 0.8,
      n: 120,
      language: 'en',
      subjectType: 'Tech./Coding',
      taskType: 'Reasoning',
    }),
    entry({ modelName: 'org/a', metric: 'f1', score: 0.6, n: 50, subjectType: 'HASS/History' }),
    entry({
      modelName: 'org/d',
      score: 0.4,
      n: 10,
      stderr: null,
      ci: null,
      subjectType: 'Science/Math',
      updatedAt: new Date(Date.now() - 86_400_000),
    }),
  ];
}

/** The identity of a leaderboard cell, for comparing orders. */
function cellOf(e: LeaderboardEntry): string {
  return JSON.stringify([e.modelName, e.metric, e.language, e.subjectType, e.taskType]);
}

/** Code point order, written out independently of the storages' own comparison. */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

/** The contract's leaderboard order: the sort value, then model, metric, language, subject, task type ascending. */
function referenceOrder(
  sort: NonNullable<LeaderboardQuery['sort']>,
): (a: LeaderboardEntry, b: LeaderboardEntry) => number {
  const value = (e: LeaderboardEntry): number | string =>
    sort.by === 'updatedAt' ? e.updatedAt.getTime() : sort.by === 'modelName' ? e.modelName : e[sort.by];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    const byValue =
      typeof va === 'string' && typeof vb === 'string'
        ? byCodePoint(va, vb)
        : (va as number) - (vb as number);
    if (byValue !== 0) return sign * byValue;
    for (const field of ['modelName', 'metric', 'language', 'subjectType', 'taskType'] as const) {
      const order = byCodePoint(a[field], b[field]);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/**
 * 23 entries (a prime, so no page size above 1 divides it) with many ties: three scores, two sample
 * counts, three timestamps, model names whose code point order differs from a locale's.
 */
function tiedBoard(): LeaderboardEntry[] {
  const models = ['org/a', 'Org/B', 'org/a-2', '모델'];
  const subjects = ['HASS/History', 'Tech./Coding', 'Science/Math'];
  const base = Date.now() - 60_000;
  const entries: LeaderboardEntry[] = [];
  let i = 0;
  for (const modelName of models) {
    for (const metric of ['accuracy', 'f1']) {
      for (const subjectType of subjects) {
        if (entries.length === 23) break;
        entries.push(
          entry({
            modelName,
            metric,
            subjectType,
            language: i % 3 === 0 ? 'en' : 'ko',
            taskType: i % 2 === 0 ? 'Knowledge' : 'Reasoning',
            score: [0.25, 0.5, 0.75][i % 3] as number,
            n: i % 4 === 0 ? 10 : 20,
            updatedAt: new Date(base + (i % 3) * 1000),
          }),
        );
        i++;
      }
    }
  }
  return entries;
}

/**
 * Registers the `StorageV1` conformance suite with vitest: every member of the contract, through the
 * contract only, so the in-memory, SQLite and PostgreSQL storages run the very same cases. Cases for
 * optional capabilities run only when the storage declares them (and `reopen` is given where they need a
 * second handle); the others are reported as skipped.
 *
 * Call it at the top level of a test file and **await** it (it loads vitest lazily, so importing
 * `@benchhub/core/testing` never loads vitest).
 *
 * @example
 * ```ts
 * import { createMemoryStorage } from '@benchhub/core';
 * import { runStorageConformance } from '@benchhub/core/testing';
 *
 * await runStorageConformance({ name: 'memory', create: async () => createMemoryStorage() });
 * ```
 */
export async function runStorageConformance(options: StorageConformanceOptions): Promise<void> {
  const { describe, it, expect } = await import('vitest');
  const { create, reopen } = options;

  const withStorage = async (body: (storage: StorageV1) => Promise<void>): Promise<void> => {
    const storage = await create();
    try {
      await storage.migrate();
      await body(storage);
    } finally {
      await storage.close();
    }
  };

  /** Browses every page by cursor; checks each page's size, `total` and `nextCursor`. */
  const walkCursor = async (
    storage: StorageV1,
    query: LeaderboardQuery,
    limit: number,
    total: number,
  ): Promise<LeaderboardEntry[]> => {
    const seen: LeaderboardEntry[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages <= total; pages++) {
      const page = await storage.browseLeaderboard({
        ...query,
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      expect(page.total).toBe(total);
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (cursor === undefined) {
        expect(seen).toHaveLength(total);
        return seen;
      }
      expect(page.items).toHaveLength(limit);
    }
    throw new Error(`the cursor walk did not end after ${total + 1} pages of ${limit}`);
  };

  const newTask = (storage: StorageV1, fields: { total?: number } = {}): Promise<Task> =>
    storage.createTask({
      id: unique('task'),
      planName: 'conformance',
      plan: { name: 'conformance' },
      ...fields,
    });

  const taskIn = async (storage: StorageV1, status: TaskStatus): Promise<Task> => {
    let task = await newTask(storage);
    for (const step of PATH_TO[status]) {
      const updated = await storage.updateTask(task.id, {
        status: step,
        ...(step === 'FAILURE' ? { error: { name: 'Error', message: 'boom' } } : {}),
      });
      expect(updated?.status).toBe(step);
      task = updated as Task;
    }
    return task;
  };

  describe(`StorageV1 conformance: ${options.name}`, () => {
    describe('contract', () => {
      it('declares version v1 and its capabilities; migrate is idempotent', async () => {
        await withStorage(async (storage) => {
          expect(storage.specificationVersion).toBe('v1');
          for (const flag of ['transactions', 'concurrentWriters', 'persistent'] as const) {
            expect(typeof storage.capabilities[flag], `capabilities.${flag}`).toBe('boolean');
          }
          if (options.capabilities !== undefined) expect(storage.capabilities).toEqual(options.capabilities);
          await storage.migrate();
          await storage.migrate();
        });
      });
    });

    describe('tasks', () => {
      it('creates PENDING tasks with zeroed progress, a createdAt, and generated or given ids', async () => {
        await withStorage(async (storage) => {
          const before = Date.now();
          const generated = await storage.createTask({
            planName: 'plan-a',
            plan: { name: 'plan-a', models: [{ id: 'openai/gpt-4o', key: KEY_PLACEHOLDER }] },
            total: 30,
            metadata: { submitter: 'alice', tags: ['x'] },
          });
          expect(generated.id).toEqual(expect.any(String));
          expect(generated.id.length).toBeGreaterThan(0);
          expect(generated.status).toBe('PENDING');
          expect(generated.progress).toEqual({ total: 30, completed: 0, failed: 0 });
          expect(generated.createdAt).toBeInstanceOf(Date);
          expect(generated.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
          expect(generated.startedAt).toBeUndefined();
          expect(generated.finishedAt).toBeUndefined();
          const other = await storage.createTask({ planName: 'plan-a', plan: {} });
          expect(other.id).not.toBe(generated.id);
          expect(other.progress.total).toBe(0);

          const stored = await storage.getTask(generated.id);
          expect(stored).toEqual(generated);
          expect(stored?.plan).toEqual({
            name: 'plan-a',
            models: [{ id: 'openai/gpt-4o', key: KEY_PLACEHOLDER }],
          });
          expect(stored?.metadata).toEqual({ submitter: 'alice', tags: ['x'] });
          expect(await storage.getTask(unique('missing'))).toBeUndefined();

          const id = unique('given');
          expect((await storage.createTask({ id, planName: 'p', plan: {} })).id).toBe(id);
          await expect(storage.createTask({ id, planName: 'p', plan: {} })).rejects.toThrow();
        });
      });

      it('hands out copies: changing a returned task changes nothing stored', async () => {
        await withStorage(async (storage) => {
          const task = await storage.createTask({ planName: 'p', plan: { a: 1 }, metadata: { m: 1 } });
          task.status = 'SUCCESS';
          (task.plan as { a: number }).a = 2;
          task.progress.completed = 5;
          const stored = await storage.getTask(task.id);
          expect(stored?.status).toBe('PENDING');
          expect(stored?.plan).toEqual({ a: 1 });
          expect(stored?.progress.completed).toBe(0);
        });
      });

      it('allows exactly the domain transitions and rejects the others with TaskTransitionError', async () => {
        await withStorage(async (storage) => {
          for (const from of TASK_STATUSES) {
            for (const to of TASK_STATUSES) {
              if (to === from) continue;
              const task = await taskIn(storage, from);
              const allowed = TASK_TRANSITIONS[from].includes(to);
              const attempt = storage.updateTask(task.id, { status: to });
              if (allowed) {
                expect((await attempt)?.status, `${from} -> ${to}`).toBe(to);
              } else {
                const error = await attempt.then(
                  () => undefined,
                  (e: unknown) => e,
                );
                expect(TaskTransitionError.isInstance(error), `${from} -> ${to} must be refused`).toBe(true);
                expect((await storage.getTask(task.id))?.status, `${from} unchanged`).toBe(from);
              }
            }
          }
        });
      });

      it('sets startedAt and finishedAt, records a FAILURE error, and clears them on restart', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const started = await storage.updateTask(task.id, { status: 'STARTED' });
          expect(started?.startedAt).toBeInstanceOf(Date);
          expect(started?.finishedAt).toBeUndefined();
          const failed = await storage.updateTask(task.id, {
            status: 'FAILURE',
            error: { name: 'ProviderCallError', message: 'quota exhausted' },
          });
          expect(failed?.finishedAt).toBeInstanceOf(Date);
          expect(failed?.startedAt?.getTime()).toBe(started?.startedAt?.getTime());
          expect(failed?.error).toEqual({ name: 'ProviderCallError', message: 'quota exhausted' });
          expect((await storage.getTask(task.id))?.error).toEqual(failed?.error);

          const restarted = await storage.updateTask(task.id, { status: 'PENDING' });
          expect(restarted?.status).toBe('PENDING');
          expect(restarted?.startedAt).toBeUndefined();
          expect(restarted?.finishedAt).toBeUndefined();
          expect(restarted?.error).toBeUndefined();

          const done = await taskIn(storage, 'SUCCESS');
          expect(done.finishedAt).toBeInstanceOf(Date);
          expect(done.error).toBeUndefined();
        });
      });

      it('rejects an update of a task that does not exist', async () => {
        await withStorage(async (storage) => {
          await expect(storage.updateTask(unique('missing'), { status: 'STARTED' })).rejects.toThrow();
        });
      });

      it('applies progress and metadata changes; the same status again is no transition', async () => {
        await withStorage(async (storage) => {
          const task = await storage.createTask({ planName: 'p', plan: {}, total: 10, metadata: { a: 1 } });
          await storage.updateTask(task.id, { status: 'STARTED' });
          const moved = await storage.updateTask(task.id, { progress: { completed: 4, failed: 1 } });
          expect(moved?.progress).toEqual({ total: 10, completed: 4, failed: 1 });
          const again = await storage.updateTask(task.id, { status: 'STARTED', progress: { completed: 6 } });
          expect(again?.status).toBe('STARTED');
          expect(again?.progress).toEqual({ total: 10, completed: 6, failed: 1 });
          const relabelled = await storage.updateTask(task.id, { metadata: { b: 2 } });
          expect(relabelled?.metadata).toEqual({ b: 2 });
          expect(await storage.getTask(task.id)).toEqual(relabelled);
        });
      });

      it('ifStatus: applies only from the listed statuses, and exactly one of racing starters wins', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          expect(
            await storage.updateTask(task.id, { status: 'CANCELLED' }, { ifStatus: ['STARTED'] }),
          ).toBeUndefined();
          expect((await storage.getTask(task.id))?.status).toBe('PENDING');
          const outcomes = await Promise.all(
            Array.from({ length: 8 }, () =>
              storage.updateTask(task.id, { status: 'STARTED' }, { ifStatus: ['PENDING'] }),
            ),
          );
          expect(outcomes.filter((o) => o !== undefined)).toHaveLength(1);
          expect(outcomes.find((o) => o !== undefined)?.status).toBe('STARTED');
          const held = await storage.updateTask(
            task.id,
            { status: 'HOLD' },
            { ifStatus: ['PENDING', 'STARTED'] },
          );
          expect(held?.status).toBe('HOLD');
        });
      });

      it('lists tasks by status and creation time, newest first by default, a page at a time', async () => {
        await withStorage(async (storage) => {
          const created: Task[] = [];
          for (let i = 0; i < 5; i++) {
            created.push(await newTask(storage));
            await sleep(3);
          }
          const ids = created.map((t) => t.id);
          const [t0, t1, t2, t3, t4] = created as [Task, Task, Task, Task, Task];
          await storage.updateTask(t1.id, { status: 'STARTED' });
          await storage.updateTask(t3.id, { status: 'CANCELLED' });
          const mine = (page: { items: Task[] }) =>
            page.items.map((t) => t.id).filter((id) => ids.includes(id));

          const newest = await storage.listTasks({ createdAfter: t0.createdAt, limit: 1000 });
          expect(mine(newest)).toEqual([...ids].reverse());
          const oldest = await storage.listTasks({
            createdAfter: t0.createdAt,
            order: 'oldest',
            limit: 1000,
          });
          expect(mine(oldest)).toEqual(ids);

          const window = await storage.listTasks({ createdAfter: t1.createdAt, createdBefore: t4.createdAt });
          expect(mine(window)).toEqual([t3.id, t2.id, t1.id]);

          const active = await storage.listTasks({
            status: ['STARTED', 'CANCELLED'],
            createdAfter: t0.createdAt,
          });
          expect(mine(active)).toEqual([t3.id, t1.id]);
          expect(active.items.every((t) => t.status === 'STARTED' || t.status === 'CANCELLED')).toBe(true);

          const page = await storage.listTasks({
            createdAfter: t0.createdAt,
            order: 'oldest',
            limit: 2,
            offset: 1,
          });
          expect(page.items.map((t) => t.id)).toEqual([t1.id, t2.id]);
          expect(page.total).toBe(5);
          expect((await storage.listTasks({ createdAfter: t0.createdAt, limit: 0 })).items).toEqual([]);
          const defaults = await storage.listTasks({ createdAfter: t0.createdAt });
          expect(defaults.total).toBe(5);
          expect(defaults.items.find((t) => t.id === t2.id)).toEqual(await storage.getTask(t2.id));
        });
      });
    });

    describe('results', () => {
      it('stores a batch and streams it back unchanged', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const batch = [
            result(task.id, { sampleId: 's1' }),
            failure(task.id, { sampleId: 's2' }),
            result(task.id, { sampleId: 's3', scores: { accuracy: 0, f1: null }, costUsd: 0 }),
          ];
          expect(await storage.appendResults(batch)).toEqual({ written: 3, skipped: 0 });
          expect(await collect(storage.streamResults({ taskId: task.id }))).toEqual(batch);
          expect(await storage.appendResults([])).toEqual({ written: 0, skipped: 0 });
        });
      });

      it('keeps one result per (task, model, sample, repeat), whatever the ids contain', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const other = await newTask(storage);
          const tricky = [
            result(task.id, { modelId: 'a/b', sampleId: 'c' }),
            result(task.id, { modelId: 'a', sampleId: 'b/c' }),
            result(task.id, { modelId: 'Qwen/Qwen2.5-7B', sampleId: '["x",1]' }),
            result(task.id, { modelId: 'm', sampleId: 'x', repeat: 1 }),
            result(task.id, { modelId: 'm', sampleId: 'x', repeat: 11 }),
            result(task.id, { modelId: 'm', sampleId: 'x1', repeat: 1 }),
            result(task.id, { modelId: '모델', sampleId: '샘플 1' }),
            result(other.id, { modelId: 'm', sampleId: 'x', repeat: 1 }),
          ];
          expect(await storage.appendResults(tricky)).toEqual({ written: 8, skipped: 0 });
          expect(await storage.appendResults(tricky)).toEqual({ written: 0, skipped: 8 });
          const twiceInOneBatch = [
            result(task.id, { sampleId: 'dup' }),
            result(task.id, { sampleId: 'dup' }),
          ];
          expect(await storage.appendResults(twiceInOneBatch)).toEqual({ written: 1, skipped: 1 });
          const stored = await collect(storage.streamResults({ taskId: task.id }));
          expect(stored).toHaveLength(8);
          expect(new Set(stored.map(keyOf)).size).toBe(8);
          expect(await collect(storage.streamResults({ taskId: other.id }))).toHaveLength(1);
        });
      });

      it('replaces a stored error by a success, and never overwrites a success', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          expect(await storage.appendResults([failure(task.id)])).toEqual({ written: 1, skipped: 0 });
          expect(await storage.appendResults([failure(task.id, { attempts: 5 })])).toEqual({
            written: 1,
            skipped: 0,
          });
          const [retried] = await collect(storage.streamResults({ taskId: task.id }));
          expect(retried?.attempts).toBe(5);

          const success = result(task.id, { output: 'first success' });
          expect(await storage.appendResults([success])).toEqual({ written: 1, skipped: 0 });
          expect(await storage.appendResults([failure(task.id)])).toEqual({ written: 0, skipped: 1 });
          expect(await storage.appendResults([result(task.id, { output: 'second success' })])).toEqual({
            written: 0,
            skipped: 1,
          });
          const stored = await collect(storage.streamResults({ taskId: task.id }));
          expect(stored).toEqual([success]);
        });
      });

      it('applies a key repeated within one batch in order, as separate writes would', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const batch = [
            failure(task.id, { sampleId: 's1', attempts: 1 }),
            result(task.id, { sampleId: 's2' }),
            failure(task.id, { sampleId: 's1', attempts: 2 }),
            result(task.id, { sampleId: 's1' }),
            failure(task.id, { sampleId: 's1', attempts: 3 }),
          ];
          // A failure, a failure replacing it, a success replacing that; the last failure is skipped.
          expect(await storage.appendResults(batch)).toEqual({ written: 4, skipped: 1 });
          const stored = await collect(storage.streamResults({ taskId: task.id }));
          expect(stored.map((r) => [r.sampleId, r.error === undefined])).toEqual([
            ['s1', true],
            ['s2', true],
          ]);
        });
      });

      it('stays unique under concurrent overlapping batches', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const batches = Array.from({ length: 20 }, (_, b) =>
            Array.from({ length: 50 }, (_, i) =>
              result(task.id, { sampleId: `s${(b * 25 + i) % 400}`, repeat: i % 2, output: `batch ${b}` }),
            ),
          );
          const distinct = new Set(batches.flat().map(keyOf)).size;
          const outcomes = await Promise.all(batches.map((batch) => storage.appendResults(batch)));
          expect(outcomes.reduce((n, o) => n + o.written, 0)).toBe(distinct);
          expect(outcomes.reduce((n, o) => n + o.skipped, 0)).toBe(20 * 50 - distinct);
          const stored = await collect(storage.streamResults({ taskId: task.id }));
          expect(stored).toHaveLength(distinct);
          expect(new Set(stored.map(keyOf)).size).toBe(distinct);
        });
      });

      it('refuses a result with both an error and scores', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const invalid = { ...failure(task.id, { sampleId: 'bad' }), scores: { accuracy: 0 } };
          await expect(storage.appendResults([invalid])).rejects.toThrow();
          const stored = await collect(storage.streamResults({ taskId: task.id }));
          expect(stored.map((r) => r.sampleId)).not.toContain('bad');
        });
      });

      it('transactions: a batch with an invalid result stores none of it', async (context) => {
        await withStorage(async (storage) => {
          context.skip(!storage.capabilities.transactions, 'the storage does not declare transactions');
          const task = await newTask(storage);
          const invalid = { ...failure(task.id, { sampleId: 'bad' }), scores: { accuracy: 0 } };
          const batch = [result(task.id, { sampleId: 'a' }), invalid, result(task.id, { sampleId: 'b' })];
          await expect(storage.appendResults(batch)).rejects.toThrow();
          expect(await collect(storage.streamResults({ taskId: task.id }))).toEqual([]);
        });
      });

      it('streams with model and failure filters, in a stable order', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const batch: SampleResult[] = [];
          for (const modelId of ['m/a', 'm/b', 'm/c']) {
            for (let i = 0; i < 6; i++) {
              const fields = { modelId, sampleId: `s${i}` };
              batch.push(i % 3 === 0 ? failure(task.id, fields) : result(task.id, fields));
            }
          }
          await storage.appendResults(batch);
          const all = await collect(storage.streamResults({ taskId: task.id }));
          expect(all).toHaveLength(18);
          expect((await collect(storage.streamResults({ taskId: task.id }))).map(keyOf)).toEqual(
            all.map(keyOf),
          );

          const onlyB = await collect(storage.streamResults({ taskId: task.id, modelId: ['m/b'] }));
          expect(onlyB.map((r) => r.modelId)).toEqual(Array(6).fill('m/b'));
          const aOrC = await collect(storage.streamResults({ taskId: task.id, modelId: ['m/a', 'm/c'] }));
          expect(aOrC).toHaveLength(12);
          const failed = await collect(storage.streamResults({ taskId: task.id, failed: true }));
          expect(failed).toHaveLength(6);
          expect(failed.every((r) => r.error !== undefined && Object.keys(r.scores).length === 0)).toBe(true);
          const succeeded = await collect(storage.streamResults({ taskId: task.id, failed: false }));
          expect(succeeded).toHaveLength(12);
          expect(succeeded.every((r) => r.error === undefined)).toBe(true);
          const both = await collect(
            storage.streamResults({ taskId: task.id, modelId: ['m/c'], failed: true }),
          );
          expect(both.map((r) => [r.modelId, r.sampleId])).toEqual([
            ['m/c', 's0'],
            ['m/c', 's3'],
          ]);
          expect(await collect(storage.streamResults({ taskId: unique('missing') }))).toEqual([]);
        });
      });

      it('lists the keys of successful results for resume', async () => {
        await withStorage(async (storage) => {
          const task = await newTask(storage);
          const other = await newTask(storage);
          await storage.appendResults([
            result(task.id, { sampleId: 'ok-1' }),
            result(task.id, { sampleId: 'ok-1', repeat: 1 }),
            failure(task.id, { sampleId: 'err-1' }),
            result(task.id, { modelId: 'm/other', sampleId: 'ok-2' }),
            result(other.id, { sampleId: 'elsewhere' }),
          ]);
          const keys = await collect(storage.completedKeys(task.id));
          const sortKeys = (list: typeof keys) =>
            list.map((k) => JSON.stringify([k.taskId, k.modelId, k.sampleId, k.repeat])).sort();
          expect(sortKeys(keys)).toEqual(
            sortKeys([
              { taskId: task.id, modelId: 'openai/gpt-4o-mini', sampleId: 'ok-1', repeat: 0 },
              { taskId: task.id, modelId: 'openai/gpt-4o-mini', sampleId: 'ok-1', repeat: 1 },
              { taskId: task.id, modelId: 'm/other', sampleId: 'ok-2', repeat: 0 },
            ]),
          );
          await storage.appendResults([result(task.id, { sampleId: 'err-1' })]);
          expect(await collect(storage.completedKeys(task.id))).toHaveLength(4);
          expect(await collect(storage.completedKeys(unique('missing')))).toEqual([]);
        });
      });
    });

    describe('leaderboard', () => {
      it('browses entries best score first, a page at a time', async () => {
        await withStorage(async (storage) => {
          const entries = board();
          await storage.upsertLeaderboard(entries);
          const all = await storage.browseLeaderboard();
          expect(all.total).toBe(5);
          expect(all.items.map((e) => e.score)).toEqual([0.9, 0.8, 0.7, 0.6, 0.4]);
          expect(all.items[0]).toEqual(entries[0]);
          expect(all.items.find((e) => e.modelName === 'org/d')).toEqual(entries[4]);
          const page = await storage.browseLeaderboard({ limit: 2, offset: 1 });
          expect(page.items.map((e) => e.score)).toEqual([0.8, 0.7]);
          expect(page.total).toBe(5);
          expect((await storage.browseLeaderboard({ offset: 10 })).items).toEqual([]);
        });
      });

      it('replaces the entry with the same model × metric × language × subject × task type', async () => {
        await withStorage(async (storage) => {
          await storage.upsertLeaderboard(board());
          const newer = entry({ modelName: 'org/b', score: 0.95, n: 400, subjectType: 'HASS/Economics' });
          await storage.upsertLeaderboard([newer]);
          const all = await storage.browseLeaderboard();
          expect(all.total).toBe(5);
          expect(all.items.filter((e) => e.modelName === 'org/b')).toEqual([newer]);
          expect(all.items[0]).toEqual(newer);
          await storage.upsertLeaderboard([
            entry({ modelName: 'org/b', score: 0.1, subjectType: 'HASS/Economics', taskType: 'Reasoning' }),
          ]);
          expect((await storage.browseLeaderboard()).total).toBe(6);
        });
      });

      it('filters: values within a filter are ORed, filters ANDed, coarse subjects match their fine ones', async () => {
        await withStorage(async (storage) => {
          await storage.upsertLeaderboard(board());
          const names = async (query: Parameters<StorageV1['browseLeaderboard']>[0]) =>
            (await storage.browseLeaderboard(query)).items.map((e) => `${e.modelName}:${e.metric}`).sort();
          expect(await names({ language: ['en'] })).toEqual(['org/c:accuracy']);
          expect(await names({ language: ['ko', 'en'] })).toHaveLength(5);
          expect(await names({ subjectType: ['HASS'] })).toEqual([
            'org/a:accuracy',
            'org/a:f1',
            'org/b:accuracy',
          ]);
          expect(await names({ subjectType: ['HASS/History', 'Science/Math'] })).toEqual([
            'org/a:accuracy',
            'org/a:f1',
            'org/d:accuracy',
          ]);
          expect(await names({ taskType: ['Reasoning'] })).toEqual(['org/c:accuracy']);
          expect(await names({ modelName: ['org/a', 'org/d'] })).toEqual([
            'org/a:accuracy',
            'org/a:f1',
            'org/d:accuracy',
          ]);
          expect(await names({ metric: ['f1'] })).toEqual(['org/a:f1']);
          expect(await names({ modelName: ['org/a'], metric: ['accuracy'], language: ['ko'] })).toEqual([
            'org/a:accuracy',
          ]);
          expect(await names({ language: ['en'], subjectType: ['HASS'] })).toEqual([]);
          expect(await names({ maxAgeMs: 3_600_000 })).toEqual([
            'org/a:accuracy',
            'org/a:f1',
            'org/b:accuracy',
            'org/c:accuracy',
          ]);
          const counted = await storage.browseLeaderboard({ subjectType: ['HASS'], limit: 1 });
          expect(counted.items).toHaveLength(1);
          expect(counted.total).toBe(3);
        });
      });

      it('sorts by score, n, updatedAt and model name in both directions', async () => {
        await withStorage(async (storage) => {
          await storage.upsertLeaderboard(board());
          const sorted = async (by: 'score' | 'n' | 'updatedAt' | 'modelName', direction: 'asc' | 'desc') =>
            (await storage.browseLeaderboard({ sort: { by, direction } })).items;
          expect((await sorted('score', 'asc')).map((e) => e.score)).toEqual([0.4, 0.6, 0.7, 0.8, 0.9]);
          expect((await sorted('n', 'desc')).map((e) => e.n)).toEqual([300, 120, 50, 50, 10]);
          expect((await sorted('n', 'asc')).map((e) => e.n)).toEqual([10, 50, 50, 120, 300]);
          const byTime = (await sorted('updatedAt', 'asc')).map((e) => e.updatedAt.getTime());
          expect(byTime).toEqual([...byTime].sort((a, b) => a - b));
          expect((await sorted('updatedAt', 'desc'))[4]?.modelName).toBe('org/d');
          expect((await sorted('modelName', 'asc')).map((e) => e.modelName)).toEqual([
            'org/a',
            'org/a',
            'org/b',
            'org/c',
            'org/d',
          ]);
          expect((await sorted('modelName', 'desc')).map((e) => e.modelName)).toEqual([
            'org/d',
            'org/c',
            'org/b',
            'org/a',
            'org/a',
          ]);
        });
      });

      it('normalises labels on upsert, and an invalid entry rejects the whole call', async () => {
        await withStorage(async (storage) => {
          const aliased = {
            ...entry({ modelName: 'Org/Mixed-Case_model', score: 0.3 }),
            language: 'Korean',
            subjectType: 'Technology/Coding',
            taskType: 'knowledge',
          };
          await storage.upsertLeaderboard([aliased]);
          const [stored] = (await storage.browseLeaderboard()).items;
          expect(stored).toMatchObject({
            modelName: 'Org/Mixed-Case_model',
            language: 'ko',
            subjectType: 'Tech./Coding',
            taskType: 'Knowledge',
            source: 'evaluation',
          });
          const canonical = entry({
            modelName: 'Org/Mixed-Case_model',
            subjectType: 'Tech./Coding',
            score: 0.6,
          });
          await storage.upsertLeaderboard([canonical]);
          const all = await storage.browseLeaderboard();
          expect(all.total).toBe(1);
          expect(all.items[0]?.score).toBe(0.6);
          const invalid = { ...entry({ modelName: 'org/bad' }), subjectType: 'HASS/Histroy' };
          await expect(
            storage.upsertLeaderboard([entry({ modelName: 'org/good' }), invalid]),
          ).rejects.toThrow();
          expect((await storage.browseLeaderboard()).items.map((e) => e.modelName)).toEqual([
            'Org/Mixed-Case_model',
          ]);
        });
      });

      it('round-trips seed entries (n 0, null stderr and ci) and filters by source', async () => {
        await withStorage(async (storage) => {
          const seeds = [
            entry({
              modelName: 'Qwen_Qwen2.5-72B-Instruct',
              language: 'en',
              subjectType: 'Art & Sports/Architecture',
              score: 0.5714285714285714,
              n: 0,
              stderr: null,
              ci: null,
              source: 'seed',
              updatedAt: new Date('2025-03-04T05:06:07.089Z'),
            }),
            entry({
              modelName: 'google_gemma-3-1b-it',
              subjectType: 'Social Intelligence/Value/Alignment',
              taskType: 'Value/alignment',
              score: 1 / 3,
              n: 0,
              stderr: null,
              ci: null,
              source: 'seed',
              updatedAt: new Date('2025-03-04T05:06:07.089Z'),
            }),
          ];
          const { source: _omitted, ...withoutSource } = entry({ modelName: 'org/evaluated', score: 0.2 });
          await storage.upsertLeaderboard([...seeds, withoutSource as LeaderboardEntry]);
          const bySource = async (source: readonly LeaderboardSource[] | undefined) =>
            (await storage.browseLeaderboard(source === undefined ? {} : { source })).items;
          const seeded = await bySource(['seed']);
          expect(seeded).toEqual(seeds);
          const evaluated = await bySource(['evaluation']);
          expect(evaluated.map((e) => [e.modelName, e.source])).toEqual([['org/evaluated', 'evaluation']]);
          expect(await bySource(['seed', 'evaluation'])).toHaveLength(3);
          expect(await bySource([])).toHaveLength(3);
          expect((await storage.browseLeaderboard({ source: ['seed'], language: ['en'] })).items).toEqual([
            seeds[0],
          ]);
          await expect(
            storage.browseLeaderboard({ source: ['imported' as LeaderboardSource] }),
          ).rejects.toThrow();
          expect(await storage.deleteLeaderboard({ source: ['seed'] })).toBe(2);
          expect((await storage.browseLeaderboard()).items.map((e) => e.modelName)).toEqual([
            'org/evaluated',
          ]);
        });
      });

      it('breaks ties by model, metric, language, subject and task type, by code point', async () => {
        await withStorage(async (storage) => {
          await storage.upsertLeaderboard([
            entry({ modelName: 'org/a', metric: 'f1', score: 0.5 }),
            entry({ modelName: 'org/a', score: 0.5, language: 'en' }),
            entry({ modelName: 'org/a', score: 0.5, subjectType: 'HASS/Economics' }),
            entry({ modelName: 'org/a', score: 0.5, subjectType: 'HASS/Economics', taskType: 'Reasoning' }),
            entry({ modelName: 'org/a', score: 0.5 }),
            entry({ modelName: 'Org/B', score: 0.5 }),
            entry({ modelName: '모델', score: 0.5 }),
            entry({ modelName: 'org/z', score: 0.9 }),
          ]);
          const label = (e: LeaderboardEntry) =>
            [e.modelName, e.metric, e.language, e.subjectType, e.taskType].join('|');
          const expected = [
            'org/z|accuracy|ko|HASS/History|Knowledge',
            'Org/B|accuracy|ko|HASS/History|Knowledge',
            'org/a|accuracy|en|HASS/History|Knowledge',
            'org/a|accuracy|ko|HASS/Economics|Knowledge',
            'org/a|accuracy|ko|HASS/Economics|Reasoning',
            'org/a|accuracy|ko|HASS/History|Knowledge',
            'org/a|f1|ko|HASS/History|Knowledge',
            '모델|accuracy|ko|HASS/History|Knowledge',
          ];
          expect((await storage.browseLeaderboard()).items.map(label)).toEqual(expected);
          // Ties stay ascending whichever way the sort goes.
          const ascending = await storage.browseLeaderboard({ sort: { by: 'score', direction: 'asc' } });
          expect(ascending.items.map(label)).toEqual([...expected.slice(1), expected[0]]);
        });
      });

      it('pages with a cursor: every entry exactly once, in order, whatever the sort and ties', async () => {
        await withStorage(async (storage) => {
          const entries = tiedBoard();
          await storage.upsertLeaderboard(entries);
          const sorts: NonNullable<LeaderboardQuery['sort']>[] = [
            { by: 'score', direction: 'desc' },
            { by: 'score', direction: 'asc' },
            { by: 'n', direction: 'desc' },
            { by: 'updatedAt', direction: 'asc' },
            { by: 'modelName', direction: 'asc' },
            { by: 'modelName', direction: 'desc' },
          ];
          for (const sort of sorts) {
            const expected = [...entries].sort(referenceOrder(sort)).map(cellOf);
            const full = await storage.browseLeaderboard({ sort, limit: 1000 });
            expect(full.items.map(cellOf), `full listing, ${JSON.stringify(sort)}`).toEqual(expected);
            expect(full.nextCursor).toBeUndefined();
            const walked = await walkCursor(storage, { sort }, 5, entries.length);
            expect(walked.map(cellOf), `cursor walk, ${JSON.stringify(sort)}`).toEqual(expected);
            const byOffset: LeaderboardEntry[] = [];
            for (let offset = 0; offset < entries.length; offset += 5) {
              byOffset.push(...(await storage.browseLeaderboard({ sort, limit: 5, offset })).items);
            }
            expect(byOffset.map(cellOf), `offset walk, ${JSON.stringify(sort)}`).toEqual(expected);
          }
          const korean = entries.filter((e) => e.language === 'ko');
          const filtered = await walkCursor(storage, { language: ['Korean'] }, 4, korean.length);
          expect(filtered.map(cellOf)).toEqual(
            [...korean].sort(referenceOrder({ by: 'score', direction: 'desc' })).map(cellOf),
          );
          const oneByOne = await walkCursor(storage, {}, 1, entries.length);
          expect(new Set(oneByOne.map(cellOf)).size).toBe(entries.length);
        });
      });

      it('a cursor continues after its page even when entries are written meanwhile', async () => {
        await withStorage(async (storage) => {
          const entries = tiedBoard();
          await storage.upsertLeaderboard(entries);
          const expected = [...entries].sort(referenceOrder({ by: 'score', direction: 'desc' })).map(cellOf);
          const first = await storage.browseLeaderboard({ limit: 5 });
          expect(first.items.map(cellOf)).toEqual(expected.slice(0, 5));
          expect(first.nextCursor).toEqual(expect.any(String));
          await storage.upsertLeaderboard([entry({ modelName: 'org/newcomer', score: 0.99 })]);
          const second = await storage.browseLeaderboard({ limit: 5, cursor: first.nextCursor as string });
          expect(second.items.map(cellOf)).toEqual(expected.slice(5, 10));
          expect(second.total).toBe(entries.length + 1);
        });
      });

      it('rejects a malformed cursor, a cursor with an offset, and a cursor of another sort', async () => {
        await withStorage(async (storage) => {
          await storage.upsertLeaderboard(tiedBoard());
          const { nextCursor } = await storage.browseLeaderboard({ limit: 2 });
          expect(nextCursor).toEqual(expect.any(String));
          const cursor = nextCursor as string;
          await expect(storage.browseLeaderboard({ cursor: 'not a cursor!' })).rejects.toThrow(/cursor/);
          await expect(storage.browseLeaderboard({ cursor: 'bm9wZQ' })).rejects.toThrow(/cursor/);
          await expect(storage.browseLeaderboard({ cursor: `${cursor.slice(0, -4)}` })).rejects.toThrow(
            /cursor/,
          );
          await expect(storage.browseLeaderboard({ cursor, offset: 3 })).rejects.toThrow(/offset/);
          await expect(
            storage.browseLeaderboard({ cursor, sort: { by: 'n', direction: 'asc' } }),
          ).rejects.toThrow(/sort/);
          expect((await storage.browseLeaderboard({ cursor, offset: 0, limit: 2 })).items).toHaveLength(2);
        });
      });

      it('lists the distinct categories of the visible leaderboard, sorted', async () => {
        await withStorage(async (storage) => {
          expect(await storage.leaderboardCategories()).toEqual({
            modelNames: [],
            metrics: [],
            languages: [],
            subjectTypes: [],
            taskTypes: [],
          });
          await storage.upsertLeaderboard(board());
          expect(await storage.leaderboardCategories()).toEqual({
            modelNames: ['org/a', 'org/b', 'org/c', 'org/d'],
            metrics: ['accuracy', 'f1'],
            languages: ['en', 'ko'],
            subjectTypes: ['HASS/Economics', 'HASS/History', 'Science/Math', 'Tech./Coding'],
            taskTypes: ['Knowledge', 'Reasoning'],
          });
          await storage.quarantineLeaderboard({ modelName: ['org/c'] });
          await storage.deleteLeaderboard({ modelName: ['org/d'] });
          expect(await storage.leaderboardCategories()).toEqual({
            modelNames: ['org/a', 'org/b'],
            metrics: ['accuracy', 'f1'],
            languages: ['ko'],
            subjectTypes: ['HASS/Economics', 'HASS/History'],
            taskTypes: ['Knowledge'],
          });
        });
      });

      it('quarantine hides entries (kept through upserts) until released', async () => {
        await withStorage(async (storage) => {
          await storage.upsertLeaderboard(board());
          expect(await storage.quarantineLeaderboard({ modelName: ['org/a'] })).toBe(2);
          expect(await storage.quarantineLeaderboard({ modelName: ['org/a'] }, true)).toBe(0);
          const visible = await storage.browseLeaderboard();
          expect(visible.total).toBe(3);
          expect(visible.items.some((e) => e.modelName === 'org/a')).toBe(false);
          expect((await storage.browseLeaderboard({ modelName: ['org/a'] })).total).toBe(0);
          const all = await storage.browseLeaderboard({ includeQuarantined: true });
          expect(all.total).toBe(5);
          expect(all.items.map((e) => e.score)).toEqual([0.9, 0.8, 0.7, 0.6, 0.4]);

          const rescored = entry({ modelName: 'org/a', score: 0.95, subjectType: 'HASS/History' });
          await storage.upsertLeaderboard([rescored]);
          expect((await storage.browseLeaderboard()).total).toBe(3);
          const underReview = await storage.browseLeaderboard({
            modelName: ['org/a'],
            metric: ['accuracy'],
            includeQuarantined: true,
          });
          expect(underReview.items).toEqual([rescored]);

          expect(await storage.quarantineLeaderboard({ modelName: ['org/a'] }, false)).toBe(2);
          expect(await storage.quarantineLeaderboard({ modelName: ['org/a'] }, false)).toBe(0);
          const released = await storage.browseLeaderboard();
          expect(released.total).toBe(5);
          expect(released.items[0]).toEqual(rescored);
          expect(await storage.quarantineLeaderboard({ subjectType: ['HASS'], language: ['Korean'] })).toBe(
            3,
          );
          expect((await storage.browseLeaderboard()).items.map((e) => e.modelName)).toEqual([
            'org/c',
            'org/d',
          ]);
        });
      });

      it('delete hides entries everywhere; an upsert of the same key revives them', async () => {
        await withStorage(async (storage) => {
          await storage.upsertLeaderboard(board());
          expect(await storage.deleteLeaderboard({ language: ['en'] })).toBe(1);
          expect(await storage.deleteLeaderboard({ language: ['en'] })).toBe(0);
          expect((await storage.browseLeaderboard()).total).toBe(4);
          expect((await storage.browseLeaderboard({ includeQuarantined: true })).total).toBe(4);
          expect((await storage.browseLeaderboard({ modelName: ['org/c'] })).items).toEqual([]);
          expect(await storage.quarantineLeaderboard({ modelName: ['org/c'] })).toBe(0);

          const revived = entry({
            modelName: 'org/c',
            score: 0.85,
            n: 130,
            language: 'en',
            subjectType: 'Tech./Coding',
            taskType: 'Reasoning',
          });
          await storage.upsertLeaderboard([revived]);
          expect((await storage.browseLeaderboard({ modelName: ['org/c'] })).items).toEqual([revived]);
          expect((await storage.browseLeaderboard()).total).toBe(5);

          // A quarantined entry stays quarantined through a delete and revival.
          await storage.quarantineLeaderboard({ modelName: ['org/b'] });
          expect(await storage.deleteLeaderboard({ modelName: ['org/b'] })).toBe(1);
          await storage.upsertLeaderboard([
            entry({ modelName: 'org/b', score: 0.7, subjectType: 'HASS/Economics' }),
          ]);
          expect((await storage.browseLeaderboard({ modelName: ['org/b'] })).total).toBe(0);
          expect(
            (await storage.browseLeaderboard({ modelName: ['org/b'], includeQuarantined: true })).total,
          ).toBe(1);

          expect(await storage.deleteLeaderboard({})).toBe(5);
          expect((await storage.browseLeaderboard({ includeQuarantined: true })).total).toBe(0);
          expect((await storage.leaderboardCategories()).modelNames).toEqual([]);
        });
      });
    });

    describe('stats', () => {
      it('counts tasks by status, results and failures, and visible, quarantined and deleted entries', async () => {
        await withStorage(async (storage) => {
          expect(await storage.stats()).toEqual({
            tasks: { PENDING: 0, STARTED: 0, SUCCESS: 0, FAILURE: 0, CANCELLED: 0, HOLD: 0 },
            results: { total: 0, failed: 0 },
            leaderboard: { visible: 0, quarantined: 0, deleted: 0 },
          });
          await taskIn(storage, 'PENDING');
          await taskIn(storage, 'PENDING');
          const running = await taskIn(storage, 'STARTED');
          const done = await taskIn(storage, 'SUCCESS');
          await taskIn(storage, 'FAILURE');
          await storage.appendResults([
            result(running.id, { sampleId: 'a' }),
            result(running.id, { sampleId: 'b' }),
            failure(running.id, { sampleId: 'c' }),
            failure(running.id, { sampleId: 'd' }),
            result(done.id, { sampleId: 'a' }),
          ]);
          await storage.appendResults([result(running.id, { sampleId: 'd' })]);
          await storage.upsertLeaderboard(board());
          await storage.quarantineLeaderboard({ modelName: ['org/b'] });
          await storage.deleteLeaderboard({ modelName: ['org/d'] });
          expect(await storage.stats()).toEqual({
            tasks: { PENDING: 2, STARTED: 1, SUCCESS: 1, FAILURE: 1, CANCELLED: 0, HOLD: 0 },
            results: { total: 5, failed: 1 },
            leaderboard: { visible: 3, quarantined: 1, deleted: 1 },
          });
          await storage.cleanup(new Date(Date.now() + 60_000));
          const after = await storage.stats();
          expect(after.tasks).toEqual({
            PENDING: 2,
            STARTED: 1,
            SUCCESS: 0,
            FAILURE: 0,
            CANCELLED: 0,
            HOLD: 0,
          });
          expect(after.results).toEqual({ total: 4, failed: 1 });
        });
      });
    });

    describe('cleanup', () => {
      it('removes finished tasks older than the cutoff with their results, and nothing else', async () => {
        await withStorage(async (storage) => {
          const done = await taskIn(storage, 'SUCCESS');
          const failed = await taskIn(storage, 'FAILURE');
          const cancelled = await taskIn(storage, 'CANCELLED');
          const running = await taskIn(storage, 'STARTED');
          const pending = await taskIn(storage, 'PENDING');
          const held = await taskIn(storage, 'HOLD');
          const all = [done, failed, cancelled, running, pending, held];
          for (const task of all) {
            await storage.appendResults([
              result(task.id, { sampleId: 'a' }),
              failure(task.id, { sampleId: 'b' }),
            ]);
          }
          await storage.upsertLeaderboard([entry({ modelName: unique('kept') })]);
          const finishedAt = Math.min(...[done, failed, cancelled].map((t) => t.finishedAt?.getTime() ?? 0));
          expect(await storage.cleanup(new Date(finishedAt))).toEqual({ tasks: 0, results: 0 });

          const outcome = await storage.cleanup(new Date(Date.now() + 60_000));
          expect(outcome).toEqual({ tasks: 3, results: 6 });
          for (const task of [done, failed, cancelled]) {
            expect(await storage.getTask(task.id)).toBeUndefined();
            expect(await collect(storage.streamResults({ taskId: task.id }))).toEqual([]);
          }
          for (const task of [running, pending, held]) {
            expect((await storage.getTask(task.id))?.status).toBe(task.status);
            expect(await collect(storage.streamResults({ taskId: task.id }))).toHaveLength(2);
          }
          expect((await storage.browseLeaderboard()).total).toBe(1);
          expect(await storage.cleanup(new Date(Date.now() + 60_000))).toEqual({ tasks: 0, results: 0 });
        });
      });
    });

    describe('credentials', () => {
      it('round-trips secrets, replaces them, lists names without values, and deletes them', async () => {
        await withStorage(async (storage) => {
          const openai = `sk-${unique('secret')}`;
          const anthropic = `sk-ant-${unique('secret')}-키`;
          expect(await storage.getCredential('openai')).toBeUndefined();
          await storage.storeCredential('openai', openai);
          await storage.storeCredential('anthropic', anthropic);
          expect(await storage.getCredential('openai')).toBe(openai);
          expect(await storage.getCredential('anthropic')).toBe(anthropic);

          const listed = await storage.listCredentials();
          expect(listed.map((c) => c.name).sort()).toEqual(['anthropic', 'openai']);
          expect(listed.every((c) => c.createdAt instanceof Date)).toBe(true);
          const text = JSON.stringify(listed);
          expect(text).not.toContain(openai);
          expect(text).not.toContain(anthropic);
          expect(listed.every((c) => Object.keys(c).sort().join() === 'createdAt,name')).toBe(true);

          const rotated = `sk-${unique('rotated')}`;
          await storage.storeCredential('openai', rotated);
          expect(await storage.getCredential('openai')).toBe(rotated);
          expect(await storage.listCredentials()).toHaveLength(2);

          expect(await storage.deleteCredential('openai')).toBe(true);
          expect(await storage.deleteCredential('openai')).toBe(false);
          expect(await storage.getCredential('openai')).toBeUndefined();
          expect((await storage.listCredentials()).map((c) => c.name)).toEqual(['anthropic']);
        });
      });
    });

    describe('close', () => {
      it('releases the storage: later calls reject', async () => {
        const storage = await create();
        await storage.migrate();
        const task = await newTask(storage);
        await storage.close();
        await expect(storage.getTask(task.id)).rejects.toThrow();
        await expect(storage.appendResults([result(task.id)])).rejects.toThrow();
      });
    });

    describe('optional capabilities', () => {
      it('persistent: tasks, results, leaderboard and credentials survive close', async (context) => {
        const storage = await create();
        let reopened: StorageV1 | undefined;
        try {
          context.skip(!storage.capabilities.persistent, 'the storage does not declare persistent');
          context.skip(reopen === undefined, 'persistent cases need the `reopen` option');
          await storage.migrate();
          const task = await newTask(storage);
          await storage.appendResults([result(task.id), failure(task.id, { sampleId: 's2' })]);
          const model = unique('org/persisted');
          await storage.upsertLeaderboard([entry({ modelName: model })]);
          const name = unique('cred');
          await storage.storeCredential(name, 'secret-value');
          const opener = reopen as NonNullable<typeof reopen>;
          await storage.close();
          reopened = await opener(storage);
          await reopened.migrate();
          expect(await reopened.getTask(task.id)).toEqual(task);
          expect(await collect(reopened.streamResults({ taskId: task.id }))).toHaveLength(2);
          expect((await reopened.browseLeaderboard({ modelName: [model] })).total).toBe(1);
          expect(await reopened.getCredential(name)).toBe('secret-value');
          await reopened.deleteCredential(name);
        } finally {
          await (reopened ?? storage).close();
        }
      });

      it('concurrentWriters: two handles appending the same keys at once keep them unique', async (context) => {
        const storage = await create();
        let second: StorageV1 | undefined;
        try {
          context.skip(
            !storage.capabilities.concurrentWriters,
            'the storage does not declare concurrentWriters',
          );
          context.skip(reopen === undefined, 'concurrentWriters cases need the `reopen` option');
          await storage.migrate();
          second = await (reopen as NonNullable<typeof reopen>)(storage);
          const task = await newTask(storage);
          const batches = Array.from({ length: 10 }, (_, b) =>
            Array.from({ length: 40 }, (_, i) => result(task.id, { sampleId: `s${(b * 20 + i) % 150}` })),
          );
          const handles = [storage, second];
          const outcomes = await Promise.all(
            batches.map((batch, b) => (handles[b % 2] as StorageV1).appendResults(batch)),
          );
          const distinct = new Set(batches.flat().map(keyOf)).size;
          expect(outcomes.reduce((n, o) => n + o.written, 0)).toBe(distinct);
          expect(await collect(second.streamResults({ taskId: task.id }))).toHaveLength(distinct);
        } finally {
          await second?.close();
          await storage.close();
        }
      });
    });
  });
}

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { TaskTransitionError } from '../../src/domain/task.js';
import { BenchHubError } from '../../src/errors/benchhub-error.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';

function result(taskId: string, fields: Partial<SampleResult> = {}): SampleResult {
  return {
    taskId,
    modelId: 'm',
    sampleId: 's',
    datasetName: 'd',
    repeat: 0,
    scores: { accuracy: 1 },
    attempts: 1,
    labels: { language: 'ko', subjectType: ['HASS/History'] },
    createdAt: new Date(0),
    ...fields,
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('createMemoryStorage', () => {
  it('takes its clock and id generator from the options', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    let n = 0;
    const storage = createMemoryStorage({ now: () => new Date(now), generateId: () => `task-${++n}` });
    const task = await storage.createTask({ planName: 'p', plan: {} });
    expect(task.id).toBe('task-1');
    expect(task.createdAt.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    now += 5000;
    const started = await storage.updateTask(task.id, { status: 'STARTED' });
    expect(started?.startedAt?.toISOString()).toBe('2025-01-01T00:00:05.000Z');
    await storage.upsertLeaderboard([
      {
        modelName: 'm',
        metric: 'accuracy',
        language: 'ko',
        subjectType: 'HASS/History',
        taskType: 'Knowledge',
        score: 1,
        n: 1,
        stderr: null,
        ci: null,
        updatedAt: new Date(now - 10_000),
        source: 'evaluation',
      },
    ]);
    expect((await storage.browseLeaderboard({ maxAgeMs: 10_000 })).total).toBe(1);
    now += 1;
    expect((await storage.browseLeaderboard({ maxAgeMs: 10_000 })).total).toBe(0);
  });

  it('names what is wrong with a bad result and writes nothing of its batch', async () => {
    const storage = createMemoryStorage();
    const task = await storage.createTask({ planName: 'p', plan: {} });
    const good = result(task.id);
    await expect(storage.appendResults([good, result(task.id, { repeat: -1 })])).rejects.toThrow(
      'appendResults: results[1].repeat must be an integer >= 0, got -1',
    );
    await expect(storage.appendResults([result(task.id, { sampleId: '' })])).rejects.toThrow(
      'results[0].sampleId must be a non-empty string',
    );
    await expect(
      storage.appendResults([good, result(task.id, { error: { name: 'E', message: 'x' }, sampleId: 't' })]),
    ).rejects.toThrow('results[1] has an error and a score for "accuracy"');
    await expect(storage.appendResults([good, result('nope')])).rejects.toThrow(
      'results[1].taskId "nope" names no task',
    );
    expect(await collect(storage.streamResults({ taskId: task.id }))).toEqual([]);
  });

  it('copies results in and out, so callers cannot change what is stored', async () => {
    const storage = createMemoryStorage();
    const task = await storage.createTask({ planName: 'p', plan: {} });
    const r = result(task.id, { output: 'kept' });
    await storage.appendResults([r]);
    r.output = 'changed after append';
    const [out] = await collect(storage.streamResults({ taskId: task.id }));
    expect(out?.output).toBe('kept');
    if (out) out.output = 'changed after read';
    expect((await collect(storage.streamResults({ taskId: task.id })))[0]?.output).toBe('kept');
  });

  it('explains refused task updates', async () => {
    const storage = createMemoryStorage();
    const task = await storage.createTask({ planName: 'p', plan: {}, total: 2 });
    await expect(storage.updateTask('nope', {})).rejects.toThrow('updateTask: no task with id "nope"');
    await expect(storage.updateTask(task.id, { error: { name: 'E', message: 'm' } })).rejects.toThrow(
      /only with status FAILURE/,
    );
    await expect(storage.updateTask(task.id, { progress: { completed: 3 } })).rejects.toThrow(
      /progress.completed completed exceeds total/,
    );
    await expect(storage.updateTask(task.id, { progress: { completed: 1, failed: 2 } })).rejects.toThrow(
      /failed exceeds completed/,
    );
    await expect(storage.updateTask(task.id, { status: 'DONE' as never })).rejects.toThrow(
      /unknown status "DONE"/,
    );
    await storage.updateTask(task.id, { status: 'STARTED' });
    await storage.updateTask(task.id, { status: 'SUCCESS' });
    const refused = await storage.updateTask(task.id, { status: 'STARTED' }).catch((e: unknown) => e);
    expect(TaskTransitionError.isInstance(refused)).toBe(true);
    expect((refused as Error).message).toContain('SUCCESS is final');
    await expect(storage.createTask({ planName: '', plan: {} })).rejects.toThrow(/planName/);
    await expect(storage.createTask({ planName: 'p', plan: { f: () => 1 } })).rejects.toThrow(/plain data/);
  });

  it('rejects bad paging, sorting and leaderboard entries by name', async () => {
    const storage = createMemoryStorage();
    await expect(storage.listTasks({ limit: -1 })).rejects.toThrow(
      'listTasks: limit must be an integer >= 0, got -1',
    );
    await expect(storage.browseLeaderboard({ offset: 1.5 })).rejects.toThrow(/offset must be an integer/);
    await expect(
      storage.browseLeaderboard({ sort: { by: 'rank' as never, direction: 'asc' } }),
    ).rejects.toThrow(/sort must be/);
    await expect(
      storage.upsertLeaderboard([
        {
          modelName: 'm',
          metric: 'accuracy',
          language: 'ko',
          subjectType: 'HASS/Histroy',
          taskType: 'Knowledge',
          score: 1,
          n: 1,
          stderr: null,
          ci: null,
          updatedAt: new Date(),
          source: 'evaluation',
        },
      ]),
    ).rejects.toThrow(
      /entries\[0\]\.subjectType: unknown subject "HASS\/Histroy": did you mean "HASS\/History"/,
    );
    await expect(storage.cleanup(new Date('nope'))).rejects.toThrow(/olderThan must be a valid Date/);
  });

  it('caps a page at 1000 and defaults to 50', async () => {
    const storage = createMemoryStorage();
    for (let i = 0; i < 1005; i++) await storage.createTask({ planName: 'p', plan: {} });
    expect((await storage.listTasks()).items).toHaveLength(50);
    const big = await storage.listTasks({ limit: 5000 });
    expect(big.items).toHaveLength(1000);
    expect(big.total).toBe(1005);
  });

  it('keeps credential values out of sight and refuses a bad key', async () => {
    const secret = 'sk-live-do-not-print-0123456789';
    const storage = createMemoryStorage();
    await storage.storeCredential('openai', secret);
    expect(inspect(storage, { depth: 10, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(await storage.listCredentials())).not.toContain(secret);
    await expect(storage.storeCredential('', 'x')).rejects.toThrow(/name must be a non-empty string/);
    expect(() => createMemoryStorage({ credentialKey: new Uint8Array(31) })).toThrow(BenchHubError);
  });

  it('appends in time proportional to the batch, not to what is stored', async () => {
    const storage = createMemoryStorage();
    const task = await storage.createTask({ planName: 'p', plan: {} });
    const batchOf = (from: number) =>
      Array.from({ length: 1000 }, (_, i) => result(task.id, { sampleId: `s${from + i}` }));
    const timeBatches = async (from: number, count: number) => {
      const batches = Array.from({ length: count }, (_, b) => batchOf(from + b * 1000));
      const start = performance.now();
      for (const batch of batches) await storage.appendResults(batch);
      return performance.now() - start;
    };
    await timeBatches(0, 20); // warm up
    const early = await timeBatches(100_000, 20);
    await timeBatches(200_000, 150);
    const late = await timeBatches(1_000_000, 20);
    // 20,000 results each; generous bounds so a slow CI machine does not flake.
    expect(late).toBeLessThan(early * 4 + 20);
    expect(20_000 / (late / 1000)).toBeGreaterThan(200_000);
  });

  it('close rejects later calls, ends streams and may be called twice', async () => {
    const storage = createMemoryStorage();
    const task = await storage.createTask({ planName: 'p', plan: {} });
    await storage.appendResults([result(task.id, { sampleId: 'a' }), result(task.id, { sampleId: 'b' })]);
    const stream = storage.streamResults({ taskId: task.id })[Symbol.asyncIterator]();
    expect((await stream.next()).done).toBe(false);
    await storage.close();
    await storage.close();
    expect((await stream.next()).done).toBe(true);
    await expect(storage.listCredentials()).rejects.toThrow('listCredentials: the memory storage is closed');
  });
});

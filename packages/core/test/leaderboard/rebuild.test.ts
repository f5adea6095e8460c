import { describe, expect, it } from 'vitest';
import type { LeaderboardEntry } from '../../src/domain/leaderboard.js';
import type { SampleResult } from '../../src/domain/result.js';
import { evaluate } from '../../src/engine/index.js';
import { rebuildLeaderboard } from '../../src/leaderboard/rebuild.js';
import type { StorageV1 } from '../../src/spec/storage.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { mcqaPlan, questionNumber } from '../engine/helpers.js';

async function everything(storage: StorageV1): Promise<LeaderboardEntry[]> {
  return (await storage.browseLeaderboard({ limit: 1000, includeQuarantined: true })).items;
}

function result(taskId: string, fields: Partial<SampleResult> = {}): SampleResult {
  return {
    taskId,
    modelId: 'org/m',
    sampleId: 's0',
    datasetName: 'd',
    repeat: 0,
    scores: { accuracy: 1 },
    attempts: 1,
    labels: { language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' },
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...fields,
  };
}

/** Creates a task, stores its results and moves it to `status` (finishing it at the storage's clock). */
async function taskWith(
  storage: StorageV1,
  results: (taskId: string) => SampleResult[],
  status: 'SUCCESS' | 'FAILURE' | 'STARTED' = 'SUCCESS',
  plan: Record<string, unknown> = {},
): Promise<string> {
  const task = await storage.createTask({ planName: 'p', plan });
  await storage.updateTask(task.id, { status: 'STARTED' });
  await storage.appendResults(results(task.id));
  if (status === 'SUCCESS') await storage.updateTask(task.id, { status: 'SUCCESS' });
  if (status === 'FAILURE') {
    await storage.updateTask(task.id, { status: 'FAILURE', error: { name: 'E', message: 'boom' } });
  }
  return task.id;
}

describe('rebuildLeaderboard', () => {
  it('recomputes exactly what the engine upserted: repeats, reducers, metrics, intervals, dates', async () => {
    const storage = createMemoryStorage();
    // Repeats with a majority vote: question i answers gold on repeats 0 and 2 when i is even.
    const voting = createMockProvider({
      respond: (request, call) => {
        const i = questionNumber(request);
        const repeat = call.index % 3;
        return `Answer: ${'ABCD'[repeat === 1 || i % 2 === 1 ? (i + 1) % 4 : i % 4]}`;
      },
    });
    const first = await evaluate(
      mcqaPlan(12, {
        evaluation: { repeats: 3, reducer: 'majority', metrics: ['accuracy', 'squad_f1', 'bleu'] },
      }),
      { providers: { m1: voting }, storage, concurrency: 1 },
    );
    const plain = createMockProvider({
      respond: (request) => `Answer: ${'ABCD'[questionNumber(request) % 3]}`,
    });
    const second = await evaluate(
      mcqaPlan(9, {
        models: [{ provider: 'mock', model: 'mock-model', id: 'm2' }],
        evaluation: { confidenceLevel: 0.9 },
      }),
      { providers: { m2: plain }, storage },
    );
    expect([first.task.status, second.task.status]).toEqual(['SUCCESS', 'SUCCESS']);
    const upserted = await everything(storage);
    expect(upserted.length).toBeGreaterThan(0);
    expect(new Set(upserted.map((e) => e.metric))).toEqual(new Set(['accuracy', 'squad_f1']));
    expect(upserted.find((e) => e.modelName === 'm2')?.ci?.level).toBe(0.9);

    expect(await storage.deleteLeaderboard({})).toBe(upserted.length);
    expect(await everything(storage)).toEqual([]);
    const outcome = await rebuildLeaderboard(storage);
    expect(outcome).toEqual({ tasks: 2, results: 12 * 3 + 9, entries: upserted.length });
    expect(await everything(storage)).toEqual(upserted);
  });

  it('lets the task that finished last win each cell, skips unfinished and failed tasks, keeps seeds', async () => {
    let clock = Date.parse('2025-02-01T00:00:00Z');
    const storage = createMemoryStorage({ now: () => new Date(clock) });
    const seed: LeaderboardEntry = {
      modelName: 'Qwen_Qwen3-8B',
      metric: 'accuracy',
      language: 'en',
      subjectType: 'HASS/History',
      taskType: 'Knowledge',
      score: 0.25,
      n: 0,
      stderr: null,
      ci: null,
      updatedAt: new Date('2024-12-01T00:00:00Z'),
      source: 'seed',
    };
    await storage.upsertLeaderboard([seed]);
    const scored = (score: number) => (taskId: string) =>
      [0, 1, 2, 3].map((i) =>
        result(taskId, { sampleId: `s${i}`, scores: { accuracy: i < 4 * score ? 1 : 0 } }),
      );
    // Created first, finished last: its scores (0.75) are the ones that stay.
    const early = await storage.createTask({ planName: 'early', plan: {} });
    await storage.updateTask(early.id, { status: 'STARTED' });
    await storage.appendResults(scored(0.75)(early.id));
    clock += 1000;
    await taskWith(storage, scored(0.25));
    clock += 1000;
    await storage.updateTask(early.id, { status: 'SUCCESS' });
    clock += 1000;
    await taskWith(storage, scored(0), 'FAILURE');
    await taskWith(storage, scored(0), 'STARTED');
    await storage.appendResults([
      result(early.id, { sampleId: 'failed', scores: {}, error: { name: 'E', message: 'timeout' } }),
    ]);

    const outcome = await rebuildLeaderboard(storage);
    expect(outcome).toEqual({ tasks: 2, results: 8, entries: 4 });
    const evaluated = (await storage.browseLeaderboard({ source: ['evaluation'] })).items;
    expect(evaluated.map((e) => [e.subjectType, e.score, e.n])).toEqual([
      ['HASS', 0.75, 4],
      ['HASS/History', 0.75, 4],
    ]);
    expect((await storage.browseLeaderboard({ source: ['seed'] })).items).toEqual([seed]);
  });

  it('streams one task at a time and upserts in batches of batchSize', async () => {
    const storage = createMemoryStorage();
    const subjects = ['HASS/History', 'HASS/Economics', 'Science/Math', 'Tech./Coding'];
    for (const model of ['org/a', 'org/b']) {
      await taskWith(storage, (taskId) =>
        subjects.map((subject, i) =>
          result(taskId, {
            modelId: model,
            sampleId: `s${i}`,
            labels: { language: 'ko', subjectType: [subject], taskType: 'Knowledge' },
          }),
        ),
      );
    }
    const events: string[] = [];
    const watched: StorageV1 = {
      ...storage,
      streamResults(query) {
        events.push(`stream ${query.taskId}`);
        return storage.streamResults(query);
      },
      async upsertLeaderboard(entries) {
        events.push(`upsert ${entries.length}`);
        await storage.upsertLeaderboard(entries);
      },
    };
    // Per task: 4 fine subjects + 3 coarse ones = 7 entries, in batches of 3.
    expect(await rebuildLeaderboard(watched, { batchSize: 3 })).toEqual({
      tasks: 2,
      results: 8,
      entries: 14,
    });
    const tasks = (await storage.listTasks({ order: 'oldest' })).items.map((t) => t.id);
    expect(events).toEqual([
      `stream ${tasks[0]}`,
      'upsert 3',
      'upsert 3',
      'upsert 1',
      `stream ${tasks[1]}`,
      'upsert 3',
      'upsert 3',
      'upsert 1',
    ]);
    expect((await storage.browseLeaderboard()).total).toBe(14);
  });

  it('keeps quarantine, reads the reducer from the stored plan, and checks its options', async () => {
    const storage = createMemoryStorage();
    await taskWith(
      storage,
      (taskId) => [
        result(taskId, { repeat: 0, scores: { accuracy: 0 } }),
        result(taskId, { repeat: 1, scores: { accuracy: 1 } }),
        result(taskId, { repeat: 2, scores: { accuracy: 0 } }),
      ],
      'SUCCESS',
      { evaluation: { reducer: { bestOf: 'accuracy' }, confidenceLevel: 0.8 } },
    );
    await rebuildLeaderboard(storage);
    const [best] = (await storage.browseLeaderboard({ subjectType: ['HASS/History'] })).items;
    expect(best?.score).toBe(1);
    expect(best?.ci?.level).toBe(0.8);
    await storage.quarantineLeaderboard({});
    await rebuildLeaderboard(storage);
    expect((await storage.browseLeaderboard()).total).toBe(0);
    expect((await storage.browseLeaderboard({ includeQuarantined: true })).total).toBe(2);
    await expect(rebuildLeaderboard(storage, { batchSize: 0 })).rejects.toThrow(
      /batchSize must be an integer >= 1/,
    );
    await expect(rebuildLeaderboard(storage, { confidenceLevel: 1.5 })).rejects.toThrow(/confidenceLevel/);
    const aborted = new AbortController();
    aborted.abort(new Error('stop'));
    await expect(rebuildLeaderboard(storage, { signal: aborted.signal })).rejects.toThrow('stop');
  });
});

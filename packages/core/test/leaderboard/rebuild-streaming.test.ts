import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { rebuildLeaderboard } from '../../src/leaderboard/rebuild.js';
import type { StorageV1 } from '../../src/spec/storage.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';

function result(taskId: string, sampleId: string, repeat: number, score: number | 'error'): SampleResult {
  return {
    taskId,
    modelId: 'org/m',
    sampleId,
    datasetName: 'd',
    repeat,
    ...(score === 'error'
      ? { scores: {}, error: { name: 'E', message: 'timeout' } }
      : { scores: { accuracy: score } }),
    attempts: 1,
    labels: { language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' },
    createdAt: new Date('2025-01-01T00:00:00Z'),
  };
}

async function successfulTask(
  storage: StorageV1,
  plan: Record<string, unknown>,
  scores: (number | 'error')[][],
) {
  const task = await storage.createTask({ planName: 'p', plan });
  await storage.updateTask(task.id, { status: 'STARTED' });
  await storage.appendResults(
    scores.flatMap((repeats, s) => repeats.map((score, r) => result(task.id, `s${s}`, r, score))),
  );
  await storage.updateTask(task.id, { status: 'SUCCESS' });
}

describe('rebuildLeaderboard (streaming)', () => {
  it('gives the same cells whether the stored plan states its repeats or not, failed repeats left out', async () => {
    const scores: (number | 'error')[][] = [
      ['error', 1],
      [0, 1],
      ['error', 'error'],
      [1, 1],
    ];
    const cells = async (plan: Record<string, unknown>) => {
      const storage = createMemoryStorage();
      await successfulTask(storage, plan, scores);
      const outcome = await rebuildLeaderboard(storage);
      const entries = (await storage.browseLeaderboard()).items;
      return { outcome, entries: entries.map((e) => [e.subjectType, e.score, e.n]) };
    };
    const known = await cells({ evaluation: { repeats: 2 } });
    expect(known).toEqual({
      outcome: { tasks: 1, results: 5, entries: 2 },
      entries: [
        ['HASS', (1 + 0.5 + 1) / 3, 3],
        ['HASS/History', (1 + 0.5 + 1) / 3, 3],
      ],
    });
    expect(await cells({})).toEqual(known);
    expect(await cells({ evaluation: { repeats: 'two' } })).toEqual(known);
  });
});

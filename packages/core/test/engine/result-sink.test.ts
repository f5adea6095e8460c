import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { ResultSink } from '../../src/engine/result-sink.js';
import type { StorageV1 } from '../../src/spec/storage.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';

async function writeThrough(storeProgress: boolean | undefined): Promise<number> {
  const storage = createMemoryStorage();
  const task = await storage.createTask({ planName: 'p', plan: { name: 'p' } });
  let progressWrites = 0;
  const counting: StorageV1 = {
    ...storage,
    updateTask: (...args) => {
      if (args[1].progress !== undefined) progressWrites++;
      return storage.updateTask(...args);
    },
  };
  const sink = new ResultSink({
    taskId: task.id,
    storage: counting,
    batchSize: 2,
    flushIntervalMs: 1_000,
    progressIntervalMs: 100,
    ...(storeProgress === undefined ? {} : { storeProgress }),
  });
  sink.total = 4;
  for (let i = 0; i < 4; i++) {
    const result: SampleResult = {
      taskId: task.id,
      modelId: 'm',
      sampleId: `s${i}`,
      datasetName: 'd',
      repeat: 0,
      scores: { accuracy: 1 },
      attempts: 1,
      labels: { language: 'en', subjectType: [] },
      createdAt: new Date(),
    };
    sink.add(result, false);
  }
  await sink.close();
  expect(sink.progress()).toEqual({ total: 4, completed: 4, failed: 0 });
  return progressWrites;
}

describe('result sink', () => {
  it('writes the task progress while results come in, unless told nobody else reads the storage', async () => {
    expect(await writeThrough(undefined)).toBe(1); // at most once a second
    expect(await writeThrough(false)).toBe(0);
  });
});

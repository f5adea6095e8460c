import { describe, expect, it } from 'vitest';
import { createSampleJobHandler, prepareEvaluation, type SampleJobData } from '../../src/engine/index.js';
import { createInProcessQueue } from '../../src/queue/in-process/create-in-process-queue.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { goldAnswer, mcqaPlan } from './helpers.js';

describe('worker-side job handler', () => {
  it('runs queued sample jobs with prepareEvaluation + createSampleJobHandler', async () => {
    const storage = createMemoryStorage();
    const task = await storage.createTask({ planName: 'engine test', plan: { name: 'engine test' } });
    const model = createMockProvider({ respond: goldAnswer });
    const runtime = await prepareEvaluation(mcqaPlan(6), {
      providers: { m1: model },
      storage,
      taskId: task.id,
    });
    const queue = createInProcessQueue<SampleJobData>();
    await queue.enqueue([
      {
        taskId: task.id,
        name: 'benchhub.samples',
        data: { modelId: 'm1', dataset: 'mcqa', sampleIds: ['q0', 'q1', 'q2'], repeats: [0, 0, 0] },
      },
      {
        taskId: task.id,
        name: 'benchhub.samples',
        data: { modelId: 'm1', dataset: 'mcqa', sampleIds: ['q3', 'q4'], repeats: [0, 0] },
      },
      {
        taskId: task.id,
        name: 'benchhub.samples',
        data: { modelId: 'nope', dataset: 'mcqa', sampleIds: ['q5'], repeats: [0] },
        maxAttempts: 1,
      },
    ]);
    const worker = queue.process(createSampleJobHandler(runtime), { concurrency: 2 });
    for (
      let i = 0;
      i < 100 && (await queue.counts(task.id)).completed + (await queue.counts(task.id)).failed < 3;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await worker.close();
    await runtime.close();
    const counts = await queue.counts(task.id);
    expect(counts.completed).toBe(2);
    expect(counts.failed).toBe(1); // unknown model: an unrecoverable job
    const ids: string[] = [];
    for await (const r of storage.streamResults({ taskId: task.id })) ids.push(r.sampleId);
    expect(ids.sort()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
    await queue.close();
  });
});

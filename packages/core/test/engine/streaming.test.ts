import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/datasets/rows.js';
import type { HuggingFaceSourceOpener } from '../../src/datasets/sources/open-source.js';
import { FingerprintSet } from '../../src/engine/fingerprint-set.js';
import { evaluate } from '../../src/engine/index.js';
import { JobSource } from '../../src/engine/job-source.js';
import type { DatasetRuntime, PreparedSample } from '../../src/engine/prepare.js';
import { itemKey } from '../../src/engine/sample-census.js';
import type { SampleJobData } from '../../src/engine/sample-job.js';
import { createMemoryStorage } from '../../src/storage/memory/create-memory-storage.js';
import { createMockProvider } from '../../src/testing/mock-provider.js';
import { delay, goldAnswer, mcqaRows } from './helpers.js';

/** A Hub source served from generated rows, counting the rows handed out by each read of it. */
function countingSource(rows: readonly Record<string, unknown>[]) {
  const reads: number[] = [];
  const opener: HuggingFaceSourceOpener = async function* () {
    const read = reads.push(0) - 1;
    for (const [i, data] of rows.entries()) {
      reads[read]!++;
      yield { source: 'org/rows', row: i + 1, data } satisfies RawRow;
    }
  };
  return { opener, reads };
}

function streamedPlan(models: number) {
  return {
    name: 'streaming',
    models: Array.from({ length: models }, (_, i) => ({ provider: 'mock', model: `m${i}`, id: `m${i}` })),
    datasets: [{ name: 'hub', source: { type: 'huggingface' as const, dataset: 'org/rows' } }],
  };
}

describe('a dataset without sampleSize streams through the run', () => {
  it('reads it once to count and check it, then again as the calls go, never far ahead of them', async () => {
    const rows = mcqaRows(20_000);
    const { opener, reads } = countingSource(rows);
    let answered = 0;
    let maxAhead = 0;
    const provider = createMockProvider({
      respond: (request) => {
        answered++;
        maxAhead = Math.max(maxAhead, (reads[1] ?? 0) - answered);
        return goldAnswer(request);
      },
    });
    const result = await evaluate(streamedPlan(1), {
      providers: { mock: provider },
      huggingface: opener,
      storage: createMemoryStorage(),
    });
    expect(result.task.status).toBe('SUCCESS');
    expect(result.task.progress).toEqual({ total: 20_000, completed: 20_000, failed: 0 });
    expect(result.aggregates[0]).toMatchObject({ value: 1, n: 20_000 });
    // The census read and the run's read, both whole.
    expect(reads).toEqual([20_000, 20_000]);
    // The run holds a bounded window of samples: at most 12 chunks of 256 (plus a read batch), not the dataset.
    expect(maxAhead).toBeGreaterThan(0);
    expect(maxAhead).toBeLessThan(12 * 256 + 1_100);
  });

  it('lets a fast model run ahead of a slow one only as far as the window, and finishes both', async () => {
    const rows = mcqaRows(6_000);
    const { opener, reads } = countingSource(rows);
    const answered = new Map<string, number>();
    let maxAhead = 0;
    const provider = (id: string, slow: boolean) =>
      createMockProvider({
        modelId: id,
        respond: async (request) => {
          if (slow && answered.get(id)! % 50 === 0) await delay(1);
          answered.set(id, answered.get(id)! + 1);
          const slowest = Math.min(...answered.values());
          maxAhead = Math.max(maxAhead, (reads[1] ?? 0) - slowest);
          return goldAnswer(request);
        },
      });
    answered.set('m0', 0).set('m1', 0);
    const result = await evaluate(streamedPlan(2), {
      providers: { m0: provider('m0', false), m1: provider('m1', true) },
      huggingface: opener,
      storage: createMemoryStorage(),
      concurrency: { perModel: 4 },
      chunkSize: 64,
    });
    expect(result.task.progress).toEqual({ total: 12_000, completed: 12_000, failed: 0 });
    expect(reads).toEqual([6_000, 6_000]);
    expect(answered).toEqual(
      new Map([
        ['m0', 6_000],
        ['m1', 6_000],
      ]),
    );
    // lookahead (2 × 2 jobs + 8) = 12 chunks of 64, plus the source's read batch.
    expect(maxAhead).toBeLessThan(12 * 64 + 1_100);
  });

  it('finds a repeated sample id, within a dataset or across two, before any call', async () => {
    const rows = mcqaRows(3_000);
    rows.push({ ...rows[1_234]! });
    const { opener } = countingSource(rows);
    const provider = createMockProvider({ respond: goldAnswer });
    const within = await evaluate(streamedPlan(1), {
      providers: { mock: provider },
      huggingface: opener,
    });
    expect(within.task.status).toBe('FAILURE');
    expect(within.task.error?.message).toMatch(/sample id "q1234" appears twice/);

    const across = await evaluate(
      {
        name: 'two datasets',
        models: [{ provider: 'mock', model: 'm' }],
        datasets: [
          { name: 'a', source: { type: 'inline', rows: mcqaRows(10) } },
          { name: 'b', source: { type: 'inline', rows: mcqaRows(5, 'x').concat(mcqaRows(8).slice(7)) } },
        ],
      },
      { providers: { mock: provider } },
    );
    expect(across.task.status).toBe('FAILURE');
    expect(across.task.error?.message).toMatch(/sample id "q7" is in datasets "a" and "b"/);
    expect(provider.calls).toHaveLength(0);
  });
});

function fakeDataset(name: string, count: number, pulled: { n: number }): DatasetRuntime {
  const samples: PreparedSample[] = mcqaRows(count, `${name}-`).map((row) => ({
    sample: {
      id: String(row.id),
      input: String(row.prompt),
      references: [],
      metadata: { language: 'ko', subjectType: [] },
    },
    labels: { language: 'ko', subjectType: [] },
  })) as unknown as PreparedSample[];
  return {
    name,
    byId: new Map(),
    held: undefined,
    stream: async function* () {
      for (const s of samples) {
        pulled.n++;
        yield s;
      }
    },
    render: () => {
      throw new Error('not rendered here');
    },
  };
}

describe('JobSource', () => {
  it('hands every (model, sample, repeat) out once, skips stored ones, and lets samples go when done', async () => {
    const pulled = { n: 0 };
    const datasets = [fakeDataset('a', 10, pulled), fakeDataset('b', 7, pulled)];
    const done = new Set([itemKey('m1', 'a-3', 1), itemKey('m0', 'b-6', 0)]);
    const source = new JobSource({
      datasets,
      modelIds: ['m0', 'm1'],
      repeats: 2,
      chunkSize: 8,
      done,
      lookahead: 100,
      stopped: () => false,
    });
    const seen = new Map<string, number>();
    for (const model of ['m0', 'm1']) {
      for (let job = await source.next(model); job !== undefined; job = await source.next(model)) {
        // A job stays within one dataset and carries at most chunkSize items, a sample's repeats together.
        expect(job.sampleIds.length).toBeLessThanOrEqual(8);
        expect(new Set(job.sampleIds.map((id) => id[0])).size).toBe(1);
        expect(job.sampleIds[0]!.startsWith(job.dataset)).toBe(true);
        job.sampleIds.forEach((id, i) => {
          const key = itemKey(model, id, job.repeats[i]!);
          seen.set(key, (seen.get(key) ?? 0) + 1);
        });
        source.release(job);
      }
    }
    expect(seen.size).toBe(2 * 17 * 2 - 2);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    for (const key of done) expect(seen.has(key)).toBe(false);
    expect(pulled.n).toBe(17);
    expect(datasets[0]!.byId.size + datasets[1]!.byId.size).toBe(0);
  });

  it('makes a model that is a whole window ahead wait for the slowest, and wakes it when stopped', async () => {
    const pulled = { n: 0 };
    let stopped = false;
    const source = new JobSource({
      datasets: [fakeDataset('a', 100, pulled)],
      modelIds: ['fast', 'slow'],
      repeats: 1,
      chunkSize: 5,
      done: new Set(),
      lookahead: 3,
      stopped: () => stopped,
    });
    const fastJobs: SampleJobData[] = [];
    for (let i = 0; i < 3; i++) {
      const job = (await source.next('fast'))!;
      fastJobs.push(job);
      source.release(job);
    }
    expect(pulled.n).toBe(15);
    let fourth: SampleJobData | undefined | 'pending' = 'pending';
    const waiting = source.next('fast').then((job) => {
      fourth = job;
    });
    await delay(5);
    expect(fourth).toBe('pending');
    // The slow model takes the first chunk and finishes it: room for one more chunk.
    const slowJob = (await source.next('slow'))!;
    expect(slowJob.sampleIds).toEqual(fastJobs[0]!.sampleIds);
    source.release(slowJob);
    await waiting;
    expect((fourth as unknown as SampleJobData).sampleIds[0]).toBe('a-15');

    const blocked = source.next('fast');
    await delay(5);
    stopped = true;
    source.wake();
    expect(await blocked).toBeUndefined();
  });
});

describe('FingerprintSet', () => {
  it('tells a new string from one already added, across a hundred thousand', () => {
    const set = new FingerprintSet();
    for (let i = 0; i < 100_000; i++) expect(set.add(`sample-${i}`)).toBe(true);
    expect(set.size).toBe(100_000);
    for (let i = 0; i < 100_000; i += 997) expect(set.add(`sample-${i}`)).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
  });
});

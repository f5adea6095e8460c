import { randomBytes } from 'node:crypto';
import type { StorageV1 } from '@benchhub/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, leaderboardEntry, sampleResult } from '../../storage-sql/test/support/fixtures.js';
import { createSqliteStorage, SQLITE_MAX_PARAMETERS } from '../src/index.js';
import { temporaryDirectory } from './support/fixtures.js';

const files = temporaryDirectory('benchhub-sqlite-batches-');
afterAll(() => files.remove());

async function withStorage(name: string, body: (storage: StorageV1, filename: string) => Promise<void>) {
  const filename = files.path(`${name}.db`);
  const storage = createSqliteStorage({ filename, credentialKey: randomBytes(32) });
  try {
    await body(storage, filename);
  } finally {
    await storage.close();
  }
}

describe('SQLite batches', () => {
  it('writes 10,000 results in one appendResults (many times the bound-parameter limit), once', async () => {
    await withStorage('big', async (storage) => {
      const task = await storage.createTask({ planName: 'big', plan: {} });
      const batch = Array.from({ length: 10_000 }, (_, i) => sampleResult(task.id, i));
      // 23 parameters a row: one VALUES statement could hold about 1,400 rows.
      expect(batch.length * 23).toBeGreaterThan(SQLITE_MAX_PARAMETERS * 7);
      expect(await storage.appendResults(batch)).toEqual({ written: 10_000, skipped: 0 });
      expect(await storage.appendResults(batch)).toEqual({ written: 0, skipped: 10_000 });
      const stored = await collect(storage.streamResults({ taskId: task.id }));
      expect(stored).toHaveLength(10_000);
      const byKey = new Map(batch.map((r) => [`${r.modelId}|${r.sampleId}`, r]));
      expect(stored).toEqual(stored.map((r) => byKey.get(`${r.modelId}|${r.sampleId}`)));
      expect((await storage.stats()).results).toEqual({ total: 10_000, failed: 0 });
      expect(await collect(storage.completedKeys(task.id))).toHaveLength(10_000);
    });
  });

  it('upserts 6,000 leaderboard entries in one call (beyond one statement) and browses them', async () => {
    await withStorage('leaderboard', async (storage) => {
      const entries = Array.from({ length: 6000 }, (_, i) => leaderboardEntry(i));
      await storage.upsertLeaderboard(entries);
      const page = await storage.browseLeaderboard({ limit: 3 });
      expect(page.total).toBe(6000);
      expect(page.items.map((e) => e.score)).toEqual([0.999, 0.999, 0.999]);
      await storage.upsertLeaderboard(entries);
      expect((await storage.stats()).leaderboard).toEqual({ visible: 6000, quarantined: 0, deleted: 0 });
    });
  });

  it('rejects a result of a task that does not exist, naming it, and writes nothing of the batch', async () => {
    await withStorage('missing-task', async (storage) => {
      const task = await storage.createTask({ planName: 'p', plan: {} });
      const batch = [sampleResult(task.id, 1), sampleResult('no-such-task', 2)];
      await expect(storage.appendResults(batch)).rejects.toThrow(
        /results\[1\]\.taskId "no-such-task" names no task/,
      );
      expect(await collect(storage.streamResults({ taskId: task.id }))).toEqual([]);
    });
  });

  it('stores typed label columns and the primary score, not a JSON blob to search', async () => {
    await withStorage('columns', async (storage, filename) => {
      const task = await storage.createTask({ planName: 'p', plan: {} });
      await storage.appendResults([sampleResult(task.id, 1, { scores: { f1: 0.5, accuracy: 1 } })]);
      const db = new Database(filename, { readonly: true });
      const row = db.prepare('select * from experiment_samples').get() as Record<string, unknown>;
      db.close();
      expect(row).toMatchObject({
        task_id: task.id,
        model_name: 'org/model-1',
        score: 1,
        language: 'ko',
        subject_type: 'HASS/History',
        subject_types: '["HASS/History","HASS"]',
        task_type: 'Knowledge',
        benchmark_name: 'KMMLU',
        input_tokens: 101,
        error: null,
      });
    });
  });
});

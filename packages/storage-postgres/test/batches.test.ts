import type { StorageV1 } from '@benchhub/core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, leaderboardEntry, sampleResult } from '../../storage-sql/test/support/fixtures.js';
import { createPostgresStorage } from '../src/index.js';
import { dropSchemas, freshSchemaName, probePostgres, TEST_POSTGRES_URL } from './support/test-database.js';

const probe = await probePostgres();

describe.skipIf(!probe.reachable)(`PostgreSQL batches${probe.reachable ? '' : ` — ${probe.reason}`}`, () => {
  const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 6 });
  pool.on('error', () => {});
  const schemas = new Set<string>();
  afterAll(async () => {
    await dropSchemas(pool, schemas);
    await pool.end();
  });
  const withStorage = async (body: (storage: StorageV1, schema: string) => Promise<void>) => {
    const schema = freshSchemaName('batch_');
    schemas.add(schema);
    const storage = createPostgresStorage({ pool }, { schema });
    try {
      await body(storage, schema);
    } finally {
      await storage.close();
    }
  };

  it('writes 10,000 results in one appendResults, once', async () => {
    await withStorage(async (storage) => {
      const task = await storage.createTask({ planName: 'big', plan: {} });
      const batch = Array.from({ length: 10_000 }, (_, i) => sampleResult(task.id, i));
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

  it('upserts 12,000 leaderboard entries in one call and browses them', async () => {
    await withStorage(async (storage) => {
      const entries = Array.from({ length: 12_000 }, (_, i) => leaderboardEntry(i));
      await storage.upsertLeaderboard(entries);
      await storage.upsertLeaderboard(entries);
      const page = await storage.browseLeaderboard({ limit: 3 });
      expect(page.total).toBe(12_000);
      expect(page.items.map((e) => e.modelName)).toEqual([
        'org/model-10999',
        'org/model-11999',
        'org/model-1999',
      ]);
    });
  });

  it('stores typed label columns, text in byte order, and real booleans and timestamps', async () => {
    await withStorage(async (storage, schema) => {
      const task = await storage.createTask({ planName: 'p', plan: {} });
      await storage.appendResults([sampleResult(task.id, 1, { scores: { f1: 0.5, accuracy: 1 } })]);
      await storage.upsertLeaderboard([leaderboardEntry(1)]);
      const sample = await pool.query(`select * from "${schema}".experiment_samples`);
      expect(sample.rows[0]).toMatchObject({
        model_name: 'org/model-1',
        score: 1,
        language: 'ko',
        subject_type: 'HASS/History',
        subject_types: ['HASS/History', 'HASS'],
        task_type: 'Knowledge',
        created_at: new Date(1_700_000_000_001),
      });
      const entry = await pool.query(`select quarantined, coarse_subject from "${schema}".leaderboard_cache`);
      expect(entry.rows).toEqual([{ quarantined: false, coarse_subject: 'HASS' }]);
      const collation = await pool.query(
        `select collation_name from information_schema.columns where table_schema = $1 and table_name = 'leaderboard_cache' and column_name = 'model_name'`,
        [schema],
      );
      expect(collation.rows).toEqual([{ collation_name: 'C' }]);
    });
  });
});

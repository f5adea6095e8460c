import { randomBytes } from 'node:crypto';
import { SchemaVersionError, SQL_SCHEMA_VERSION } from '@benchhub/storage-sql';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, leaderboardEntry, sampleResult } from '../../storage-sql/test/support/fixtures.js';
import { createPostgresStorage } from '../src/index.js';
import { dropSchemas, freshSchemaName, probePostgres, TEST_POSTGRES_URL } from './support/test-database.js';

const probe = await probePostgres();

describe.skipIf(!probe.reachable)(
  `PostgreSQL schema migrations${probe.reachable ? '' : ` — ${probe.reason}`}`,
  () => {
    const pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 6 });
    pool.on('error', () => {});
    const schemas = new Set<string>();
    const credentialKey = randomBytes(32);
    afterAll(async () => {
      await dropSchemas(pool, schemas);
      await pool.end();
    });
    const schema = (label: string): string => {
      const name = freshSchemaName(label);
      schemas.add(name);
      return name;
    };
    const versions = async (name: string): Promise<number[]> =>
      (await pool.query(`select version from "${name}".benchhub_schema_version order by version`)).rows.map(
        (r: { version: number }) => r.version,
      );

    it('creates the schema and migrates it once; migrate() again is a no-op', async () => {
      const name = schema('fresh_');
      const storage = createPostgresStorage({ pool }, { schema: name });
      await storage.migrate();
      await storage.migrate();
      await storage.close();
      expect(await versions(name)).toEqual([SQL_SCHEMA_VERSION]);
      const tables = await pool.query(
        'select table_name from information_schema.tables where table_schema = $1 order by table_name',
        [name],
      );
      expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual([
        'benchhub_schema_version',
        'credentials',
        'evaluation_tasks',
        'experiment_samples',
        'leaderboard_cache',
        'response_cache',
        'task_events',
      ]);
      const again = createPostgresStorage({ pool }, { schema: name });
      await again.migrate();
      await again.close();
      expect(await versions(name)).toEqual([SQL_SCHEMA_VERSION]);
      expect((await pool.query('select 1 from pg_namespace where nspname = $1', [name])).rowCount).toBe(1);
    });

    it('lets several storages migrate one fresh schema at once (an advisory lock serialises them)', async () => {
      const name = schema('race_');
      const storages = Array.from({ length: 4 }, () => createPostgresStorage({ pool }, { schema: name }));
      await Promise.all(storages.map((s) => s.migrate()));
      await Promise.all(storages.map((s) => s.close()));
      expect(await versions(name)).toEqual([SQL_SCHEMA_VERSION]);
    });

    it('migrates on first use and keeps everything for the next process', async () => {
      const name = schema('reopen_');
      const first = createPostgresStorage(
        { connectionString: TEST_POSTGRES_URL },
        { schema: name, credentialKey },
      );
      const task = await first.createTask({ planName: 'p', plan: { models: ['a'] } });
      await first.appendResults([sampleResult(task.id, 1), sampleResult(task.id, 2)]);
      await first.upsertLeaderboard([leaderboardEntry(1)]);
      await first.storeCredential('openai', 'sk-kept');
      await first.close();
      const second = createPostgresStorage(
        { connectionString: TEST_POSTGRES_URL },
        { schema: name, credentialKey },
      );
      expect(await second.getTask(task.id)).toEqual(task);
      expect(await collect(second.streamResults({ taskId: task.id }))).toHaveLength(2);
      expect((await second.browseLeaderboard()).items).toEqual([leaderboardEntry(1)]);
      expect(await second.getCredential('openai')).toBe('sk-kept');
      await second.close();
    });

    it('refuses a schema newer than the code, naming both versions', async () => {
      const name = schema('newer_');
      const storage = createPostgresStorage({ pool }, { schema: name });
      await storage.migrate();
      await storage.close();
      await pool.query(
        `insert into "${name}".benchhub_schema_version (version, name, applied_at) values ($1, 'future', now())`,
        [SQL_SCHEMA_VERSION + 3],
      );
      const newer = createPostgresStorage({ pool }, { schema: name });
      const error = await newer.migrate().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaVersionError);
      expect((error as Error).message).toContain(`version ${SQL_SCHEMA_VERSION + 3}`);
      expect((error as Error).message).toContain(`version ${SQL_SCHEMA_VERSION} that this`);
      await expect(newer.getTask('x')).rejects.toThrow(SchemaVersionError);
      await newer.close();
    });

    it('leaves a pool it was given open at close()', async () => {
      const name = schema('pools_');
      const borrowed = createPostgresStorage({ pool }, { schema: name });
      await borrowed.migrate();
      await borrowed.close();
      expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await expect(borrowed.listTasks()).rejects.toThrow(/closed/);
    });

    it('rejects unusable options when created', () => {
      expect(() => createPostgresStorage({ connectionString: '' })).toThrow(/connectionString/);
      expect(() => createPostgresStorage({ connectionString: TEST_POSTGRES_URL, poolSize: 0 })).toThrow(
        /poolSize/,
      );
      expect(() => createPostgresStorage({ pool }, { schema: '' })).toThrow(/schema/);
    });
  },
);

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { StorageV1 } from '@benchhub/core';
import { createPostgresStorage } from '../../../storage-postgres/src/index.js';

/** The part of a node-postgres client the benchmark uses. */
interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

/** node-postgres, loaded from the PostgreSQL adapter's own dependencies (this package does not depend on it). */
const pg = createRequire(new URL('../../../storage-postgres/package.json', import.meta.url))('pg') as {
  Client: new (config: { connectionString: string; connectionTimeoutMillis?: number }) => PgClient;
};

/** The database of the PostgreSQL half: `BENCHHUB_TEST_POSTGRES_URL`, default the local `test` database. */
export const BENCH_POSTGRES_URL =
  process.env.BENCHHUB_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL cannot be benchmarked here, or `undefined` when it answers (under CI=true it throws). */
export async function postgresUnreachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    const reason = `PostgreSQL unreachable at BENCHHUB_TEST_POSTGRES_URL (${(error as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI=true requires it`);
    return reason;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A PostgreSQL storage in a fresh schema `bh_bench_<random>`; `drop()` closes it and drops the schema. */
export function openBenchPostgres(): { storage: StorageV1; drop(): Promise<void> } {
  const schema = `bh_bench_${randomBytes(6).toString('hex')}`;
  const storage = createPostgresStorage({ connectionString: BENCH_POSTGRES_URL }, { schema });
  return {
    storage,
    async drop() {
      await storage.close();
      const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

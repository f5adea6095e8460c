import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use: `BENCHHUB_TEST_POSTGRES_URL`, or the local test service. */
export const TEST_POSTGRES_URL =
  process.env.BENCHHUB_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether the test database answers. When it does not, tests are skipped with `reason` — except under
 * `CI=true`, where an unreachable database fails the run (CI provides the service).
 */
export async function probePostgres(): Promise<{ reachable: true } | { reachable: false; reason: string }> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { reachable: true };
  } catch (error) {
    const reason = `PostgreSQL unreachable at ${TEST_POSTGRES_URL} (${error instanceof Error ? error.message : String(error)}); set BENCHHUB_TEST_POSTGRES_URL`;
    if (process.env.CI === 'true') throw new Error(`${reason} — required under CI=true`);
    return { reachable: false, reason };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema name no other test file uses: `bh_test_<random>`. */
export function freshSchemaName(label = ''): string {
  return `bh_test_${label}${randomBytes(6).toString('hex')}`;
}

/** Drops schemas (and everything in them) created by a test file. */
export async function dropSchemas(pool: pg.Pool, schemas: Iterable<string>): Promise<void> {
  for (const schema of schemas) {
    await pool.query(`drop schema if exists "${schema.replace(/"/g, '""')}" cascade`);
  }
}

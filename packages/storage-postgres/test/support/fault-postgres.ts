import pg from 'pg';
import { TEST_POSTGRES_URL } from './test-database.js';

/** An admin connection beside the adapter's (to terminate its backends, inspect plans, drop schemas). */
export async function adminClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = await adminClient();
  try {
    await client.query(`drop schema if exists "${schema.replace(/"/g, '""')}" cascade`);
  } finally {
    await client.end();
  }
}

/** The test URL with an `application_name`, so a test can find (and kill) exactly its own connections. */
export function urlWithApplicationName(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('application_name', name);
  return url.toString();
}

/** What one {@link terminateBackends} call killed. */
export interface Terminated {
  /** Backends terminated. */
  killed: number;
  /** Of those, backends that were running a statement or inside a transaction (not idle). */
  busy: number;
}

/**
 * Terminates every backend whose `application_name` is `name` (from another connection, as an operator
 * or a failover would).
 */
export async function terminateBackends(admin: pg.Client, name: string): Promise<Terminated> {
  const { rows } = await admin.query<{ killed: boolean; state: string | null }>(
    'select pg_terminate_backend(pid) as killed, state from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
    [name],
  );
  const killed = rows.filter((r) => r.killed);
  return { killed: killed.length, busy: killed.filter((r) => r.state !== 'idle').length };
}

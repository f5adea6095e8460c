/**
 * The leaderboard browse of the issue — one language, one subject (fine, or coarse with its fine subjects),
 * one task type, best score first, limit 100, with `total` — uses an index, read from PostgreSQL's
 * `EXPLAIN (FORMAT JSON)` of the very statements the storage runs (caught by kysely's query log on a
 * storage built from the same shared queries and PostgreSQL traits as `createPostgresStorage`), over
 * 75,264 entries after `ANALYZE`, so the planner chooses as it would on a real leaderboard.
 * Skipped with the reason when PostgreSQL is unreachable, failing under CI=true.
 */
import type { LeaderboardQuery, StorageV1 } from '@benchhub/core';
import { type BenchHubSqlSchema, createSqlStorage } from '@benchhub/storage-sql';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaderboardGrid } from '../../storage-sql/test/support/fixtures.js';
import { postgresDialectTraits } from '../src/index.js';
import { adminClient, dropSchema } from './support/fault-postgres.js';
import { freshSchemaName, probePostgres, TEST_POSTGRES_URL } from './support/test-database.js';

const probe = await probePostgres();
if (!probe.reachable) console.warn(`skipping the PostgreSQL EXPLAIN test: ${probe.reason}`);

interface LoggedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/** A node of `EXPLAIN (FORMAT JSON)`. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan tree. */
function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe.skipIf(!probe.reachable)('PostgreSQL leaderboard browse plan', () => {
  const schema = freshSchemaName('explain_');
  let pool: pg.Pool;
  let storage: StorageV1;
  let admin: pg.Client;
  let log: LoggedQuery[] = [];
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 4 });
    pool.on('error', () => {});
    const root = new Kysely<BenchHubSqlSchema>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === 'query') log.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    storage = createSqlStorage(root.withSchema(schema), postgresDialectTraits(schema), {
      capabilities: { transactions: true, concurrentWriters: true, persistent: true },
    });
    const all = leaderboardGrid(49);
    for (let i = 0; i < all.length; i += 2_000) await storage.upsertLeaderboard(all.slice(i, i + 2_000));
    admin = await adminClient();
    await admin.query(`analyze "${schema}".leaderboard_cache`);
  }, 120_000);
  afterAll(async () => {
    await storage?.close();
    await admin?.end();
    await dropSchema(schema);
  });

  /** The statements one browse runs on `leaderboard_cache`. */
  async function browseStatements(query: LeaderboardQuery): Promise<LoggedQuery[]> {
    log = [];
    const page = await storage.browseLeaderboard(query);
    expect(page.items.length).toBeGreaterThan(0);
    return log.filter((q) => /"leaderboard_cache"/.test(q.sql));
  }

  for (const subject of ['HASS/History', 'HASS']) {
    it(`uses an index for language + subject (${subject}) + task type, score desc, limit 100, total`, async () => {
      const statements = await browseStatements({
        language: ['Korean'],
        subjectType: [subject],
        taskType: ['knowledge'],
        sort: { by: 'score', direction: 'desc' },
        limit: 100,
      });
      expect(statements.map((s) => (/count\(\*\)/i.test(s.sql) ? 'total' : 'page')).sort()).toEqual([
        'page',
        'total',
      ]);
      for (const statement of statements) {
        const { rows } = await admin.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
          `explain (format json) ${statement.sql}`,
          statement.parameters as unknown[],
        );
        const tree = nodes(rows[0]!['QUERY PLAN'][0].Plan);
        const described = JSON.stringify(tree.map((n) => [n['Node Type'], n['Index Name']]));
        // The table is reached through an index, never by a sequential scan.
        expect(
          tree.filter((n) => n['Node Type'] === 'Seq Scan'),
          described,
        ).toEqual([]);
        const indexed = tree.filter((n) =>
          ['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'].includes(n['Node Type']),
        );
        expect(indexed.length, described).toBeGreaterThan(0);
        for (const node of indexed) expect(node['Index Name'], described).toMatch(/^idx_|_pkey$|_key$/);
      }
    });
  }
});

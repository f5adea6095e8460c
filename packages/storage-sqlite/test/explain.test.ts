/**
 * The leaderboard browse of the issue — one language, one subject (fine, or coarse with its fine subjects),
 * one task type, best score first, limit 100, with `total` — uses an index, read from SQLite's
 * `EXPLAIN QUERY PLAN` of the very statements the storage runs (caught by kysely's query log on a storage
 * built from the same shared queries and SQLite traits as `createSqliteStorage`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeaderboardQuery, StorageV1 } from '@benchhub/core';
import { type BenchHubSqlSchema, createSqlStorage } from '@benchhub/storage-sql';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaderboardGrid } from '../../storage-sql/test/support/fixtures.js';
import { sqliteDialectTraits } from '../src/index.js';

interface LoggedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/** The plan lines of one statement (`SEARCH …`, `SCAN …`, `USE TEMP B-TREE …`). */
function queryPlan(file: string, query: LoggedQuery): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as {
      detail: string;
    }[];
    return rows.map((r) => r.detail);
  } finally {
    db.close();
  }
}

describe('SQLite leaderboard browse plan', () => {
  let dir: string;
  let file: string;
  let storage: StorageV1;
  let log: LoggedQuery[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'benchhub-sqlite-explain-'));
    file = join(dir, 'explain.db');
    const db = new Kysely<BenchHubSqlSchema>({
      dialect: new SqliteDialect({ database: async () => new Database(file) }),
      log: (event) => {
        if (event.level === 'query') {
          log.push({ sql: event.query.sql, parameters: event.query.parameters });
        }
      },
    });
    storage = createSqlStorage(db, sqliteDialectTraits, {
      capabilities: { transactions: true, concurrentWriters: false, persistent: true },
    });
    const all = leaderboardGrid(20);
    for (let i = 0; i < all.length; i += 2_000) await storage.upsertLeaderboard(all.slice(i, i + 2_000));
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The statements one browse runs on `leaderboard_cache`. */
  async function browseStatements(query: LeaderboardQuery): Promise<LoggedQuery[]> {
    log = [];
    const page = await storage.browseLeaderboard(query);
    expect(page.items.length).toBeGreaterThan(0);
    return log.filter((q) => /from "leaderboard_cache"/i.test(q.sql));
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
      // The page and its total: two statements, each searching an index, neither scanning the table.
      expect(statements.map((s) => (/count\(\*\)/i.test(s.sql) ? 'total' : 'page')).sort()).toEqual([
        'page',
        'total',
      ]);
      for (const statement of statements) {
        const plan = queryPlan(file, statement);
        const access = plan.filter((line) => /leaderboard_cache/.test(line));
        expect(access, plan.join('\n')).toHaveLength(1);
        // An index search (not a scan) whose key narrows by language and by subject at least.
        expect(access[0], plan.join('\n')).toMatch(
          /^SEARCH leaderboard_cache USING (COVERING )?INDEX \w+ \(language=\? AND .*subject\w*[=<>]/,
        );
      }
    });
  }
});

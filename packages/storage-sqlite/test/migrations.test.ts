import { randomBytes } from 'node:crypto';
import { SchemaVersionError, SQL_SCHEMA_VERSION } from '@benchhub/storage-sql';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, leaderboardEntry, sampleResult } from '../../storage-sql/test/support/fixtures.js';
import { createSqliteStorage } from '../src/index.js';
import { temporaryDirectory } from './support/fixtures.js';

const files = temporaryDirectory('benchhub-sqlite-migrations-');
afterAll(() => files.remove());
const credentialKey = randomBytes(32);

function versions(filename: string): { version: number; name: string }[] {
  const db = new Database(filename, { readonly: true });
  try {
    return db.prepare('select version, name from benchhub_schema_version order by version').all() as {
      version: number;
      name: string;
    }[];
  } finally {
    db.close();
  }
}

function tables(filename: string): string[] {
  const db = new Database(filename, { readonly: true });
  try {
    const rows = db.prepare("select name from sqlite_master where type = 'table' order by name").all();
    return (rows as { name: string }[]).map((r) => r.name).filter((n) => !n.startsWith('sqlite_'));
  } finally {
    db.close();
  }
}

describe('SQLite schema migrations', () => {
  it('migrates a fresh file to the current version, once, and migrate() again is a no-op', async () => {
    const filename = files.path('fresh.db');
    const storage = createSqliteStorage({ filename, credentialKey });
    await storage.migrate();
    await storage.migrate();
    await storage.close();
    expect(versions(filename).map((v) => v.version)).toEqual([SQL_SCHEMA_VERSION]);
    expect(tables(filename)).toEqual([
      'benchhub_schema_version',
      'credentials',
      'evaluation_tasks',
      'experiment_samples',
      'leaderboard_cache',
      'response_cache',
      'task_events',
    ]);
    const again = createSqliteStorage({ filename, credentialKey });
    await again.migrate();
    await again.close();
    expect(versions(filename)).toHaveLength(1);
  });

  it('migrates on first use when migrate() is never called', async () => {
    const filename = files.path('first-use.db');
    const storage = createSqliteStorage({ filename });
    const task = await storage.createTask({ planName: 'p', plan: {} });
    expect(await storage.getTask(task.id)).toEqual(task);
    await storage.close();
    expect(versions(filename).map((v) => v.version)).toEqual([SQL_SCHEMA_VERSION]);
  });

  it('keeps tasks, results, leaderboard and credentials when the file is reopened', async () => {
    const filename = files.path('reopen.db');
    const first = createSqliteStorage({ filename, credentialKey });
    const task = await first.createTask({ planName: 'p', plan: { models: ['a'] }, metadata: { by: 'me' } });
    const results = Array.from({ length: 5 }, (_, i) => sampleResult(task.id, i));
    await first.appendResults(results);
    await first.upsertLeaderboard([leaderboardEntry(1)]);
    await first.storeCredential('openai', 'sk-kept');
    await first.close();

    const second = createSqliteStorage({ filename, credentialKey });
    expect(await second.getTask(task.id)).toEqual(task);
    expect(await collect(second.streamResults({ taskId: task.id }))).toEqual(
      [...results].sort((a, b) => (a.modelId + a.sampleId < b.modelId + b.sampleId ? -1 : 1)),
    );
    expect((await second.browseLeaderboard()).items).toEqual([leaderboardEntry(1)]);
    expect(await second.getCredential('openai')).toBe('sk-kept');
    await second.close();
  });

  it('refuses a database whose schema is newer than the code, naming both versions', async () => {
    const filename = files.path('newer.db');
    const storage = createSqliteStorage({ filename });
    await storage.migrate();
    await storage.close();
    const db = new Database(filename);
    db.prepare('insert into benchhub_schema_version (version, name, applied_at) values (?, ?, ?)').run(
      SQL_SCHEMA_VERSION + 7,
      'from the future',
      Date.now(),
    );
    db.close();

    const newer = createSqliteStorage({ filename });
    const error = await newer.migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect((error as SchemaVersionError).message).toContain(`version ${SQL_SCHEMA_VERSION + 7}`);
    expect((error as SchemaVersionError).message).toContain(`version ${SQL_SCHEMA_VERSION} that this`);
    await expect(newer.listTasks()).rejects.toThrow(SchemaVersionError);
    await newer.close();
    expect(versions(filename).map((v) => v.version)).toEqual([SQL_SCHEMA_VERSION, SQL_SCHEMA_VERSION + 7]);
  });

  it('names the file when it cannot be opened', async () => {
    const storage = createSqliteStorage({ filename: files.path('missing-directory/x.db') });
    await expect(storage.migrate()).rejects.toThrow(/cannot open ".*missing-directory\/x\.db"/);
    await storage.close();
  });

  it('rejects unusable options when created', () => {
    expect(() => createSqliteStorage({ filename: '' })).toThrow(/filename/);
    expect(() => createSqliteStorage({ filename: 'x.db', busyTimeoutMs: -1 })).toThrow(/busyTimeoutMs/);
  });
});

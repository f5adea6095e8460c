import type { Logger } from '@benchhub/core';
import { SqlStorageError } from '@benchhub/storage-sql';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, sampleResult } from '../../storage-sql/test/support/fixtures.js';
import { createSqliteStorage, sqliteDialectTraits } from '../src/index.js';
import { temporaryDirectory } from './support/fixtures.js';

const files = temporaryDirectory('benchhub-sqlite-busy-');
afterAll(() => files.remove());

describe('SQLite busy database', () => {
  it('classifies SQLITE_BUSY and SQLITE_LOCKED as busy, other errors as not retryable', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    expect(sqliteDialectTraits.classifyError(coded('SQLITE_BUSY'))).toBe('busy');
    expect(sqliteDialectTraits.classifyError(coded('SQLITE_BUSY_SNAPSHOT'))).toBe('busy');
    expect(sqliteDialectTraits.classifyError(coded('SQLITE_LOCKED'))).toBe('busy');
    expect(sqliteDialectTraits.classifyError(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(sqliteDialectTraits.classifyError(new Error('x'))).toBeUndefined();
  });

  it('retries a write that found the file locked by another connection, and writes it once', async () => {
    const filename = files.path('locked.db');
    const warnings: string[] = [];
    const other = { db: undefined as Database.Database | undefined };
    const logger: Logger = {
      debug() {},
      info() {},
      error() {},
      warn(message) {
        warnings.push(message);
        // The retry was scheduled: the other connection lets go of its write lock now.
        if (other.db?.inTransaction) other.db.exec('commit');
      },
    };
    const storage = createSqliteStorage({ filename, busyTimeoutMs: 0, logger });
    const task = await storage.createTask({ planName: 'p', plan: {} });
    other.db = new Database(filename);
    other.db.exec('begin immediate');
    const batch = Array.from({ length: 50 }, (_, i) => sampleResult(task.id, i));
    expect(await storage.appendResults(batch)).toEqual({ written: 50, skipped: 0 });
    expect(warnings).toEqual(['appendResults: sqlite busy failure, retrying']);
    expect(await collect(storage.streamResults({ taskId: task.id }))).toHaveLength(50);
    other.db.close();
    await storage.close();
  });

  it('gives up after its retries while the lock is held, naming the operation, and loses nothing stored', async () => {
    const filename = files.path('held.db');
    const storage = createSqliteStorage({
      filename,
      busyTimeoutMs: 0,
      retry: { retries: { busy: 2, conflict: 0, connection: 0 }, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const task = await storage.createTask({ planName: 'p', plan: {} });
    await storage.appendResults([sampleResult(task.id, 1)]);
    const other = new Database(filename);
    other.exec('begin immediate');
    const error = await storage.appendResults([sampleResult(task.id, 2)]).catch((e: unknown) => e);
    expect(SqlStorageError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ operation: 'appendResults', kind: 'busy', isRetryable: true });
    expect((error as Error).message).toMatch(/^appendResults: sqlite error: database is locked/);
    other.exec('rollback');
    other.close();
    expect((await collect(storage.streamResults({ taskId: task.id }))).map((r) => r.sampleId)).toEqual([
      'kmmlu-1',
    ]);
    await storage.close();
  });
});

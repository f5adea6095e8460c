import { randomUUID } from 'node:crypto';
import type { LeaderboardFilter, StorageStats } from '@benchhub/core';
import {
  type CredentialCipher,
  createCredentialCipher,
  type Logger,
  type ResultKey,
  type ResultQuery,
  type SampleResult,
  SPECIFICATION_VERSION,
  type StorageCapabilities,
  type StorageV1,
  type TaskQuery,
  type TaskUpdateOptions,
} from '@benchhub/core';
import type { Kysely } from 'kysely';
import { createCredentialQueries } from '../credentials/credential-queries.js';
import type { SqlDialectTraits } from '../dialect/traits.js';
import { createLeaderboardQueries } from '../leaderboard/leaderboard-queries.js';
import {
  createResultQueries,
  resultKeyOf,
  STREAM_PAGE_ROWS,
  sampleKeyOf,
} from '../results/result-queries.js';
import { migrateSqlSchema } from '../schema/migrate.js';
import type { BenchHubSqlSchema } from '../schema/tables.js';
import { countResults, countTasksByStatus } from '../stats/stats-queries.js';
import { createTaskQueries } from '../tasks/task-queries.js';
import { createOperationRunner, type SqlRetryPolicy } from './operation-runner.js';
import type { SqlContext } from './sql-context.js';

/** Options of {@link createSqlStorage}. */
export interface SqlStorageOptions {
  /** What the backend guarantees (the adapter knows: SQLite has one writer, PostgreSQL many). */
  capabilities: StorageCapabilities;
  /**
   * 32-byte AES-256 key that encrypts credentials at rest. Keep it outside the database (an environment
   * variable, a secret manager): the same key must be passed every time the database is opened.
   */
  credentialKey?: Uint8Array;
  /**
   * Without `credentialKey`: `true` seals credentials with a random key that lives as long as this
   * instance (right for a store that does not outlive it, e.g. SQLite `:memory:`); `false` (the default)
   * makes storing and reading credentials reject, since a random key would be lost at `close()`.
   */
  ephemeralCredentialKey?: boolean;
  /** Says which option supplies `credentialKey`, in the error thrown when it is missing. */
  credentialKeyHint?: string;
  /** The clock for task and credential dates and for `maxAgeMs`. Default: `new Date()`. */
  now?: () => Date;
  /** Generates task ids when `createTask` is given none. Default: `crypto.randomUUID()`. */
  generateId?: () => string;
  /** Where retries are reported (warn level). Default: silent. */
  logger?: Logger;
  /** How busy databases, lost races and broken connections are retried. */
  retry?: SqlRetryPolicy;
  /**
   * Releases the database at `close()`. Default: `db.destroy()` (closes the SQLite file or ends the
   * pool); an adapter given a pool it does not own passes a function that leaves the pool open.
   */
  destroy?: () => Promise<void>;
}

/**
 * A complete `StorageV1` on any kysely database with BenchHub's SQL schema: the one set of queries the
 * SQLite and PostgreSQL adapters share; what differs between them is `dialect` (see
 * {@link SqlDialectTraits}). The schema is migrated on first use (or by `migrate()`); batches are written
 * in one transaction with idempotent upserts; results stream by keyset pages; status changes follow core's
 * transition rules with an atomic compare-and-set; busy databases, deadlocks and broken connections are
 * retried (every write is idempotent on the tables' unique keys).
 *
 * @example
 * ```ts
 * const db = new Kysely<BenchHubSqlSchema>({ dialect: new SqliteDialect({ database }) });
 * const storage = createSqlStorage(db, sqliteTraits, {
 *   capabilities: { transactions: true, concurrentWriters: false, persistent: true },
 *   credentialKey,
 * });
 * await storage.migrate();
 * ```
 */
export function createSqlStorage(
  db: Kysely<BenchHubSqlSchema>,
  dialect: SqlDialectTraits,
  options: SqlStorageOptions,
): StorageV1 {
  const now = options.now ?? (() => new Date());
  const generateId = options.generateId ?? randomUUID;
  const ctx: SqlContext = { db, traits: dialect, now };
  const cipher: CredentialCipher | undefined =
    options.credentialKey !== undefined || options.ephemeralCredentialKey === true
      ? createCredentialCipher(options.credentialKey)
      : undefined;
  const capabilities = Object.freeze({ ...options.capabilities });
  const runner = createOperationRunner({
    traits: dialect,
    migrate: async () => {
      await migrateSqlSchema(db, dialect, now);
    },
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const tasks = createTaskQueries(ctx);
  const results = createResultQueries(ctx);
  const leaderboard = createLeaderboardQueries(ctx);
  const credentials = createCredentialQueries(
    ctx,
    cipher,
    options.credentialKeyHint ?? 'pass a 32-byte credentialKey when creating the storage',
  );
  let closing: Promise<void> | undefined;

  return {
    specificationVersion: SPECIFICATION_VERSION,
    capabilities,

    async migrate() {
      await runner.run('migrate', async () => {});
    },

    async createTask(input) {
      runner.ensureOpen('createTask');
      return runner.run('createTask', tasks.create(input, generateId));
    },

    async getTask(id) {
      return runner.run('getTask', () => tasks.get(id));
    },

    async listTasks(query: TaskQuery = {}) {
      runner.ensureOpen('listTasks');
      return runner.run('listTasks', () => tasks.list(query));
    },

    async updateTask(id, update, options: TaskUpdateOptions = {}) {
      runner.ensureOpen('updateTask');
      return runner.run('updateTask', tasks.update(id, update, options));
    },

    async appendResults(batch: readonly SampleResult[]) {
      runner.ensureOpen('appendResults');
      return runner.run('appendResults', results.append(batch));
    },

    async *streamResults(query: ResultQuery): AsyncIterable<SampleResult> {
      runner.ensureOpen('streamResults');
      results.checkQuery(query);
      let after: ReturnType<typeof sampleKeyOf> | undefined;
      for (;;) {
        if (runner.closed) return;
        const rows = await runner.run('streamResults', () => results.page(query, after));
        for (const row of rows) {
          if (runner.closed) return;
          yield results.fromRow(row);
        }
        const last = rows.at(-1);
        if (last === undefined || rows.length < STREAM_PAGE_ROWS) return;
        after = sampleKeyOf(last);
      }
    },

    async *completedKeys(taskId: string): AsyncIterable<ResultKey> {
      runner.ensureOpen('completedKeys');
      if (typeof taskId !== 'string') return;
      let after: ReturnType<typeof sampleKeyOf> | undefined;
      for (;;) {
        if (runner.closed) return;
        const keys = await runner.run('completedKeys', () => results.keyPage(taskId, after));
        for (const key of keys) {
          if (runner.closed) return;
          yield resultKeyOf(taskId, key);
        }
        after = keys.at(-1);
        if (after === undefined || keys.length < STREAM_PAGE_ROWS) return;
      }
    },

    async upsertLeaderboard(entries) {
      runner.ensureOpen('upsertLeaderboard');
      await runner.run('upsertLeaderboard', leaderboard.upsert(entries));
    },

    async browseLeaderboard(query = {}) {
      runner.ensureOpen('browseLeaderboard');
      return runner.run('browseLeaderboard', leaderboard.browse(query));
    },

    async leaderboardCategories() {
      return runner.run('leaderboardCategories', () => leaderboard.categories());
    },

    async quarantineLeaderboard(filter: LeaderboardFilter, quarantined = true) {
      runner.ensureOpen('quarantineLeaderboard');
      return runner.run('quarantineLeaderboard', leaderboard.quarantine(filter, quarantined));
    },

    async deleteLeaderboard(filter: LeaderboardFilter) {
      runner.ensureOpen('deleteLeaderboard');
      return runner.run('deleteLeaderboard', leaderboard.remove(filter));
    },

    async stats(): Promise<StorageStats> {
      return runner.run('stats', async () => {
        const [byStatus, counted, board] = await Promise.all([
          countTasksByStatus(ctx),
          countResults(ctx),
          leaderboard.counts(),
        ]);
        return { tasks: byStatus, results: counted, leaderboard: board };
      });
    },

    async cleanup(olderThan: Date) {
      return runner.run('cleanup', () => tasks.cleanup(olderThan));
    },

    async storeCredential(name: string, value: string) {
      runner.ensureOpen('storeCredential');
      await runner.run('storeCredential', credentials.store(name, value));
    },

    async getCredential(name: string) {
      runner.ensureOpen('getCredential');
      return runner.run('getCredential', credentials.get(name));
    },

    async listCredentials() {
      return runner.run('listCredentials', () => credentials.list());
    },

    async deleteCredential(name: string) {
      runner.ensureOpen('deleteCredential');
      return runner.run('deleteCredential', credentials.remove(name));
    },

    close() {
      if (closing === undefined) {
        runner.close();
        cipher?.destroy();
        closing = (options.destroy ?? (() => db.destroy()))();
      }
      return closing;
    },
  };
}

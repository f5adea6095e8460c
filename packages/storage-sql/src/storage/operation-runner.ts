import { BenchHubError, backoffDelay, type Logger } from '@benchhub/core';
import type { SqlDialectTraits, SqlErrorKind } from '../dialect/traits.js';
import { SqlStorageError } from '../errors/sql-storage-error.js';

/** How often and how patiently each kind of failure is retried. */
export interface SqlRetryPolicy {
  /** Retries of one operation per kind of failure (0 disables). */
  retries: Readonly<Record<SqlErrorKind, number>>;
  /** Delay scale of the first retry, in milliseconds. */
  baseDelayMs: number;
  /** Largest delay between two attempts, in milliseconds. */
  maxDelayMs: number;
}

/**
 * The default policy. `busy` (SQLite, after `busy_timeout` already waited): 8 retries; `conflict` (a
 * deadlock or serialization failure, the transaction was rolled back): 5; `connection` (the connection
 * broke; the pool hands out a fresh one): 3, enough when several pooled connections were killed at once.
 * Every operation is safe to repeat: writes are idempotent on the tables' unique keys.
 */
export const DEFAULT_SQL_RETRY_POLICY: SqlRetryPolicy = Object.freeze({
  retries: Object.freeze({ busy: 8, conflict: 5, connection: 3 }),
  baseDelayMs: 20,
  maxDelayMs: 2000,
});

/** Runs the storage's operations: refuses them once closed, migrates on first use, retries what may pass. */
export interface OperationRunner {
  /**
   * Runs `body` (repeated on a retryable failure with `attempt` counting from 0); rejects after `close()`.
   * A database error left after the retries is wrapped in a {@link SqlStorageError} naming the operation
   * (retryable when it was of a retryable kind).
   */
  run<T>(operation: string, body: (attempt: number) => Promise<T>): Promise<T>;
  /** Throws the "closed" error when the storage is closed. */
  ensureOpen(operation: string): void;
  /** Whether `close()` was called. */
  readonly closed: boolean;
  /** Marks the storage closed: every later operation rejects. */
  close(): void;
}

/** Options of {@link createOperationRunner}. */
export interface OperationRunnerOptions {
  traits: SqlDialectTraits;
  /** Brings the schema up to date; called before the first operation (and again after it failed). */
  migrate: () => Promise<void>;
  retry?: SqlRetryPolicy;
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the {@link OperationRunner} of one storage. */
export function createOperationRunner(options: OperationRunnerOptions): OperationRunner {
  const { traits } = options;
  const policy = options.retry ?? DEFAULT_SQL_RETRY_POLICY;
  const sleep = options.sleep ?? defaultSleep;
  let closed = false;
  let migrated: Promise<void> | undefined;

  const ensureOpen = (operation: string): void => {
    if (closed) throw new BenchHubError(`${operation}: the ${traits.name} storage is closed`);
  };

  const ready = (): Promise<void> => {
    if (migrated === undefined) {
      migrated = options.migrate().catch((error: unknown) => {
        migrated = undefined;
        throw error;
      });
    }
    return migrated;
  };

  return {
    get closed() {
      return closed;
    },
    ensureOpen,
    close() {
      closed = true;
    },
    async run<T>(operation: string, body: (attempt: number) => Promise<T>): Promise<T> {
      ensureOpen(operation);
      const used: Record<SqlErrorKind, number> = { busy: 0, conflict: 0, connection: 0 };
      for (let attempt = 0; ; attempt++) {
        try {
          await ready();
          ensureOpen(operation);
          return await body(attempt);
        } catch (error) {
          if (BenchHubError.isInstance(error)) throw error;
          const kind = closed ? undefined : traits.classifyError(error);
          if (kind !== undefined && used[kind] < policy.retries[kind]) {
            const delay = backoffDelay(used[kind], {
              baseDelayMs: policy.baseDelayMs,
              maxDelayMs: policy.maxDelayMs,
              jitter: 'equal',
            });
            used[kind]++;
            options.logger?.warn(`${operation}: ${traits.name} ${kind} failure, retrying`, {
              attempt: attempt + 1,
              delayMs: Math.round(delay),
              error: error instanceof Error ? error.message : String(error),
            });
            await sleep(delay);
            continue;
          }
          ensureOpen(operation);
          const message = error instanceof Error ? error.message : String(error);
          throw new SqlStorageError(`${operation}: ${traits.name} error: ${message}`, {
            cause: error,
            operation,
            kind,
          });
        }
      }
    },
  };
}

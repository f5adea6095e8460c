import { BenchHubError, type BenchHubErrorOptions } from '@benchhub/core';
import type { SqlErrorKind } from '../dialect/traits.js';

const MARKER = Symbol.for('benchhub.error.sql-storage');

/** Options of {@link SqlStorageError}. */
export interface SqlStorageErrorOptions extends BenchHubErrorOptions {
  /** The storage operation that failed, e.g. `appendResults`. */
  operation: string;
  /** How the failure would be retried, when it is of a retryable kind (its retries were spent). */
  kind?: SqlErrorKind | undefined;
}

/**
 * A database failure of the SQL storage, after its retries: names the operation and keeps the driver's
 * error as `cause`. `isRetryable` is true for a busy database, a lost race or a broken connection (trying
 * later may pass; the failed batch wrote nothing), false for anything else.
 *
 * @example
 * ```ts
 * try { await storage.appendResults(batch); }
 * catch (e) { if (SqlStorageError.isInstance(e) && e.isRetryable) scheduleRetry(batch); }
 * ```
 */
export class SqlStorageError extends BenchHubError {
  override readonly isRetryable: boolean;
  /** The operation that failed. */
  readonly operation: string;
  /** The kind of retryable failure, or `undefined`. */
  readonly kind: SqlErrorKind | undefined;

  constructor(message: string, options: SqlStorageErrorOptions) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    Object.defineProperty(this, MARKER, { value: true });
    this.name = 'SqlStorageError';
    this.operation = options.operation;
    this.kind = options.kind;
    this.isRetryable = options.kind !== undefined;
  }

  /** True when `error` is a SqlStorageError from any copy of this package. */
  static override isInstance(error: unknown): error is SqlStorageError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}

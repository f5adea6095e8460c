import { BenchHubError } from '../errors/benchhub-error.js';

/**
 * How a storage copies a caller's document (plan, metadata) before keeping it: throws a `BenchHubError`
 * naming `what` when the value cannot be stored. The memory storage uses {@link cloneData}; a SQL storage
 * a JSON round trip, so what a call returns equals what a later read returns.
 */
export type StorageDataCopy = <T>(value: T, what: string) => T;

/** A deep copy by `structuredClone` (dates kept); throws a `BenchHubError` naming `what` otherwise. */
export function cloneData<T>(value: T, what: string): T {
  try {
    return structuredClone(value);
  } catch (cause) {
    throw new BenchHubError(`${what} must be plain data (JSON-like values and dates)`, { cause });
  }
}

/** Whether a value is an object that is neither null nor an array. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

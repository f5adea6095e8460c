import { BenchHubError } from '@benchhub/core';

/** Whether a value is an object that is neither null nor an array. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON text stored for a document; throws a `BenchHubError` naming `what` when the value cannot be
 * written as JSON (a cycle, a bigint).
 *
 * @example
 * ```ts
 * toJsonText({ a: 1 }, 'createTask: plan'); // '{"a":1}'
 * ```
 */
export function toJsonText(value: unknown, what: string): string {
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new BenchHubError(`${what} must be plain JSON data`, { cause });
  }
}

/**
 * A deep copy of a document as it reads back from the database (a JSON round trip: dates become ISO
 * strings, `undefined` members disappear), so what a call returns equals what a later read returns.
 */
export function jsonCopy<T>(value: T, what: string): T {
  return JSON.parse(toJsonText(value, what)) as T;
}

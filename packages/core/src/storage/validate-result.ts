import { BenchHubError } from '../errors/benchhub-error.js';

/** The fields `assertStorableResult` looks at. */
interface StorableResultFields {
  taskId: unknown;
  modelId: unknown;
  sampleId: unknown;
  repeat: unknown;
  scores?: unknown;
  error?: unknown;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Cheap checks every storage runs on a result before writing it (no schema parse on the hot path): the
 * key fields are present and well typed, and a result with an error carries no scores.
 * Throws a `BenchHubError` naming `results[index].field`.
 *
 * @example
 * ```ts
 * results.forEach((r, i) => assertStorableResult(r, i)); // before any write, so a bad batch writes nothing
 * ```
 */
export function assertStorableResult(result: StorableResultFields, index: number): void {
  // Built only when a check fails: this runs once per stored result.
  const where = (): string => `appendResults: results[${index}]`;
  if (typeof result !== 'object' || result === null) {
    throw new BenchHubError(`${where()} must be a SampleResult object`);
  }
  if (!isNonEmptyString(result.taskId))
    throw new BenchHubError(`${where()}.taskId must be a non-empty string`);
  if (!isNonEmptyString(result.modelId))
    throw new BenchHubError(`${where()}.modelId must be a non-empty string`);
  if (!isNonEmptyString(result.sampleId)) {
    throw new BenchHubError(`${where()}.sampleId must be a non-empty string`);
  }
  if (!Number.isInteger(result.repeat) || (result.repeat as number) < 0) {
    throw new BenchHubError(`${where()}.repeat must be an integer >= 0, got ${String(result.repeat)}`);
  }
  if (result.error !== undefined && typeof result.scores === 'object' && result.scores !== null) {
    for (const metric in result.scores) {
      throw new BenchHubError(
        `${where()} has an error and a score for "${metric}": a failed call is an error, never a score`,
      );
    }
  }
}

import { assertStorableResult, BenchHubError, type SampleResult } from '@benchhub/core';

function fail(index: number, field: string, expected: string, got: unknown): never {
  throw new BenchHubError(
    `appendResults: results[${index}].${field} must be ${expected}, got ${typeof got === 'string' ? JSON.stringify(got) : String(got)}`,
  );
}

/**
 * Checks a batch before anything is written (a bad batch writes nothing): core's `assertStorableResult`
 * (key fields; no scores beside an error) plus the fields the table needs to store a row.
 */
export function assertStorableBatch(results: readonly SampleResult[]): void {
  for (let i = 0; i < results.length; i++) {
    const result = results[i] as SampleResult;
    assertStorableResult(result, i);
    if (typeof result.datasetName !== 'string') fail(i, 'datasetName', 'a string', result.datasetName);
    if (!Number.isInteger(result.attempts) || result.attempts < 0) {
      fail(i, 'attempts', 'an integer >= 0', result.attempts);
    }
    if (!(result.createdAt instanceof Date) || Number.isNaN(result.createdAt.getTime())) {
      fail(i, 'createdAt', 'a valid Date', result.createdAt);
    }
    const labels = result.labels as Partial<SampleResult['labels']> | undefined;
    if (typeof labels !== 'object' || labels === null) fail(i, 'labels', 'an object', labels);
    if (typeof labels.language !== 'string') fail(i, 'labels.language', 'a string', labels.language);
    if (!Array.isArray(labels.subjectType)) {
      fail(i, 'labels.subjectType', 'an array of strings', labels.subjectType);
    }
  }
}

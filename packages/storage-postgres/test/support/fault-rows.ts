import type { SampleResult } from '@benchhub/core';

/** Result of sample `s<n>` of a fault test: a success scoring `n % 2`, or a failed call. */
export function faultResult(taskId: string, n: number, failed = false): SampleResult {
  const base = {
    taskId,
    modelId: 'org/model',
    sampleId: `s${n}`,
    datasetName: 'faults',
    repeat: 0,
    attempts: 1,
    labels: { language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' },
    createdAt: new Date('2025-01-01T00:00:00Z'),
  };
  return failed
    ? { ...base, scores: {}, error: { name: 'ProviderCallError', message: 'HTTP 503', statusCode: 503 } }
    : { ...base, output: `answer ${n}`, scores: { accuracy: n % 2 } };
}

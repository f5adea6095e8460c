import { describe, expect, it } from 'vitest';
import {
  isFailedResult,
  type SampleResultInput,
  SampleResultSchema,
  sampleResultKey,
  toSampleResultError,
} from '../../src/domain/result.js';
import { DatasetError, ProviderCallError } from '../../src/errors/index.js';

const base: SampleResultInput = {
  taskId: 't1',
  modelId: 'openai/gpt-4o-mini',
  sampleId: 'kmmlu-17',
  datasetName: 'kmmlu',
  repeat: 0,
  output: 'Answer: B',
  extracted: 'B',
  scores: { accuracy: 1 },
  usage: { inputTokens: 120, outputTokens: 4 },
  costUsd: 0.00002,
  latencyMs: 312,
  attempts: 1,
  labels: { language: 'Korean', subjectType: ['HASS/History'], taskType: 'knowledge' },
  createdAt: '2025-01-01T00:00:00Z',
};

describe('SampleResultSchema', () => {
  it('parses a scored result and normalises its labels', () => {
    const result = SampleResultSchema.parse(base);
    expect(result.labels.language).toBe('ko');
    expect(result.labels.taskType).toBe('Knowledge');
    expect(result.scores).toEqual({ accuracy: 1 });
    expect(result.createdAt).toBeInstanceOf(Date);
    expect(isFailedResult(result)).toBe(false);
  });

  it('accepts a failed result without scores (scores default to empty)', () => {
    const { scores: _scores, output: _output, extracted: _extracted, ...rest } = base;
    const result = SampleResultSchema.parse({
      ...rest,
      attempts: 3,
      error: { name: 'ProviderCallError', message: 'HTTP 503', statusCode: 503, isRetryable: true },
    });
    expect(result.scores).toEqual({});
    expect(isFailedResult(result)).toBe(true);
  });

  it('refuses a result that has both an error and a score: a failed call is never a 0', () => {
    const parsed = SampleResultSchema.safeParse({
      ...base,
      scores: { accuracy: 0 },
      error: { name: 'ProviderCallError', message: 'HTTP 500' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['scores']);
    expect(parsed.error?.issues[0]?.message).toContain('a result with an error has no scores (got accuracy)');
  });

  it('keeps a null score for a metric that could not score the sample', () => {
    expect(
      SampleResultSchema.parse({ ...base, scores: { accuracy: 1, logLikelihood: null } }).scores,
    ).toEqual({
      accuracy: 1,
      logLikelihood: null,
    });
    expect(
      SampleResultSchema.safeParse({
        ...base,
        scores: { accuracy: null },
        error: { name: 'E', message: 'm' },
      }).success,
    ).toBe(false);
  });

  it('refuses bad fields', () => {
    expect(SampleResultSchema.safeParse({ ...base, repeat: -1 }).success).toBe(false);
    expect(SampleResultSchema.safeParse({ ...base, repeat: 0.5 }).success).toBe(false);
    expect(SampleResultSchema.safeParse({ ...base, scores: { accuracy: Number.NaN } }).success).toBe(false);
    expect(
      SampleResultSchema.safeParse({ ...base, labels: { ...base.labels, language: 'Klingonish' } }).success,
    ).toBe(false);
  });
});

describe('result helpers', () => {
  it('builds the unique key from task, model, sample and repeat', () => {
    const key = sampleResultKey({
      taskId: 't1',
      modelId: 'meta-llama/Llama-3.1-8B',
      sampleId: 's|1',
      repeat: 2,
    });
    expect(key).toBe('["t1","meta-llama/Llama-3.1-8B","s|1",2]');
    expect(sampleResultKey({ taskId: 't1', modelId: 'a', sampleId: 'b', repeat: 0 })).not.toBe(
      sampleResultKey({ taskId: 't1', modelId: 'a', sampleId: 'b', repeat: 1 }),
    );
  });

  it('turns thrown errors into result errors', () => {
    const call = new ProviderCallError('rate limited', {
      provider: 'openai',
      model: 'gpt-4o',
      statusCode: 429,
    });
    expect(toSampleResultError(call)).toEqual({
      name: 'ProviderCallError',
      message: 'rate limited',
      statusCode: 429,
      isRetryable: true,
    });
    expect(toSampleResultError(new DatasetError('bad row', { source: 'x.csv', row: 3 }))).toEqual({
      name: 'DatasetError',
      message: 'bad row (x.csv, row 3)',
      isRetryable: false,
    });
    expect(toSampleResultError(new TypeError('boom'))).toEqual({ name: 'TypeError', message: 'boom' });
    expect(toSampleResultError('plain')).toEqual({ name: 'Error', message: 'plain' });
  });
});

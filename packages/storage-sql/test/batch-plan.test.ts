import type { SampleResult } from '@benchhub/core';
import { describe, expect, it } from 'vitest';
import { planBatchStatements } from '../src/results/batch-plan.js';

function result(sampleId: string, fields: Partial<SampleResult> = {}): SampleResult {
  return {
    taskId: 't1',
    modelId: 'org/m',
    sampleId,
    datasetName: 'd',
    repeat: 0,
    scores: { accuracy: 1 },
    attempts: 1,
    labels: { language: 'ko', subjectType: [] },
    createdAt: new Date(0),
    ...fields,
  };
}

const ids = (statements: SampleResult[][]) =>
  statements.map((s) => s.map((r) => `${r.sampleId}#${r.repeat}`));

describe('planBatchStatements', () => {
  it('cuts a batch of distinct keys into statements of at most rowsPerStatement rows, sorted by key', () => {
    const batch = ['s5', 's1', 's4', 's2', 's3'].map((id) => result(id));
    expect(ids(planBatchStatements(batch, 2))).toEqual([['s1#0', 's2#0'], ['s3#0', 's4#0'], ['s5#0']]);
    expect(ids(planBatchStatements(batch, 1000))).toEqual([['s1#0', 's2#0', 's3#0', 's4#0', 's5#0']]);
    expect(planBatchStatements([], 10)).toEqual([]);
  });

  it('puts repeated keys in later rounds, in batch order, so no statement holds a key twice', () => {
    const first = result('a', { output: 'first' });
    const second = result('a', { output: 'second' });
    const third = result('a', { output: 'third' });
    const statements = planBatchStatements(
      [first, result('b'), second, result('a', { repeat: 1 }), third],
      10,
    );
    expect(ids(statements)).toEqual([['a#0', 'a#1', 'b#0'], ['a#0'], ['a#0']]);
    expect(statements.map((s) => s.find((r) => r.sampleId === 'a' && r.repeat === 0)?.output)).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('tells keys apart whatever characters the ids hold', () => {
    const batch = [
      result('c', { modelId: 'a/b' }),
      result('b/c', { modelId: 'a' }),
      result('x', { taskId: 't1:2' }),
      result('2x', { taskId: 't1:' }),
    ];
    expect(planBatchStatements(batch, 10)).toHaveLength(1);
  });
});

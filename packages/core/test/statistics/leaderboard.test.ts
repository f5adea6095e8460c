import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LeaderboardEntrySchema } from '../../src/domain/leaderboard.js';
import type { SampleResult } from '../../src/domain/result.js';
import { meanStderr } from '../../src/statistics/descriptive.js';
import {
  aggregateSubtaskMetrics,
  pooledSampleStderr,
  stratifiedStderr,
} from '../../src/statistics/group-aggregate.js';
import { aggregateLeaderboard } from '../../src/statistics/leaderboard.js';
import { listSubjects } from '../../src/taxonomy/resolve.js';
import { describeWithShared, sharedPath } from '../support/shared.js';
import { result } from './results-fixture.js';

const ones = (k: number, n: number) => Array.from({ length: n }, (_, i) => (i < k ? 1 : 0));

describe('aggregateSubtaskMetrics and pooledSampleStderr (lm-evaluation-harness)', () => {
  it('respects weight_by_size (lm-eval test_aggregate_mean)', () => {
    expect(aggregateSubtaskMetrics([0.3, 0.2, 0.4], [20, 40, 100], false)).toBeCloseTo(0.3, 15);
    expect(aggregateSubtaskMetrics([0.3, 0.2, 0.4], [20, 40, 100], true)).toBeCloseTo(0.3375, 15);
  });

  // lm-eval test_aggregate_stderrs: pooling the sub-groups' stderrs ≈ the stderr of all samples together.
  it.each([
    [[ones(40, 100), ones(30, 60), ones(20, 80)], 0.030811801125666036],
    [[ones(35, 100), ones(20, 40)], 0.0411720120417907],
  ])('pools sub-group stderrs like pooled_sample_stderr (case %#)', (groups, expected) => {
    const stderrs = groups.map((g) => meanStderr(g));
    const sizes = groups.map((g) => g.length);
    const pooled = pooledSampleStderr(stderrs, sizes) as number;
    expect(pooled).toBeCloseTo(expected, 14); // numpy on the same formula
    expect(Math.abs(pooled - (meanStderr(groups.flat()) as number))).toBeLessThan(1e-3);
  });

  it('is unknown when a stderr is unknown or every group has one sample', () => {
    expect(pooledSampleStderr([0.1, null], [10, 10])).toBeNull();
    expect(pooledSampleStderr([0, 0], [1, 1])).toBeNull();
    expect(() => aggregateSubtaskMetrics([0.1], [0])).toThrow(/sizes\[0\]/);
  });

  it('offers the stratified stderr that follows the weighting', () => {
    expect(stratifiedStderr([0.05, 0.1], [100, 25], false)).toBeCloseTo(
      Math.sqrt(0.25 * 0.0025 + 0.25 * 0.01),
      15,
    );
    expect(stratifiedStderr([0.05, 0.1], [100, 25], true)).toBeCloseTo(
      Math.sqrt(0.64 * 0.0025 + 0.04 * 0.01),
      15,
    );
  });
});

/** Results of one model in one fine subject: `k` of `n` correct (sample ids prefixed by the subject). */
function subjectResults(
  subject: string,
  k: number,
  n: number,
  fields: { model?: string; taskType?: string } = {},
) {
  return ones(k, n).map((score, i) =>
    result({ model: fields.model ?? 'm', sample: `${subject}#${i}`, score, subjects: [subject], ...fields }),
  );
}

describe('aggregateLeaderboard', () => {
  // HASS/History 8 of 10, HASS/Law 10 of 40: unequal groups, so the two weightings differ.
  const results: SampleResult[] = [
    ...subjectResults('HASS/History', 8, 10),
    ...subjectResults('HASS/Law', 10, 40),
  ];

  it('builds fine entries with mean, stderr and Wilson interval', () => {
    const { entries, kind } = aggregateLeaderboard(results);
    expect(kind).toBe('proportion');
    const history = entries.find((e) => e.subjectType === 'HASS/History');
    expect(history).toMatchObject({
      level: 'fine',
      score: 0.8,
      n: 10,
      language: 'ko',
      taskType: 'Knowledge',
    });
    expect(history?.stderr).toBeCloseTo(meanStderr(ones(8, 10)) as number, 15);
    expect(history?.ci?.method).toBe('wilson');
  });

  it('rolls fine subjects up to the coarse subject, weighted by size and as a plain mean', () => {
    const { entries } = aggregateLeaderboard(results, { seed: 4 });
    const hass = entries.find((e) => e.subjectType === 'HASS');
    expect(hass?.level).toBe('coarse');
    expect(hass?.n).toBe(50);
    expect(hass?.rollup?.groups).toBe(2);
    expect(hass?.rollup?.size.score).toBeCloseTo(18 / 50, 15); // (10·0.8 + 40·0.25) / 50
    expect(hass?.rollup?.mean.score).toBeCloseTo((0.8 + 0.25) / 2, 15);
    expect(hass?.score).toBeCloseTo(0.36, 15); // weighting 'size' by default
    const pooled = pooledSampleStderr([meanStderr(ones(8, 10)), meanStderr(ones(10, 40))], [10, 40]);
    expect(hass?.stderr).toBeCloseTo(pooled as number, 15);
    expect(hass?.rollup?.mean.stderr).toBeCloseTo(pooled as number, 15);
    expect(hass?.ci).toMatchObject({ method: 'wilson' });
    const meanCi = hass?.rollup?.mean.ci;
    expect(meanCi?.method).toBe('stratified-bootstrap-percentile');
    expect(meanCi?.lower).toBeLessThan(0.525);
    expect(meanCi?.upper).toBeGreaterThan(0.525);

    const byMean = aggregateLeaderboard(results, { weighting: 'mean', rollupStderr: 'stratified', seed: 4 });
    const hassByMean = byMean.entries.find((e) => e.subjectType === 'HASS');
    expect(hassByMean?.score).toBeCloseTo(0.525, 15);
    expect(hassByMean?.stderr).toBeCloseTo(
      stratifiedStderr([meanStderr(ones(8, 10)), meanStderr(ones(10, 40))], [10, 40], false) as number,
      15,
    );
  });

  it('gives the plain mean of groups a stratified bootstrap interval close to its normal approximation', () => {
    const big = [...subjectResults('HASS/History', 80, 100), ...subjectResults('HASS/Law', 120, 400)];
    const hass = aggregateLeaderboard(big, { seed: 8, resamples: 4000 }).entries.find(
      (e) => e.subjectType === 'HASS',
    );
    // Resampling variance of each group mean: p(1 − p)/n; plain mean of 2 groups: ¼ of their sum.
    const se = Math.sqrt(0.25 * ((0.8 * 0.2) / 100 + (0.3 * 0.7) / 400));
    expect(hass?.rollup?.mean.score).toBeCloseTo(0.55, 15);
    expect(hass?.rollup?.mean.ci?.lower).toBeCloseTo(0.55 - 1.96 * se, 2);
    expect(hass?.rollup?.mean.ci?.upper).toBeCloseTo(0.55 + 1.96 * se, 2);
  });

  it('produces entries the leaderboard schema accepts, coarse before fine, newest createdAt as updatedAt', () => {
    const late = result({
      model: 'm',
      sample: 'late',
      score: 1,
      subjects: ['HASS/Law'],
      createdAt: new Date('2025-03-01T00:00:00Z'),
    });
    const { entries } = aggregateLeaderboard([...results, late]);
    expect(entries.map((e) => e.subjectType)).toEqual(['HASS', 'HASS/History', 'HASS/Law']);
    for (const e of entries) expect(LeaderboardEntrySchema.parse(e).score).toBe(e.score);
    expect(entries[0]?.updatedAt.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(entries[1]?.updatedAt.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('leaves failed and unscored results out and counts them, never as a 0', () => {
    const failed = result({ model: 'm', sample: 'f1', error: 'HTTP 500', subjects: ['HASS/History'] });
    const unscored = result({ model: 'm', sample: 'u1', score: null, subjects: ['HASS/History'] });
    const { entries, excluded } = aggregateLeaderboard([...results, failed, unscored]);
    expect(entries.find((e) => e.subjectType === 'HASS/History')).toMatchObject({ score: 0.8, n: 10 });
    expect(excluded).toEqual({ failed: 1, unscored: 1, unknownSubject: 0, missingTaskType: 0 });
  });

  it('slices by model, language and task type, normalising labels', () => {
    const mixed = [
      ...subjectResults('Tech./Coding', 3, 4, { model: 'a' }),
      ...subjectResults('Tech./Coding', 1, 4, { model: 'b' }),
      result({
        model: 'a',
        sample: 'en-1',
        score: 1,
        subjects: ['Programming'],
        language: 'English',
        taskType: 'reasoning',
      }),
    ];
    const { entries } = aggregateLeaderboard(mixed);
    const keys = entries.map((e) => [e.modelName, e.language, e.subjectType, e.taskType, e.n]);
    expect(keys).toEqual([
      ['a', 'en', 'Tech.', 'Reasoning', 1],
      ['a', 'en', 'Tech./Coding', 'Reasoning', 1],
      ['a', 'ko', 'Tech.', 'Knowledge', 4],
      ['a', 'ko', 'Tech./Coding', 'Knowledge', 4],
      ['b', 'ko', 'Tech.', 'Knowledge', 4],
      ['b', 'ko', 'Tech./Coding', 'Knowledge', 4],
    ]);
  });

  it('counts a sample in each of its subjects, and handles coarse-only and unknown labels', () => {
    const extra = [
      result({ model: 'm', sample: 'both', score: 1, subjects: ['HASS/History', 'Culture/Tradition'] }),
      result({ model: 'm', sample: 'coarse', score: 0, subjects: ['HASS'] }),
      result({ model: 'm', sample: 'unknown', score: 1, subjects: ['Cooking'] }),
      result({ model: 'm', sample: 'no-task', score: 1, taskType: null }),
    ];
    const { entries, excluded } = aggregateLeaderboard([...results, ...extra]);
    expect(entries.find((e) => e.subjectType === 'HASS/History')).toMatchObject({ score: 9 / 11, n: 11 });
    expect(entries.find((e) => e.subjectType === 'Culture/Tradition')).toMatchObject({ score: 1, n: 1 });
    const hass = entries.find((e) => e.subjectType === 'HASS');
    expect(hass).toMatchObject({ n: 52 });
    expect(hass?.rollup?.groups).toBe(3);
    expect(hass?.rollup?.mean.score).toBeCloseTo((9 / 11 + 0.25 + 0) / 3, 15);
    expect(excluded).toMatchObject({ unknownSubject: 1, missingTaskType: 1 });
    const withDefault = aggregateLeaderboard(extra, { defaultTaskType: 'knowledge' });
    expect(withDefault.excluded.missingTaskType).toBe(0);
  });

  it('does not count a sample twice when it lists a coarse subject beside its fine one', () => {
    const labelled = [
      result({ model: 'm', sample: 'a', score: 1, subjects: ['Tech.', 'Tech./Coding'] }),
      result({ model: 'm', sample: 'b', score: 0, subjects: ['Tech.', 'Tech./AI'] }),
      result({ model: 'm', sample: 'c', score: 1, subjects: ['Tech.'] }),
    ];
    const { entries } = aggregateLeaderboard(labelled);
    expect(entries.find((e) => e.subjectType === 'Tech./Coding')).toMatchObject({ n: 1 });
    // a and b count once each (through their fine subjects), c once as a coarse-only sample.
    expect(entries.find((e) => e.subjectType === 'Tech.')).toMatchObject({ n: 3, score: 2 / 3 });
  });

  it('averages repeats of a sample and bootstraps continuous scores', () => {
    const rouge = [
      result({ model: 'm', sample: 'a', scores: { rougeL: 0.2 } }),
      result({ model: 'm', sample: 'a', repeat: 1, scores: { rougeL: 0.4 } }),
      result({ model: 'm', sample: 'b', scores: { rougeL: 0.9 } }),
      result({ model: 'm', sample: 'c', scores: { rougeL: 0.5 } }),
    ];
    const { entries, kind } = aggregateLeaderboard(rouge, { metric: 'rougeL', seed: 2 });
    expect(kind).toBe('continuous');
    const fine = entries.find((e) => e.level === 'fine');
    expect(fine).toMatchObject({ metric: 'rougeL', n: 3 });
    expect(fine?.score).toBeCloseTo((0.3 + 0.9 + 0.5) / 3, 15); // sample a: mean of its repeats 0.2 and 0.4
    expect(fine?.ci?.method).toBe('bootstrap-percentile');
  });
});

describeWithShared(
  'mmlu_stem group score from its subtask table (lm-evaluation-harness test data)',
  [
    'data/lm_eval_tasks/tests/testdata/mmlu_stem_10_hf_pretrained-EleutherAI-pythia-14m-deduped-dtype-float32-device-cpu.txt',
  ],
  () => {
    const file = sharedPath(
      'data/lm_eval_tasks/tests/testdata/mmlu_stem_10_hf_pretrained-EleutherAI-pythia-14m-deduped-dtype-float32-device-cpu.txt',
    );
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.startsWith('|--') && !line.includes('Tasks'))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map((cells) => ({ task: cells[1] as string, value: Number(cells[7]) }));
    const group = rows.find((r) => r.task === 'stem');
    const subtasks = rows.filter((r) => r.task.startsWith('- '));
    const LIMIT = 10; // the run used --limit 10: every subtask has 10 samples

    it('reads the table: 19 subtasks and the group score 0.2474', () => {
      expect(subtasks).toHaveLength(19);
      expect(group?.value).toBe(0.2474);
    });

    it('reproduces the group score from the subtask rows and sizes, both weightings (equal sizes)', () => {
      const values = subtasks.map((r) => r.value);
      const sizes = subtasks.map(() => LIMIT);
      expect(aggregateSubtaskMetrics(values, sizes, true)).toBeCloseTo(0.2474, 4);
      expect(aggregateSubtaskMetrics(values, sizes, false)).toBeCloseTo(0.2474, 4);
    });

    it('reproduces it through aggregateLeaderboard from per-sample results', () => {
      const science = listSubjects('Science');
      const results = subtasks.flatMap((r, i) =>
        subjectResults(science[i] as string, Math.round(r.value * LIMIT), LIMIT, { model: 'pythia-14m' }),
      );
      const { entries } = aggregateLeaderboard(results);
      const stem = entries.find((e) => e.subjectType === 'Science');
      expect(stem?.n).toBe(190);
      expect(stem?.rollup?.groups).toBe(19);
      expect(stem?.score).toBeCloseTo(0.2474, 4);
      expect(stem?.rollup?.mean.score).toBeCloseTo(stem?.rollup?.size.score as number, 15);
    });
  },
);

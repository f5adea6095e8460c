import { describe, expect, it } from 'vitest';
import type { SampleResult } from '../../src/domain/result.js';
import { aggregateLeaderboard, createLeaderboardBuilder } from '../../src/statistics/leaderboard.js';
import { createLabelInterner, createLabelResolver } from '../../src/statistics/leaderboard-labels.js';
import { createValueList } from '../../src/statistics/value-list.js';
import { result } from './results-fixture.js';

const LABELS = [
  { subjects: ['HASS/History'], language: 'ko' },
  { subjects: ['HASS/Economics'], language: 'Korean' },
  { subjects: ['Tech.', 'Tech./Coding'], language: 'en' },
  { subjects: ['HASS'], language: 'ko' },
  { subjects: ['Science/Math', 'HASS/History'], language: 'ko' },
  { subjects: ['Nowhere/Unknown'], language: 'ko' },
];

/** One result per sample, continuous or 0/1 scores, some without a task type. */
function samples(count: number, binary: boolean): SampleResult[] {
  return Array.from({ length: count }, (_, i) => {
    const labels = LABELS[i % LABELS.length] as (typeof LABELS)[number];
    return result({
      model: i % 2 === 0 ? 'org/a' : 'org/b',
      sample: `s${i}`,
      score: binary ? ((i * 7) % 3 === 0 ? 1 : 0) : ((i * 37) % 101) / 100,
      subjects: labels.subjects,
      language: labels.language,
      taskType: i % 17 === 0 ? null : 'knowledge',
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i % 50)),
    });
  });
}

describe('createLeaderboardBuilder', () => {
  it.each([
    ['0/1 scores', true],
    ['continuous scores', false],
  ])('gives what aggregateLeaderboard gives for the same samples (%s)', (_name, binary) => {
    const results = samples(240, binary);
    const options = { metric: 'accuracy', seed: 3, resamples: 300 };
    const builder = createLeaderboardBuilder(options);
    builder.exclude('failed', 2);
    builder.exclude('unscored');
    for (const r of results) builder.add(r.modelId, r.labels, r.scores.accuracy as number, r.createdAt);
    const streamed = builder.finish();
    const failed = [result({ sample: 'x1', error: 'e' }), result({ sample: 'x2', error: 'e' })];
    const unscored = [result({ sample: 'x3', score: null })];
    const expected = aggregateLeaderboard([...failed, ...results, ...unscored], options);
    expect(streamed).toEqual(expected);
    expect(streamed.kind).toBe(binary ? 'proportion' : 'continuous');
    expect(streamed.excluded).toEqual({ failed: 2, unscored: 1, unknownSubject: 37, missingTaskType: 15 });
    // A missing task type is counted first (3 of the 40 unknown-subject samples have none).
    // Fine and coarse entries, the coarse ones with both roll-ups; the coarse "Tech." label is implied.
    expect(streamed.entries.some((e) => e.subjectType === 'HASS' && e.rollup !== undefined)).toBe(true);
    const tech = streamed.entries.filter((e) => e.subjectType.startsWith('Tech.'));
    expect(tech.map((e) => [e.subjectType, e.n, e.rollup?.groups])).toEqual([
      ['Tech.', 38, 1], // 40 samples, 2 without a task type
      ['Tech./Coding', 38, undefined],
    ]);
  });

  it('detects the kind over every value added, even one left out for its labels', () => {
    const builder = createLeaderboardBuilder();
    const at = new Date();
    builder.add('m', { language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' }, 1, at);
    builder.add('m', { language: 'ko', subjectType: ['Nowhere'], taskType: 'Knowledge' }, 0.5, at);
    const { kind, entries, excluded } = builder.finish();
    expect(kind).toBe('continuous');
    expect(excluded.unknownSubject).toBe(1);
    expect(entries.map((e) => [e.subjectType, e.n])).toEqual([
      ['HASS', 1],
      ['HASS/History', 1],
    ]);
  });

  it('uses defaultTaskType for samples without one and keeps the newest date per entry', () => {
    const builder = createLeaderboardBuilder({ defaultTaskType: 'reasoning' });
    const labels = { language: 'ko', subjectType: ['HASS/History'] };
    builder.add('m', labels, 1, new Date('2025-01-02T00:00:00Z'));
    builder.add('m', { ...labels }, 0, new Date('2025-01-03T00:00:00Z'));
    builder.add('m', labels, 1, new Date('2025-01-01T00:00:00Z'));
    const { entries } = builder.finish();
    expect(entries.map((e) => [e.subjectType, e.taskType, e.n, e.updatedAt.toISOString()])).toEqual([
      ['HASS', 'Reasoning', 3, '2025-01-03T00:00:00.000Z'],
      ['HASS/History', 'Reasoning', 3, '2025-01-03T00:00:00.000Z'],
    ]);
  });
});

describe('leaderboard labels', () => {
  it('interns equal label sets into one frozen object', () => {
    const intern = createLabelInterner();
    const a = intern({ language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' });
    const b = intern({ language: 'ko', subjectType: ['HASS/History'], taskType: 'Knowledge' });
    const c = intern({ language: 'ko', subjectType: ['HASS/History'] });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.subjectType)).toBe(true);
  });

  it('resolves language, subjects and task type once per distinct label set', () => {
    const resolver = createLabelResolver();
    const labels = {
      language: 'Korean',
      subjectType: ['Tech.', 'Tech./Coding', 'nope'],
      taskType: 'knowledge',
    };
    const resolved = resolver.resolve(labels);
    expect(resolved).toEqual({ language: 'ko', taskType: 'Knowledge', subjects: ['Tech./Coding'] });
    expect(resolver.resolve(labels)).toBe(resolved);
    expect(resolver.resolve({ ...labels, subjectType: [...labels.subjectType] })).toBe(resolved);
    expect(
      resolver.resolve({ language: 'ko', subjectType: ['HASS'], taskType: ' ' }).taskType,
    ).toBeUndefined();
    expect(resolver.coarseOf('Tech./Coding')).toBe('Tech.');
    expect(resolver.coarseOf('HASS')).toBe('HASS');
  });
});

describe('createValueList', () => {
  it('keeps values in order across its growing chunks', () => {
    const list = createValueList();
    expect(list.toArray()).toEqual([]);
    const values = Array.from({ length: 70_000 }, (_, i) => (i % 5) / 4 - 0.25);
    for (const v of values) list.push(v);
    expect(list.length).toBe(values.length);
    expect(list.toArray()).toEqual(values);
  });
});

import { describe, expect, it } from 'vitest';
import { collectSamples, loadSamples } from '../../src/datasets/load-samples.js';
import { DatasetError } from '../../src/errors/dataset-error.js';
import { PlanValidationError } from '../../src/errors/plan-validation-error.js';
import type { LogFields, Logger } from '../../src/logger/logger.js';
import { describeWithShared, sharedPath } from '../support/shared.js';
import { useTempDir } from './temp-files.js';

const tmp = useTempDir();

function benchhubRow(i: number, subject: string, language = 'ko'): Record<string, unknown> {
  return {
    id: `q${i}`,
    problem_type: 'MCQA',
    prompt: `문제 ${i}`,
    options: ['가', '나', '다', '라'],
    answer: '나',
    subject_type: [subject.split('/')[0], subject],
    task_type: i % 2 === 0 ? 'Knowledge' : 'Reasoning',
    target_type: 'General',
    benchmark_name: 'Synthetic',
    language,
  };
}

function recordingLogger(): Logger & { lines: { level: string; message: string; fields?: LogFields }[] } {
  const lines: { level: string; message: string; fields?: LogFields }[] = [];
  const log =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      lines.push(fields === undefined ? { level, message } : { level, message, fields });
    };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

describe('loadSamples', () => {
  const rows = Array.from({ length: 40 }, (_, i) =>
    benchhubRow(i + 1, i % 4 === 0 ? 'Science/Physics' : 'HASS/History', i % 5 === 0 ? 'en' : 'ko'),
  );

  it('streams every matching sample in source order without sampleSize', async () => {
    const { samples, stats } = await collectSamples({
      name: 'inline',
      source: { type: 'inline', rows },
      filters: { language: 'Korean', subjectType: 'hass', taskType: 'knowledge' },
    });
    const expected = rows
      .filter((r, i) => i % 5 !== 0 && i % 4 !== 0 && r.task_type === 'Knowledge')
      .map((r) => r.id);
    expect(samples.map((s) => s.id)).toEqual(expected);
    expect(stats).toEqual({ read: 40, skipped: 0, matched: expected.length, selected: expected.length });
  });

  it('draws the same seeded sample on every run, in source order', async () => {
    const spec = { name: 's', source: { type: 'inline' as const, rows }, sampleSize: 5, seed: 11 };
    const first = await collectSamples(spec);
    const second = await collectSamples(spec);
    expect(first.samples.map((s) => s.id)).toEqual(second.samples.map((s) => s.id));
    expect(first.samples.map((s) => s.id)).toEqual(['q11', 'q15', 'q33', 'q37', 'q39']);
    expect(first.stats).toEqual({ read: 40, skipped: 0, matched: 40, selected: 5 });
    const other = await collectSamples({ ...spec, seed: 12 });
    expect(other.samples.map((s) => s.id)).not.toEqual(first.samples.map((s) => s.id));
  });

  it('stratifies by the first subject in proportion', async () => {
    const { samples } = await collectSamples({
      name: 's',
      source: { type: 'inline', rows },
      sampleSize: 8,
      stratifyBy: 'subject',
      seed: 3,
    });
    const physics = samples.filter((s) => s.metadata.subjectType[1] === 'Science/Physics').length;
    expect(samples).toHaveLength(8);
    expect(physics).toBe(2); // 10 of 40 rows → 2 of 8
  });

  it('stops at the first malformed row by default, naming source and line', async () => {
    tmp.write(
      'mixed.jsonl',
      [
        JSON.stringify(rows[0]),
        '{"prompt": broken',
        JSON.stringify({ ...rows[1], answer: 'nowhere' }),
        JSON.stringify(rows[2]),
      ].join('\n'),
    );
    const loaded = loadSamples(
      { name: 'm', source: { type: 'file', path: 'mixed.jsonl' } },
      { baseDir: tmp.dir },
    );
    const ids: string[] = [];
    let caught: unknown;
    try {
      for await (const s of loaded) ids.push(s.id);
    } catch (error) {
      caught = error;
    }
    expect(ids).toEqual(['q1']);
    expect(DatasetError.isInstance(caught)).toBe(true);
    expect((caught as DatasetError).row).toBe(2);
    expect((caught as DatasetError).source).toBe(`${tmp.dir}/mixed.jsonl`);
  });

  it('skips and counts malformed rows with onInvalidRow: skip', async () => {
    const skipped: DatasetError[] = [];
    const logger = recordingLogger();
    const { samples, stats } = await collectSamples(
      { name: 'm', source: { type: 'file', path: 'mixed.jsonl' }, onInvalidRow: 'skip' },
      { baseDir: tmp.dir, onSkip: (e) => skipped.push(e), logger },
    );
    expect(samples.map((s) => s.id)).toEqual(['q1', 'q3']);
    expect(stats).toEqual({ read: 4, skipped: 2, matched: 2, selected: 2 });
    expect(skipped.map((e) => [e.row, e.field])).toEqual([
      [2, undefined],
      [3, 'answer'],
    ]);
    expect(logger.lines.at(-1)).toEqual({
      level: 'info',
      message: 'dataset loaded',
      fields: { dataset: 'm', read: 4, skipped: 2, matched: 2, selected: 2 },
    });
  });

  it('skips a malformed CSV record with its row number', async () => {
    tmp.write(
      'k.csv',
      'question,A,B,C,D,answer\nq1,a,b,c,d,1\nq2,a,b,c,d,2,extra\nq3,a,b,c,d,9\nq4,a,b,c,d,4\n',
    );
    const skipped: DatasetError[] = [];
    const { samples, stats } = await collectSamples(
      { name: 'k', format: 'kmmlu', source: { type: 'file', path: 'k.csv' }, onInvalidRow: 'skip' },
      { baseDir: tmp.dir, onSkip: (e) => skipped.push(e) },
    );
    expect(samples.map((s) => s.id)).toEqual(['k.csv#1', 'k.csv#4']);
    expect(skipped.map((e) => e.row)).toEqual([2, 3]);
    expect(stats).toEqual({ read: 4, skipped: 2, matched: 2, selected: 2 });
  });

  it('validates the spec before reading', () => {
    expect(() => loadSamples({ name: '', source: { type: 'inline', rows: [{}] } })).toThrow(
      PlanValidationError,
    );
    try {
      loadSamples({ name: 'x', source: { type: 'inline', rows: [{}] }, sampleSize: -1 });
    } catch (error) {
      expect((error as PlanValidationError).issues[0]!.path).toBe('sampleSize');
    }
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    const loaded = loadSamples(
      { name: 'a', source: { type: 'inline', rows } },
      { signal: controller.signal },
    );
    let n = 0;
    await expect(
      (async () => {
        for await (const _ of loaded) {
          if (++n === 3) controller.abort(new Error('cancelled'));
        }
      })(),
    ).rejects.toThrow('cancelled');
    expect(n).toBe(3);
  });
});

describeWithShared('loadSamples on CLIcK', ['data/benchmarks/click/Dataset'], () => {
  it('filters a coarse subject and samples with a seed', async () => {
    const spec = {
      name: 'click-hass',
      format: 'click' as const,
      source: { type: 'file' as const, path: 'data/benchmarks/click/Dataset' },
      filters: { subjectType: ['HASS'], language: ['ko'] },
      sampleSize: 5,
      seed: 2024,
    };
    const { samples, stats } = await collectSamples(spec, { baseDir: sharedPath('.') });
    // HASS = Economics 59 + Geography 131 + History 280 + Law 219 + Politics 84 + Language 650
    expect(stats).toEqual({ read: 1995, skipped: 0, matched: 1423, selected: 5 });
    expect(samples.every((s) => s.metadata.subjectType[0]!.startsWith('HASS/'))).toBe(true);
    expect(samples.map((s) => s.id)).toEqual([
      'Law_PSAT/PSAT_20_1',
      'Politics_KIIP/KIIP_politics_25',
      'Grammar_Kedu/Kedu_14_1',
      'Grammar_Kedu/Kedu_14_54',
      'Grammar_Kedu/Kedu_16_6',
    ]);
    const again = await collectSamples(spec, { baseDir: sharedPath('.') });
    expect(again.samples.map((s) => s.id)).toEqual(samples.map((s) => s.id));
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSamples } from '../../src/datasets/index.js';
import type { Sample } from '../../src/domain/sample.js';
import { loadPlanWithSource, resolvePlanPath, resolvePlanPaths } from '../../src/plan/index.js';

const QUICKSTART = fileURLToPath(
  new URL('../../../../examples/plans/korean-history-mini.yaml', import.meta.url),
);
const DATA = fileURLToPath(new URL('../../../../examples/data/korean-history-mini.jsonl', import.meta.url));

describe('examples/plans/korean-history-mini.yaml', () => {
  it('uses a baseline model and a dataset path relative to the plan file', async () => {
    const { plan, baseDir } = await loadPlanWithSource(QUICKSTART);
    expect(plan.models).toEqual([
      { id: 'baseline:first-choice', provider: 'baseline', model: 'first-choice' },
    ]);
    const [dataset] = plan.datasets;
    expect(dataset).toMatchObject({ sampleSize: 10, seed: 42, filters: { subjectType: ['HASS/History'] } });
    expect(plan.prompt?.template).toBe('mcqa');
    expect(resolvePlanPath(QUICKSTART, '../data/korean-history-mini.jsonl')).toBe(DATA);
    expect(resolvePlanPaths(plan, baseDir!).datasets[0]?.source).toEqual({ type: 'file', path: DATA });
  });

  it('has 20 BenchHub MCQA rows with four options and the answer among them', () => {
    const rows = readFileSync(DATA, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      expect(row).toMatchObject({ problem_type: 'MCQA', language: 'ko', task_type: 'Knowledge' });
      expect(row.options).toHaveLength(4);
      expect(row.options).toContain(row.answer);
      expect((row.subject_type as string[]).every((s) => /^(HASS|Culture)(\/|$)/.test(s))).toBe(true);
    }
  });

  it('samples 10 of the 12 history questions through the dataset loader', async () => {
    const { plan, baseDir } = await loadPlanWithSource(QUICKSTART);
    const loaded = loadSamples(plan.datasets[0]!, { baseDir: baseDir! });
    const samples: Sample[] = [];
    for await (const sample of loaded) samples.push(sample);
    expect(loaded.stats).toMatchObject({ read: 20, matched: 12, selected: 10 });
    expect(
      samples.every((s) => s.metadata.subjectType.includes('HASS/History') && s.choices?.length === 4),
    ).toBe(true);
  });
});

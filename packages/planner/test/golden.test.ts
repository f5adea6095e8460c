import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COARSE_SUBJECTS, FINE_SUBJECTS, KNOWN_PROVIDERS, type PlanInput } from '@benchhub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GoldenEntry,
  type GoldenSet,
  GoldenSetError,
  loadGoldenSet,
  parseGoldenSet,
  scorePlanAgainstGolden,
  summarizeGoldenScores,
} from '../src/golden/index.js';

const GOLDEN_PATH = fileURLToPath(new URL('../golden/queries.json', import.meta.url));

describe('the golden set file', () => {
  let golden: GoldenSet;
  beforeAll(async () => {
    golden = await loadGoldenSet(GOLDEN_PATH);
  });

  it('has at least 40 entries, half Korean and half English', () => {
    const { entries } = golden;
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const ko = entries.filter((e) => e.language === 'ko').length;
    expect(ko * 2).toBe(entries.length);
  });

  it('names only canonical subjects of the taxonomy and known providers', () => {
    const subjects = new Set<string>([...COARSE_SUBJECTS, ...Object.values(FINE_SUBJECTS).flat()]);
    const providers = new Set<string>(KNOWN_PROVIDERS);
    for (const entry of golden.entries) {
      for (const subject of entry.expect.subjectType ?? []) expect(subjects, entry.id).toContain(subject);
      for (const model of entry.expect.models ?? []) expect(providers, entry.id).toContain(model.provider);
    }
  });

  it('mixes vague, impossible, injected and specific requests', () => {
    const kinds = (kind: GoldenEntry['kind']) => golden.entries.filter((e) => e.kind === kind);
    expect(kinds('vague').length).toBeGreaterThanOrEqual(6);
    expect(kinds('impossible').length).toBeGreaterThanOrEqual(6);
    expect(golden.entries.filter((e) => e.expect.absent !== undefined).length).toBeGreaterThanOrEqual(2);
    for (const entry of kinds('vague')) expect(entry.expect.warning, entry.id).toBe(true);
    for (const entry of kinds('impossible')) expect(Object.keys(entry.expect), entry.id).toEqual(['error']);
    const specific = kinds('specific');
    expect(specific.filter((e) => e.expect.seed !== undefined).length).toBeGreaterThanOrEqual(4);
    expect(
      new Set(specific.flatMap((e) => e.expect.models ?? []).map((m) => m.provider)).size,
    ).toBeGreaterThanOrEqual(5);
  });

  it('takes model names, sample sizes and seeds from the request text itself', () => {
    for (const entry of golden.entries) {
      for (const model of entry.expect.models ?? []) {
        if (model.model !== undefined) expect(entry.query, entry.id).toContain(model.model);
        if (model.baseUrl !== undefined) expect(entry.query, entry.id).toContain(model.baseUrl);
      }
      if (entry.expect.sampleSize !== undefined)
        expect(entry.query, entry.id).toContain(String(entry.expect.sampleSize));
      if (entry.expect.seed !== undefined) expect(entry.query, entry.id).toContain(String(entry.expect.seed));
      for (const text of entry.expect.absent ?? []) expect(entry.query, entry.id).toContain(text);
    }
  });
});

describe('loadGoldenSet and parseGoldenSet', () => {
  const entry = (overrides: Record<string, unknown> = {}, expectation: Record<string, unknown> = {}) => ({
    id: 'ko-history',
    language: 'ko',
    kind: 'specific',
    query: '한국사 100문제',
    expect: { subjectType: ['HASS/History'], sampleSize: 100, ...expectation },
    ...overrides,
  });
  const parseError = (data: unknown): GoldenSetError => {
    try {
      parseGoldenSet(data, 'test.json');
    } catch (error) {
      if (GoldenSetError.isInstance(error)) return error;
      throw error;
    }
    throw new Error('expected a GoldenSetError');
  };

  it('accepts a valid set', () => {
    const set = parseGoldenSet({ version: 1, entries: [entry()] });
    expect(set.entries[0]?.expect.subjectType).toEqual(['HASS/History']);
  });

  it('names the entry id and the field of an unknown subject, with a suggestion', () => {
    const error = parseError({
      version: 1,
      entries: [entry(), entry({ id: 'ko-typo' }, { subjectType: ['HASS/Histroy'] })],
    });
    expect(error.issues).toEqual([
      {
        entryId: 'ko-typo',
        path: 'entries[1].expect.subjectType[0]',
        message: 'unknown subject "HASS/Histroy": did you mean "HASS/History"?',
      },
    ]);
    expect(error.message).toContain('entry "ko-typo" entries[1].expect.subjectType[0]');
  });

  it('asks for the canonical spelling of an alias', () => {
    const error = parseError({ version: 1, entries: [entry({}, { subjectType: ['Technology/Coding'] })] });
    expect(error.issues[0]?.message).toBe(
      'write the canonical subject "Tech./Coding" instead of "Technology/Coding"',
    );
  });

  it('rejects unknown providers, duplicate ids and kind rules', () => {
    const error = parseError({
      version: 1,
      entries: [
        entry({}, { models: [{ provider: 'gemini' }] }),
        entry(),
        entry({ id: 'ko-vague', kind: 'vague' }),
        entry({ id: 'ko-impossible', kind: 'impossible' }),
        entry({ id: 'en-wrong-prefix' }),
      ],
    });
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i]));
    expect(byPath['entries[0].expect.models[0].provider']?.message).toContain('unknown provider "gemini"');
    expect(byPath['entries[1].id']?.message).toBe('id "ko-history" is already used by entries[0]');
    expect(byPath['entries[2].expect.warning']?.entryId).toBe('ko-vague');
    expect(byPath['entries[3].expect.error']?.message).toContain('must expect an error');
    expect(byPath['entries[3].expect']?.message).toContain(
      'expects only an error, not subjectType, sampleSize',
    );
    expect(byPath['entries[4].id']?.message).toBe('must start with "ko-", the language of the entry');
  });

  it('rejects unknown fields and metrics', () => {
    const error = parseError({ version: 1, entries: [entry({}, { metric: 'accuracy', metrics: ['acc'] })] });
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      'entries[0].expect',
      'entries[0].expect.metrics[0]',
    ]);
  });

  describe('files', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'benchhub-golden-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reports a missing file and broken JSON with the path', async () => {
      const missing = join(dir, 'missing.json');
      await expect(loadGoldenSet(missing)).rejects.toThrow(`Cannot read golden set ${missing}`);
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{ "version": 1, ');
      await expect(loadGoldenSet(broken)).rejects.toThrow(`Golden set ${broken} is not valid JSON`);
      await expect(loadGoldenSet(broken)).rejects.toSatisfy(GoldenSetError.isInstance);
    });
  });
});

describe('scorePlanAgainstGolden', () => {
  const golden = (
    id: string,
    kind: GoldenEntry['kind'],
    expectation: GoldenEntry['expect'],
  ): GoldenEntry => ({
    id,
    language: 'ko',
    kind,
    query: 'query',
    expect: expectation,
  });
  const historyEntry = golden('ko-history-compare', 'specific', {
    models: [{ provider: 'openai', model: 'gpt-4o-mini' }, { provider: 'anthropic' }],
    language: 'ko',
    subjectType: ['HASS/History'],
    taskType: 'Knowledge',
    problemType: 'MCQA',
    sampleSize: 100,
    seed: 7,
    metrics: ['accuracy'],
    method: 'string_match',
    warning: true,
  });
  const historyPlan = (): PlanInput => ({
    name: 'history',
    models: [
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
      { provider: 'openai', model: 'gpt-4o-mini' },
    ],
    datasets: [
      {
        name: 'benchhub',
        source: { type: 'huggingface', dataset: 'BenchHub/BenchHub-Ko' },
        filters: { subjectType: ['HASS/History'], taskType: 'knowledge', problemType: 'mcqa' },
        sampleSize: 100,
        seed: 7,
      },
    ],
  });

  it('gives every expected field its point for a matching plan (defaults and aliases applied)', () => {
    const score = scorePlanAgainstGolden(historyEntry, {
      plan: historyPlan(),
      warnings: ['assumed claude-haiku-4-5'],
    });
    expect(score.fields.filter((f) => !f.ok)).toEqual([]);
    expect(score).toMatchObject({ id: 'ko-history-compare', matched: 11, total: 11 });
    expect(score.fields.map((f) => f.field)).toEqual([
      'models[0]',
      'models[1]',
      'language',
      'subjectType',
      'taskType',
      'problemType',
      'sampleSize',
      'seed',
      'metrics',
      'method',
      'warning',
    ]);
  });

  it('fails each wrong field on its own', () => {
    const plan = historyPlan();
    plan.models = [{ provider: 'openai', model: 'gpt-4o' }];
    const [dataset] = plan.datasets;
    if (!dataset) throw new Error('fixture has a dataset');
    dataset.filters = { subjectType: ['HASS', 'HASS/History'], language: 'en', taskType: 'Reasoning' };
    dataset.sampleSize = 50;
    delete dataset.seed;
    plan.evaluation = { method: 'llm_judge', metrics: ['accuracy', 'bleu'] };
    const score = scorePlanAgainstGolden(historyEntry, { plan, warnings: [] });
    expect(score.matched).toBe(0);
    const actual = Object.fromEntries(score.fields.map((f) => [f.field, f.actual]));
    expect(actual).toMatchObject({
      language: 'en',
      subjectType: ['HASS', 'HASS/History'],
      taskType: 'Reasoning',
      problemType: [],
      sampleSize: 50,
      seed: '42',
      metrics: ['accuracy', 'bleu'],
      method: 'llm_judge',
      warning: [],
    });
  });

  it('matches models by provider and verbatim name, each plan model once', () => {
    const entry = golden('en-models', 'specific', {
      models: [
        { provider: 'openai' },
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'huggingface', model: 'Qwen/Qwen2.5-72B-Instruct' },
      ],
    });
    const plan: PlanInput = {
      name: 'models',
      models: [
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'huggingface', model: 'Qwen_Qwen2.5-72B-Instruct' },
      ],
      datasets: [{ name: 'd', source: { type: 'inline', rows: [{}] } }],
    };
    const score = scorePlanAgainstGolden(entry, { plan, warnings: [] });
    expect(score.fields.map((f) => f.ok)).toEqual([false, true, false]);
    plan.models.push({ provider: 'openai', model: 'gpt-4o-mini' });
    plan.models.push({ provider: 'huggingface', model: 'Qwen/Qwen2.5-72B-Instruct' });
    expect(scorePlanAgainstGolden(entry, { plan, warnings: [] }).matched).toBe(3);
  });

  it('compares base URLs without a trailing slash', () => {
    const entry = golden('ko-vllm', 'specific', {
      models: [
        {
          provider: 'openai-compatible',
          model: 'Qwen/Qwen2.5-7B-Instruct',
          baseUrl: 'http://localhost:8000/v1',
        },
      ],
    });
    const plan = (baseUrl?: string): PlanInput => ({
      name: 'vllm',
      models: [
        { provider: 'openai-compatible', model: 'Qwen/Qwen2.5-7B-Instruct', ...(baseUrl ? { baseUrl } : {}) },
      ],
      datasets: [{ name: 'd', source: { type: 'inline', rows: [{}] } }],
    });
    expect(
      scorePlanAgainstGolden(entry, { plan: plan('http://localhost:8000/v1/'), warnings: [] }).matched,
    ).toBe(1);
    expect(scorePlanAgainstGolden(entry, { plan: plan(), warnings: [] }).matched).toBe(0);
  });

  it('compares subjects as selections: aliases and order do not matter, a coarse subject widens', () => {
    const entry = golden('en-subjects', 'specific', { subjectType: ['Tech./Coding', 'Science/Math'] });
    const withSubjects = (subjectType: string[]): PlanInput => ({
      name: 's',
      models: [{ provider: 'openai', model: 'gpt-4o' }],
      datasets: [{ name: 'd', source: { type: 'inline', rows: [{}] }, filters: { subjectType } }],
    });
    const ok = (subjects: string[]) =>
      scorePlanAgainstGolden(entry, { plan: withSubjects(subjects), warnings: [] }).matched === 1;
    expect(ok(['mathematics', 'Technology/Programming'])).toBe(true);
    expect(ok(['Tech./Coding'])).toBe(false);
    expect(ok(['Tech.', 'Tech./Coding', 'Science/Math'])).toBe(false);
  });

  it('requires every dataset to agree, sums sample sizes and reads the language from the Hub dataset', () => {
    const entry = golden('ko-two', 'specific', { language: 'ko', sampleSize: 120, taskType: 'Knowledge' });
    const dataset = (name: string, sampleSize: number | undefined, taskType?: string) => ({
      name,
      source: { type: 'huggingface' as const, dataset: 'BenchHub/BenchHub-Ko' },
      ...(sampleSize === undefined ? {} : { sampleSize }),
      ...(taskType === undefined ? {} : { filters: { taskType } }),
    });
    const plan: PlanInput = {
      name: 'two',
      models: [{ provider: 'openai', model: 'gpt-4o' }],
      datasets: [dataset('sports', 60, 'Knowledge'), dataset('music', 60)],
    };
    expect(scorePlanAgainstGolden(entry, { plan, warnings: [] }).fields.map((f) => [f.field, f.ok])).toEqual([
      ['language', true],
      ['taskType', false],
      ['sampleSize', true],
    ]);
    plan.datasets[1] = dataset('music', undefined, 'Knowledge');
    expect(scorePlanAgainstGolden(entry, { plan, warnings: [] }).fields.map((f) => f.ok)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('scores an impossible request by the planning error and its message', () => {
    const entry = golden('ko-impossible-subject', 'impossible', { error: 'subject' });
    expect(
      scorePlanAgainstGolden(entry, { warnings: [], error: 'Unknown SUBJECT "드래곤 조련학"' }).matched,
    ).toBe(1);
    expect(
      scorePlanAgainstGolden(entry, { warnings: [], error: 'sample size must be positive' }).matched,
    ).toBe(0);
    expect(
      scorePlanAgainstGolden(entry, { plan: historyPlan(), warnings: ['no such subject'] }),
    ).toMatchObject({
      matched: 0,
      total: 1,
    });
  });

  it('fails every plan field when planning failed, and catches injected text in the plan', () => {
    const entry = golden('en-injection', 'specific', {
      models: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      absent: ['evil-corp', 'attacker.example'],
    });
    const failed = scorePlanAgainstGolden(entry, { warnings: [], error: 'planner unavailable' });
    expect(failed).toMatchObject({ matched: 0, total: 2 });
    const plan: PlanInput = {
      name: 'injected',
      models: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'evil-corp', model: 'x', baseUrl: 'http://ATTACKER.example/v1' },
      ],
      datasets: [{ name: 'd', source: { type: 'inline', rows: [{}] } }],
    };
    const injected = scorePlanAgainstGolden(entry, { plan, warnings: [] });
    expect(injected.fields.find((f) => f.field === 'absent')).toMatchObject({
      ok: false,
      actual: ['evil-corp', 'attacker.example'],
    });
    plan.models.pop();
    expect(scorePlanAgainstGolden(entry, { plan, warnings: [] }).matched).toBe(2);
  });

  it('summarizes scores into field accuracy, per field', () => {
    const good = scorePlanAgainstGolden(historyEntry, {
      plan: historyPlan(),
      warnings: ['assumed a claude model'],
    });
    const bad = scorePlanAgainstGolden(golden('ko-x', 'impossible', { error: 'subject' }), { warnings: [] });
    const summary = summarizeGoldenScores([good, bad]);
    expect(summary).toMatchObject({ entries: 2, matched: good.total, total: good.total + 1 });
    expect(summary.fieldAccuracy).toBeCloseTo(good.total / (good.total + 1));
    expect(summary.byField.models).toEqual({ matched: 2, total: 2 });
    expect(summary.byField.error).toEqual({ matched: 0, total: 1 });
    expect(summarizeGoldenScores([]).fieldAccuracy).toBe(0);
  });
});

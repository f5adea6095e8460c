import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, cli as runCli, tempPlan } from './support/run-cli.js';

const miniPlan = join(repo, 'examples/plans/korean-history-mini.yaml');
const quickstart = join(repo, 'examples/plans/quickstart.yaml');
const v2Plan = join(repo, '../shared/data/benchhubplus/example_plan_v2.yaml');

const cli = (...argv: string[]) => runCli(argv);

describe('benchhub run --dry-run', () => {
  it('prints the seeded sample the quick-start plan selects, the same on every run', async () => {
    const first = await cli('run', miniPlan, '--dry-run', '--json');
    expect(first.code).toBe(0);
    const lines = first.out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(10);
    for (const line of lines) {
      expect(line.dataset).toBe('korean-history-mini');
      expect((line.metadata as { subjectType: string[] }).subjectType).toContain('HASS/History');
      expect(line.prompt).toMatch(/정답:$/);
      expect(line.target).toMatch(/^[A-D]$/);
    }
    const again = await cli('run', miniPlan, '--dry-run', '--json');
    expect(again.out).toBe(first.out);
  });

  it('limits what it prints without changing the selection', async () => {
    const all = await cli('run', miniPlan, '--dry-run', '--json');
    const two = await cli('run', miniPlan, '--dry-run', '--json', '--limit', '2');
    expect(two.out.split('\n')).toEqual(all.out.split('\n').slice(0, 2));
    expect((await cli('run', miniPlan, '--dry-run', '--limit', 'zero')).code).toBe(2);
  });

  it('skips malformed rows and says so when the plan asks to skip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchhub-cli-'));
    writeFileSync(
      join(dir, 'rows.jsonl'),
      [
        JSON.stringify({ prompt: 'Q1', options: ['a', 'b'], answer: 'a', subject_type: ['HASS/History'] }),
        '{"prompt": "broken',
        JSON.stringify({ prompt: 'Q3', options: ['a', 'b'], answer: 'b', subject_type: ['HASS/History'] }),
      ].join('\n'),
    );
    const plan = join(dir, 'plan.yaml');
    writeFileSync(
      plan,
      `name: skip\nmodels: [{ provider: baseline, model: first-choice }]\ndatasets:\n  - name: d\n    source: { type: file, path: rows.jsonl }\n    defaults: { language: en }\n    onInvalidRow: skip\n`,
    );
    const result = await cli('run', plan, '--dry-run', '--json');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toHaveLength(2);
    expect(result.warnings.join('\n')).toMatch(/rows\.jsonl, row 2/);
  });
});

describe('benchhub run (a real evaluation)', () => {
  interface Summary {
    modelId: string;
    metric: string;
    value: number;
    n: number;
    stderr: number;
    ci: { lower: number; upper: number; level: number };
    errors: number;
  }

  it('evaluates the quick-start plan: two baselines, accuracy with stderr and CI, leaderboard slices', async () => {
    const result = await cli('run', quickstart, '--json', '--no-progress');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as {
      task: { status: string };
      aggregates: Summary[];
      leaderboard: { modelName: string; subjectType: string; n: number }[];
    };
    expect(report.task.status).toBe('SUCCESS');
    const byModel = new Map(report.aggregates.map((a) => [a.modelId, a]));
    expect([...byModel.keys()].sort()).toEqual(['baseline:first-choice', 'baseline:random-choice']);
    for (const summary of report.aggregates) {
      expect(summary).toMatchObject({ metric: 'accuracy', n: 60, errors: 0 });
      expect(summary.ci.lower).toBeLessThanOrEqual(summary.value);
      expect(summary.ci.upper).toBeGreaterThanOrEqual(summary.value);
      // Four options: a baseline stays near chance (0.25); 60 samples keep it well inside [0.05, 0.5].
      expect(summary.value).toBeGreaterThan(0.05);
      expect(summary.value).toBeLessThan(0.5);
      expect(summary.stderr).toBeCloseTo(Math.sqrt((summary.value * (1 - summary.value)) / 59), 6);
    }
    expect(report.leaderboard.some((e) => e.subjectType === 'HASS' && e.n > 0)).toBe(true);
  });

  it('prints tables, and exits non-zero naming the variable when a model has no API key', async () => {
    const tables = await cli('run', miniPlan, '--no-progress');
    expect(tables.code).toBe(0);
    expect(tables.out).toMatch(/baseline:first-choice.*accuracy/);
    expect(tables.out).toContain('95% CI');
    const plan = tempPlan(
      `name: x\nmodels: [{ provider: openai, model: gpt-4o-mini }]\ndatasets:\n  - name: d\n    source: { type: inline, rows: [{ prompt: q, options: [a, b], answer: a, subject_type: [HASS], language: en }] }\n`,
    );
    const failed = await cli('run', plan, '--no-progress');
    expect(failed.code).toBe(1);
    expect(failed.errors).toMatch(/needs an API key: set OPENAI_API_KEY/);
  });
});

describe('benchhub validate', () => {
  it('reports every problem with its path and line, and exits 1', async () => {
    const plan = tempPlan(
      [
        'name: broken',
        'models:',
        '  - provider: openai',
        '    modle: gpt-4o-mini',
        '    parameters: { temperature: 7 }',
        'datasets: []',
      ].join('\n'),
    );
    const result = await cli('validate', plan);
    expect(result.code).toBe(1);
    expect(result.errors).toContain('models[0].modle (line 4)');
    expect(result.errors).toMatch(/did you mean 'model'/);
    expect(result.errors).toContain('models[0].parameters.temperature (line 5)');
    expect(result.errors).toContain('datasets (line 6)');
  });

  it('accepts the example plans', async () => {
    expect((await cli('validate', miniPlan)).code).toBe(0);
    const result = await cli('validate', quickstart);
    expect(result.code).toBe(0);
    expect(result.out).toContain('valid');
  });
});

describe.skipIf(!existsSync(v2Plan) && process.env.CI !== 'true')('benchhub convert', () => {
  it('writes a BenchHub Plus 2.0 plan in the project format, which loads again', async () => {
    const result = await cli('convert', v2Plan);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^benchhub: 1$/m);
    expect(result.out).toContain('BenchHub/BenchHub-Ko');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the plan placeholder itself
    expect(result.out).toContain('${API_KEY}');
    const again = await cli('validate', tempPlan(result.out));
    expect(again.code).toBe(0);
  });
});

const bin = join(repo, 'packages/cli/dist/bin.js');
describe.skipIf(!existsSync(bin) && process.env.CI !== 'true')('the built benchhub binary', () => {
  it('runs the quick start from a shell and keeps stdout for results', () => {
    const result = spawnSync(
      process.execPath,
      [bin, 'run', miniPlan, '--dry-run', '--json', '--limit', '3'],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
    expect(result.stderr).toContain('selected 10');
  });

  it('exits non-zero with a clear message for a missing plan file', () => {
    const result = spawnSync(process.execPath, [bin, 'run', 'no/such/plan.yaml'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no/such/plan.yaml');
  });
});

describe.skipIf(!existsSync(join(repo, 'packages/core/dist/index.js')) && process.env.CI !== 'true')(
  'the notebook-style example script (the README quotes it)',
  () => {
    it('prints the quick-start selection through the public API', () => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'examples/scripts/preview-plan.ts'], {
        cwd: repo,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.match(/^--- khm-\d+ \(gold [A-D]\)$/gm)).toHaveLength(10);
      expect(result.stdout).toContain('selected: 10');
    });

    it('evaluates a model written as a function next to a baseline', () => {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'examples/scripts/evaluate-in-code.ts'],
        {
          cwd: repo,
          encoding: 'utf8',
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // Right on 서울 (B) and 파리 (A), wrong on 도쿄 and 런던: 2 of 4.
      expect(result.stdout).toMatch(/^my-model accuracy = 0\.50 \[0\.\d\d, 0\.\d\d\] \(n 4, errors 0\)$/m);
      expect(result.stdout).toMatch(/^random accuracy = /m);
    });
  },
);

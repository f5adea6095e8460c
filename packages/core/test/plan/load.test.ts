// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchHubError, PlanValidationError } from '../../src/errors/index.js';
import { definePlan, loadPlan, loadPlanWithSource, parsePlan } from '../../src/plan/index.js';

/** Runs `fn`, expecting a PlanValidationError, and returns it. */
async function rejects(fn: () => Promise<unknown> | unknown): Promise<PlanValidationError> {
  try {
    await fn();
  } catch (error) {
    expect(PlanValidationError.isInstance(error)).toBe(true);
    return error as PlanValidationError;
  }
  throw new Error('expected a PlanValidationError');
}

const MINIMAL = `benchhub: 1
name: minimal
models:
  - provider: openai
    model: gpt-4o-mini
datasets:
  - name: mini
    source: { type: file, path: mini.jsonl }
`;

describe('loadPlan: valid plans', () => {
  it('applies defaults and fills the model id', async () => {
    const plan = await loadPlan(MINIMAL);
    expect(plan.benchhub).toBe(1);
    expect(plan.models[0]).toEqual({ id: 'openai:gpt-4o-mini', provider: 'openai', model: 'gpt-4o-mini' });
    expect(plan.evaluation).toEqual({
      method: 'string_match',
      metrics: ['accuracy'],
      repeats: 1,
      confidenceLevel: 0.95,
    });
    expect(plan.datasets[0]?.seed).toBe(42);
  });

  it('keeps "/" in model names untouched', async () => {
    const plan = await loadPlan(
      MINIMAL.replace(
        'provider: openai\n    model: gpt-4o-mini',
        'provider: huggingface\n    model: Qwen/Qwen2.5-7B-Instruct',
      ),
    );
    expect(plan.models[0]?.model).toBe('Qwen/Qwen2.5-7B-Instruct');
    expect(plan.models[0]?.id).toBe('huggingface:Qwen/Qwen2.5-7B-Instruct');
  });

  it.each([
    'http://localhost:8000/v1',
    'http://127.0.0.1:11434/v1',
    'http://[::1]:8080',
    'https://api.example.com/v1/',
    '${LOCAL_URL}',
  ])('accepts the base URL %s', async (baseUrl) => {
    const plan = await loadPlan(
      MINIMAL.replace('model: gpt-4o-mini', `model: gpt-4o-mini\n    baseUrl: "${baseUrl}"`),
    );
    expect(plan.models[0]?.baseUrl).toBe(baseUrl);
  });

  it('rejects a base URL that is not http(s)', async () => {
    const error = await rejects(() =>
      loadPlan(MINIMAL.replace('model: gpt-4o-mini', 'model: x\n    baseUrl: ftp://files.example.com')),
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'models[0].baseUrl', line: 6 })]);
  });

  it('accepts both forms of key reference', async () => {
    const plan = await loadPlan(
      MINIMAL.replace(
        'model: gpt-4o-mini',
        'model: a\n    apiKey: ${OPENAI_API_KEY}\n  - provider: anthropic\n    model: b\n    apiKey: { env: ANTHROPIC_API_KEY }',
      ),
    );
    expect(plan.models.map((m) => m.apiKey)).toEqual(['${OPENAI_API_KEY}', { env: 'ANTHROPIC_API_KEY' }]);
  });

  it('reads JSON text', async () => {
    const json = JSON.stringify({
      name: 'json plan',
      models: [
        {
          provider: 'openai-compatible',
          model: 'meta-llama/Llama-3.1-8B-Instruct',
          baseUrl: 'http://localhost:8000/v1',
        },
      ],
      datasets: [
        { name: 'd', source: { type: 'inline', rows: [{ prompt: 'q', options: ['a', 'b'], answer: 'a' }] } },
      ],
      evaluation: { method: 'choice', repeats: 3 },
    });
    const plan = await loadPlan(json);
    expect(plan.models[0]?.model).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(plan.evaluation.repeats).toBe(3);
  });
});

describe('loadPlan: reporting problems', () => {
  it('gives the line of a bad field deep in the YAML', async () => {
    const text = `benchhub: 1
name: deep
models:
  - provider: openai
    model: gpt-4o-mini
  - provider: anthropic
    model: claude-3-5-haiku-latest
    parameters:
      maxTokens: 100
      temperature: 2.5
datasets:
  - name: mini
    source: { type: file, path: mini.jsonl }
`;
    const error = await rejects(() => loadPlan(text));
    expect(error.issues).toEqual([
      { path: 'models[1].parameters.temperature', line: 10, message: 'must be at most 2 (got 2.5)' },
    ]);
    expect(error.message).toContain('models[1].parameters.temperature (line 10)');
  });

  it('reports every problem at once, sorted by line', async () => {
    const text = `benchhub: 1
name: broken
models:
  - provider: openai
    modle: gpt-4o
    parameters: { topP: 1.5, maxTokens: 0 }
datasets:
  - name: a
    source: { type: file, path: a.jsonl }
    sampleSize: -3
  - name: a
    source: { type: hf, dataset: x }
evaluation:
  method: llm_judg
  repeats: 0
`;
    const error = await rejects(() => loadPlan(text));
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'models[0].model',
        'models[0].modle',
        'models[0].parameters.topP',
        'models[0].parameters.maxTokens',
        'datasets[0].sampleSize',
        'datasets[1].name',
        'datasets[1].source.type',
        'evaluation.method',
        'evaluation.repeats',
      ].sort(),
    );
    expect(byPath['models[0].modle']).toMatchObject({
      line: 5,
      message: "unknown field 'modle'; did you mean 'model'?",
    });
    expect(byPath['models[0].model']).toMatchObject({ line: 4, message: "missing required field 'model'" });
    expect(byPath['datasets[1].name']?.line).toBe(11);
    expect(byPath['evaluation.method']?.message).toContain("did you mean 'llm_judge'?");
    const lines = error.issues.map((i) => i.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('suggests the closest field for unknown fields at every level', async () => {
    const text = `benchhub: 1
name: typo
modles: []
models:
  - provider: openai
    model: gpt-4o-mini
    parameters: { max_tokens: 10 }
datasets:
  - name: mini
    source: { type: file, path: mini.jsonl, fmt: jsonl }
    sample_size: 5
`;
    const error = await rejects(() => loadPlan(text));
    expect(error.issues).toEqual([
      { path: 'modles', line: 3, message: "unknown field 'modles'; did you mean 'models'?" },
      {
        path: 'models[0].parameters.max_tokens',
        line: 7,
        message: "unknown field 'max_tokens'; did you mean 'maxTokens'?",
      },
      { path: 'datasets[0].source.fmt', line: 10, message: "unknown field 'fmt'; did you mean 'format'?" },
      {
        path: 'datasets[0].sample_size',
        line: 11,
        message: "unknown field 'sample_size'; did you mean 'sampleSize'?",
      },
    ]);
  });

  it('lists the known fields when nothing is close', async () => {
    const error = await rejects(() =>
      loadPlan(MINIMAL.replace('    model: gpt-4o-mini', '    model: gpt-4o-mini\n    zzzzzz: 1')),
    );
    expect(error.issues[0]?.message).toMatch(
      /^unknown field 'zzzzzz'; known fields: id, provider, model, baseUrl, apiKey/,
    );
  });

  it('rejects a literal API key without echoing it', async () => {
    const secret = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
    const error = await rejects(() =>
      loadPlan(MINIMAL.replace('model: gpt-4o-mini', `model: gpt-4o-mini\n    apiKey: ${secret}`)),
    );
    expect(error.issues).toEqual([expect.objectContaining({ path: 'models[0].apiKey', line: 6 })]);
    expect(error.issues[0]?.message).toContain('${OPENAI_API_KEY}');
    expect(error.message).not.toContain(secret);
  });

  it('asks for braces around a bare $VAR key', async () => {
    const error = await rejects(() =>
      loadPlan(MINIMAL.replace('model: gpt-4o-mini', 'model: x\n    apiKey: $MY_KEY')),
    );
    expect(error.issues[0]?.message).toBe("write the placeholder with braces: '${MY_KEY}'");
  });

  it('reports the invalid member of a key reference object', async () => {
    const error = await rejects(() =>
      loadPlan(
        MINIMAL.replace('model: gpt-4o-mini', 'model: x\n    apiKey: { env: "not a name", extra: 1 }'),
      ),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      'models[0].apiKey.env',
      'models[0].apiKey.extra',
    ]);
  });

  it('requires unique model ids and a judge for llm_judge', async () => {
    const text = `${MINIMAL.replace('    model: gpt-4o-mini', '    model: gpt-4o-mini\n  - provider: openai\n    model: gpt-4o-mini')}evaluation:\n  method: llm_judge\n`;
    const error = await rejects(() => loadPlan(text));
    expect(error.issues.map((i) => [i.path, i.line])).toEqual([
      ['models[1].model', 7],
      ['evaluation.judge', 11],
    ]);
  });

  it('checks per-dataset prompts name a dataset', async () => {
    const error = await rejects(() => loadPlan(`${MINIMAL}prompts:\n  minii: { template: open }\n`));
    expect(error.issues).toEqual([
      {
        path: 'prompts.minii',
        line: 10,
        message: 'no dataset named "minii" in this plan; did you mean "mini"?',
      },
    ]);
  });

  it('turns YAML syntax errors into issues with a line', async () => {
    const error = await rejects(() => loadPlan('benchhub: 1\nname: x\nmodels:\n  - provider: [openai\n'));
    expect(error.issues[0]?.message).toMatch(/^YAML syntax error/);
    expect(error.issues[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a duplicate key with its line', async () => {
    const error = await rejects(() => loadPlan('benchhub: 1\nname: a\nname: b\n'));
    expect(error.issues[0]).toMatchObject({ line: 3 });
    expect(error.issues[0]?.message).toMatch(/unique/i);
  });

  it('rejects an empty plan, a non-mapping and unknown versions', async () => {
    expect((await rejects(() => loadPlan('# nothing here\n'))).issues[0]?.message).toBe('the plan is empty');
    expect((await rejects(() => loadPlan('- a\n- b\n'))).issues[0]?.message).toMatch(/must be a mapping/);
    const version = await rejects(() => loadPlan('version: "3.0"\nname: x\n'));
    expect(version.issues[0]).toMatchObject({ path: 'version', line: 1 });
    const marker = await rejects(() => loadPlan(MINIMAL.replace('benchhub: 1', 'benchhub: 2')));
    expect(marker.issues[0]?.message).toMatch(/unsupported plan format/);
  });
});

describe('loadPlan: files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'benchhub-plan-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a JSON plan file and records its folder', async () => {
    const file = join(dir, 'plan.json');
    await writeFile(
      file,
      JSON.stringify(
        {
          name: 'f',
          models: [{ provider: 'function', model: 'm' }],
          datasets: [{ name: 'd', source: { type: 'file', path: 'd.jsonl' } }],
        },
        null,
        2,
      ),
    );
    const loaded = await loadPlanWithSource(file);
    expect(loaded).toMatchObject({ format: 'benchhub', file, baseDir: dir });
    expect(loaded.plan.name).toBe('f');
  });

  it('names the file in validation errors, with JSON line numbers', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      '{\n  "name": "f",\n  "models": [\n    { "provider": "function", "model": "m", "concurrency": 0 }\n  ],\n  "datasets": []\n}\n',
    );
    const error = await rejects(() => loadPlan(file));
    expect(error.source).toBe(file);
    expect(error.issues).toEqual([
      { path: 'models[0].concurrency', line: 4, message: 'must be greater than 0 (got 0)' },
      { path: 'datasets', line: 6, message: 'a plan needs at least one dataset' },
    ]);
  });

  it('says so when a path without extension names no file', async () => {
    await expect(loadPlan(join(dir, 'nothing-here'))).rejects.toThrow(/no plan file at/);
  });

  it('fails clearly when a plan file is missing', async () => {
    const missing = join(dir, 'missing.yaml');
    await expect(loadPlan(missing)).rejects.toSatisfy(
      (e: unknown) => BenchHubError.isInstance(e) && (e as Error).message.includes('cannot read plan file'),
    );
  });
});

describe('parsePlan and definePlan', () => {
  it('validates objects built in code', () => {
    const input = definePlan({
      name: 'code',
      models: [{ provider: 'local-gguf', model: './models/tiny.gguf', concurrency: 1 }],
      datasets: [{ name: 'd', source: { type: 'file', path: 'd.jsonl' } }],
    });
    expect(input.name).toBe('code');
    const plan = parsePlan(input);
    expect(plan.models[0]?.id).toBe('local-gguf:./models/tiny.gguf');
    expect(() => parsePlan({ ...input, models: [] })).toThrow(/a plan needs at least one model/);
  });

  it('reports paths without lines for objects', () => {
    try {
      parsePlan({
        name: 'x',
        models: [{ provider: 'openai', model: 'm', apiKey: 'literal' }],
        datasets: [{ name: 'd', source: { type: 'file', path: 'p' } }],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as PlanValidationError).issues).toEqual([
        { path: 'models[0].apiKey', message: expect.stringContaining('${') },
      ]);
    }
  });
});

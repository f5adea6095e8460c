// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanValidationError } from '../../src/errors/index.js';
import { loadPlan, loadPlanWithSource, providerForV2Type } from '../../src/plan/index.js';
import { describeWithShared, sharedPath } from '../support/shared.js';

const EXAMPLE = 'data/benchhubplus/example_plan_v2.yaml';

async function issuesOf(text: string): Promise<PlanValidationError['issues']> {
  try {
    await loadPlan(text);
  } catch (error) {
    if (PlanValidationError.isInstance(error)) return error.issues;
    throw error;
  }
  throw new Error('expected the plan to be invalid');
}

describeWithShared('BenchHub Plus v2 example plan', [EXAMPLE], () => {
  it('loads and converts the planner output', async () => {
    const loaded = await loadPlanWithSource(sharedPath(EXAMPLE));
    expect(loaded.format).toBe('benchhub-plus-v2');
    const { plan } = loaded;
    expect(plan.name).toBe('BenchHub Plus Evaluation - Knowledge');
    expect(plan.models).toEqual([
      {
        id: 'gpt-4o-mini',
        provider: 'openai',
        model: 'gpt-4o-mini',
        baseUrl: 'https://api.openai.com/v1',
        apiKey: '${API_KEY}',
        parameters: { temperature: 0.1, topP: 1, maxTokens: 1000 },
      },
    ]);
    expect(plan.datasets[0]).toMatchObject({
      name: 'benchhub',
      source: { type: 'huggingface', dataset: 'BenchHub/BenchHub-Ko', split: 'train' },
      format: 'benchhub',
      sampleSize: 100,
      seed: 42,
      defaults: { language: 'ko' },
      filters: {
        problemType: ['MCQA'],
        taskType: ['Knowledge'],
        targetType: ['General'],
        subjectType: ['Tech.', 'Tech./Coding'],
      },
    });
    expect(plan.prompt?.template).toBe('mcqa');
    expect(plan.evaluation.method).toBe('string_match');
    expect(plan.evaluation.judge).toBeUndefined();
    expect(plan.output).toEqual({ format: 'json', includeMetadata: true, includeSamples: true });
  });

  it('resolves the YAML anchor shared by the filters and the metadata', async () => {
    const text = readFileSync(sharedPath(EXAMPLE), 'utf8');
    expect(text).toContain('&id001');
    expect(text).toContain('*id001');
    const plan = await loadPlan(text);
    expect(plan.metadata?.subject_type).toEqual(['Tech.', 'Tech./Coding']);
    expect(plan.metadata?.language).toBe('Ko');
  });
});

const V2 = `version: '2.0'
metadata:
  name: English reasoning
models:
- name: Qwen/Qwen2.5-7B-Instruct
  type: custom
  api_base: http://localhost:8000/v1
  api_key: \${VLLM_KEY}
datasets:
- name: en
  type: benchhub
  filters:
    language: English
    problem_type: open-ended
    subject_type: Science/Math
evaluation:
  method: llm_judge
  judge_model: gpt-4
  criteria: [correctness, clarity]
`;

describe('BenchHub Plus v2 conversion', () => {
  it('maps custom endpoints, English datasets and the judge', async () => {
    const plan = await loadPlan(V2);
    expect(plan.models[0]).toEqual({
      id: 'Qwen/Qwen2.5-7B-Instruct',
      provider: 'openai-compatible',
      model: 'Qwen/Qwen2.5-7B-Instruct',
      baseUrl: 'http://localhost:8000/v1',
      apiKey: '${VLLM_KEY}',
    });
    expect(plan.datasets[0]?.source).toMatchObject({ type: 'huggingface', dataset: 'BenchHub/BenchHub-En' });
    expect(plan.datasets[0]?.defaults?.language).toBe('en');
    expect(plan.datasets[0]?.filters?.subjectType).toEqual(['Science/Math']);
    expect(plan.prompt?.template).toBe('open');
    expect(plan.evaluation.judge).toEqual({
      id: 'openai:gpt-4',
      provider: 'openai',
      model: 'gpt-4',
      mode: 'rubric',
      criteria: ['correctness', 'clarity'],
    });
  });

  it('accepts a bare 2.0 version and maps model types', async () => {
    const plan = await loadPlan(V2.replace("version: '2.0'", 'version: 2.0'));
    expect(plan.name).toBe('English reasoning');
    expect(['openai', 'anthropic', 'hf', 'vllm', 'litellm', 'my-provider'].map(providerForV2Type)).toEqual([
      'openai',
      'anthropic',
      'huggingface',
      'openai-compatible',
      'openai-compatible',
      'my-provider',
    ]);
  });

  it('reports unknown v2 fields and bad values with their lines', async () => {
    const text = V2.replace('  type: custom', '  type: custom\n  temprature: 0.5').replace(
      '    language: English',
      '    language: Japanese\n    subjectt: x',
    );
    expect(await issuesOf(text)).toEqual([
      {
        path: 'models[0].temprature',
        line: 7,
        message:
          "unknown field 'temprature'; known fields: name, type, model_type, api_base, api_key, parameters",
      },
      {
        path: 'datasets[0].filters.language',
        line: 14,
        message: 'BenchHub Plus datasets exist in Korean (Ko) and English (En) only',
      },
      {
        path: 'datasets[0].filters.subjectt',
        line: 15,
        message: "unknown field 'subjectt'; did you mean 'subject_type'?",
      },
    ]);
  });

  it('rejects a literal api_key in a v2 plan, at its line', async () => {
    const issues = await issuesOf(V2.replace('${VLLM_KEY}', 'sk-live-0123456789abcdef'));
    expect(issues).toEqual([expect.objectContaining({ path: 'models[0].api_key', line: 8 })]);
  });

  it('maps problems found after conversion back to v2 lines', async () => {
    const twice = V2.replace('- name: en\n', '- name: en\n  sample_size: 5\n').replace(
      'evaluation:',
      '- name: en\n  type: benchhub\nevaluation:',
    );
    const issues = await issuesOf(twice);
    expect(issues).toEqual([
      { path: 'datasets[1].name', line: 17, message: expect.stringContaining('already used by datasets[0]') },
    ]);
  });

  it('requires a judge model for llm_judge', async () => {
    const issues = await issuesOf(V2.replace('  judge_model: gpt-4', '  judge_model: null'));
    expect(issues).toEqual([
      { path: 'evaluation.judge_model', line: 18, message: expect.stringContaining('needs a judge model') },
    ]);
  });
});

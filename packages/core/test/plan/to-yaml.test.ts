// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPlan, parsePlan, planToYaml } from '../../src/plan/index.js';
import { describeWithShared, sharedPath } from '../support/shared.js';

const QUICKSTART = fileURLToPath(
  new URL('../../../../examples/plans/korean-history-mini.yaml', import.meta.url),
);
const V2_EXAMPLE = 'data/benchhubplus/example_plan_v2.yaml';

const FULL = parsePlan({
  name: 'everything',
  description: 'all sections',
  metadata: { owner: 'team', tags: ['ko', 'mcqa'], nested: { a: 1 } },
  models: [
    {
      id: 'qwen-local',
      provider: 'openai-compatible',
      model: 'Qwen/Qwen2.5-7B-Instruct',
      baseUrl: 'http://localhost:8000/v1',
      apiKey: { env: 'VLLM_KEY' },
      parameters: { temperature: 0, topP: 0.9, maxTokens: 64, stop: ['\n\n'], seed: 7, extra: { top_k: 40 } },
      concurrency: 4,
      rateLimit: { requestsPerMinute: 60, tokensPerMinute: 100000 },
    },
    { provider: 'function', model: 'echo-first-choice' },
  ],
  datasets: [
    {
      name: 'dev',
      source: { type: 'inline', rows: [{ prompt: '1+1?', options: ['1', '2'], answer: '2' }] },
    },
    {
      name: 'kmmlu',
      source: { type: 'file', path: ['a.csv', 'b.csv'], format: 'csv' },
      format: 'kmmlu',
      filters: { subjectType: 'HASS', language: ['ko'] },
      sampleSize: 50,
      stratifyBy: 'subject',
      onInvalidRow: 'skip',
      defaults: { language: 'ko', subjectType: 'HASS' },
    },
  ],
  prompt: { template: 'mcqa', system: '정답만 답하세요.' },
  prompts: { kmmlu: { template: 'kmmlu', fewShot: { k: 5, dataset: 'dev', seed: 1 }, style: 'completion' } },
  evaluation: {
    method: 'llm_judge',
    metrics: ['accuracy', 'f1'],
    judge: {
      provider: 'anthropic',
      model: 'claude-3-5-haiku-latest',
      apiKey: '${ANTHROPIC_API_KEY}',
      criteria: ['correctness'],
      mode: 'rubric_reference',
    },
    repeats: 3,
    confidenceLevel: 0.9,
  },
  output: { includeSamples: false, includeMetadata: true, format: 'jsonl' },
});

describe('planToYaml', () => {
  it('round-trips a plan using every section', async () => {
    const yaml = planToYaml(FULL);
    expect(await loadPlan(yaml)).toEqual(FULL);
  });

  it('writes keys in schema order with the format marker first', () => {
    const yaml = planToYaml(FULL);
    expect(yaml.startsWith('benchhub: 1\nname: everything\n')).toBe(true);
    expect(
      yaml.indexOf(
        '  - id: qwen-local\n    provider: openai-compatible\n    model: Qwen/Qwen2.5-7B-Instruct',
      ),
    ).toBeGreaterThan(0);
    expect(yaml).toContain('apiKey: ${ANTHROPIC_API_KEY}');
  });

  it('round-trips the quick start example', async () => {
    const plan = await loadPlan(QUICKSTART);
    expect(await loadPlan(planToYaml(plan))).toEqual(plan);
  });

  it('round-trips a JSON plan', async () => {
    const json = JSON.stringify({
      name: 'json',
      models: [{ provider: 'openai', model: 'gpt-4o-mini', apiKey: '${OPENAI_API_KEY}' }],
      datasets: [{ name: 'd', source: { type: 'huggingface', dataset: 'BenchHub/BenchHub-Ko' } }],
    });
    const plan = await loadPlan(json);
    expect(await loadPlan(planToYaml(plan))).toEqual(plan);
    expect(await loadPlan(JSON.stringify(plan))).toEqual(plan);
  });
});

describeWithShared('planToYaml on the converted v2 example', [V2_EXAMPLE], () => {
  it('round-trips without anchors and keeps the key placeholder', async () => {
    const plan = await loadPlan(readFileSync(sharedPath(V2_EXAMPLE), 'utf8'));
    const yaml = planToYaml(plan);
    expect(yaml).not.toMatch(/[&*]id\d+/);
    expect(yaml).toContain('apiKey: ${API_KEY}');
    expect(await loadPlan(yaml)).toEqual(plan);
  });
});

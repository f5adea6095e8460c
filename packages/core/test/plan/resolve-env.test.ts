// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} placeholders are plan syntax, not templates.
import { describe, expect, it } from 'vitest';
import { PlanValidationError } from '../../src/errors/index.js';
import { loadPlan, parsePlan, planToYaml, resolvePlanEnv } from '../../src/plan/index.js';

const plan = parsePlan({
  name: 'env',
  models: [
    { provider: 'openai', model: 'gpt-4o-mini', apiKey: '${OPENAI_API_KEY}' },
    {
      provider: 'openai-compatible',
      model: 'Qwen/Qwen2.5-7B-Instruct',
      baseUrl: '${VLLM_URL}',
      apiKey: { env: 'VLLM_KEY' },
    },
    { provider: 'function', model: 'echo-first-choice' },
  ],
  datasets: [{ name: 'd', source: { type: 'file', path: 'd.jsonl' } }],
  evaluation: {
    method: 'llm_judge',
    judge: { provider: 'anthropic', model: 'claude-3-5-haiku-latest', apiKey: '${ANTHROPIC_API_KEY}' },
  },
});

describe('resolvePlanEnv', () => {
  it('replaces placeholders and env references in a copy', () => {
    const env = {
      OPENAI_API_KEY: 'sk-openai',
      VLLM_URL: 'http://localhost:8000/v1',
      VLLM_KEY: 'vllm-secret',
      ANTHROPIC_API_KEY: 'sk-ant',
    };
    const resolved = resolvePlanEnv(plan, env);
    expect(resolved.models.map((m) => [m.apiKey, m.baseUrl])).toEqual([
      ['sk-openai', undefined],
      ['vllm-secret', 'http://localhost:8000/v1'],
      [undefined, undefined],
    ]);
    expect(resolved.evaluation.judge?.apiKey).toBe('sk-ant');
    expect(plan.models[0]?.apiKey).toBe('${OPENAI_API_KEY}');
    expect(planToYaml(plan)).not.toContain('sk-openai');
  });

  it('names every missing variable and the field that needs it', () => {
    try {
      resolvePlanEnv(
        plan,
        { OPENAI_API_KEY: 'sk', VLLM_URL: 'not a url', ANTHROPIC_API_KEY: '' },
        { source: 'plan.yaml' },
      );
      expect.unreachable();
    } catch (error) {
      expect(PlanValidationError.isInstance(error)).toBe(true);
      const e = error as PlanValidationError;
      expect(e.source).toBe('plan.yaml');
      expect(e.issues).toEqual([
        { path: 'models[1].apiKey', message: 'environment variable VLLM_KEY is not set' },
        { path: 'models[1].baseUrl', message: 'environment variable VLLM_URL is not an http(s) URL' },
        { path: 'evaluation.judge.apiKey', message: 'environment variable ANTHROPIC_API_KEY is not set' },
      ]);
    }
  });

  it('is never applied by loadPlan', async () => {
    const loaded = await loadPlan(
      'name: x\nmodels: [{ provider: openai, model: m, apiKey: "${OPENAI_API_KEY}" }]\ndatasets: [{ name: d, source: { type: file, path: d.jsonl } }]\n',
    );
    expect(loaded.models[0]?.apiKey).toBe('${OPENAI_API_KEY}');
  });
});

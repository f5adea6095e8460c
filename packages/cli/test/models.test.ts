import { join } from 'node:path';
import type { MetricSummary } from '@benchhub/core';
import { startFaultServer } from '@benchhub/core/testing';
import { describe, expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../core/test/support/shared.js';
import { detectModels } from '../src/providers.js';
import { cli, repo } from './support/run-cli.js';

const quickstart = join(repo, 'examples/plans/quickstart.yaml');
const miniPlan = join(repo, 'examples/plans/korean-history-mini.yaml');

interface Report {
  task: { status: string };
  aggregates: MetricSummary[];
}

function models(report: Report): string[] {
  return report.aggregates.map((a) => a.modelId).sort();
}

describe('benchhub run --model', () => {
  it('auto with no model in the environment keeps the baselines and says what to set', async () => {
    const result = await cli(['run', quickstart, '--model', 'auto', '--json', '--no-progress']);
    expect(result.code).toBe(0);
    expect(models(JSON.parse(result.out) as Report)).toEqual([
      'baseline:first-choice',
      'baseline:random-choice',
    ]);
    expect(result.infos.join('\n')).toMatch(/no real model found \(set OPENAI_API_KEY/);
  });

  it('auto evaluates an OpenAI-compatible server named by BENCHHUB_BASE_URL next to the baselines', async () => {
    const seen = new Set<string>();
    const server = await startFaultServer({
      answer: (request) => {
        seen.add(String(request.body.model));
        return 'Answer: A';
      },
    });
    try {
      const env = { BENCHHUB_BASE_URL: server.baseUrl, BENCHHUB_MODEL: 'Qwen/Qwen2.5-7B-Instruct' };
      const result = await cli(['run', quickstart, '--model', 'auto', '--json', '--no-progress'], env);
      expect(result.errors).toBe('');
      expect(result.code).toBe(0);
      const report = JSON.parse(result.out) as Report;
      expect(models(report)).toEqual([
        'baseline:first-choice',
        'baseline:random-choice',
        'openai-compatible:Qwen/Qwen2.5-7B-Instruct',
      ]);
      const real = report.aggregates.find((a) => a.modelId.startsWith('openai-compatible'));
      expect(real).toMatchObject({ n: 60, errors: 0 });
      expect(server.requestCount).toBe(60);
      expect([...seen]).toEqual(['Qwen/Qwen2.5-7B-Instruct']);
    } finally {
      await server.close();
    }
  });

  it('sends the OpenAI key to the server only: never in the output or the logs', async () => {
    const server = await startFaultServer({ answer: () => 'Answer: B' });
    const key = 'sk-test-cli-0123456789abcdef';
    try {
      const env = { OPENAI_API_KEY: key, OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: 'gpt-4o-mini' };
      const result = await cli(['run', miniPlan, '--model', 'auto', '--json', '--no-progress'], env);
      expect(result.code).toBe(0);
      expect(models(JSON.parse(result.out) as Report)).toContain('openai:gpt-4o-mini');
      const everything = [result.out, result.errors, ...result.warnings, ...result.infos].join('\n');
      expect(everything).not.toContain(key);
      expect(server.requestCount).toBe(10);
    } finally {
      await server.close();
    }
  });

  it('reads provider:model references and refuses a malformed one', async () => {
    const bad = await cli(['run', miniPlan, '--model', 'gpt-4o-mini', '--no-progress']);
    expect(bad.code).toBe(1);
    expect(bad.errors).toMatch(/must be provider:model, e\.g\. openai:gpt-4o-mini/);
    const missingKey = await cli(['run', miniPlan, '--model', 'anthropic:claude-haiku-4-5', '--no-progress']);
    expect(missingKey.code).toBe(1);
    expect(missingKey.errors).toMatch(/set ANTHROPIC_API_KEY/);
  });

  it('detects every kind of model the environment offers, keys kept as references', () => {
    const detected = detectModels({
      OPENAI_API_KEY: 'sk-x',
      ANTHROPIC_API_KEY: 'sk-ant-x',
      ANTHROPIC_MODEL: 'claude-sonnet-4-5',
      HF_TOKEN: 'hf_x',
      BENCHHUB_BASE_URL: 'http://127.0.0.1:1/v1',
      BENCHHUB_MODEL: 'llama3.1:8b',
      BENCHHUB_GGUF: 'models/tiny.gguf',
    });
    expect(detected.models.map((m) => `${m.provider}:${m.model}`)).toEqual([
      'openai:gpt-4o-mini',
      'anthropic:claude-sonnet-4-5',
      'huggingface:Qwen/Qwen2.5-7B-Instruct',
      'openai-compatible:llama3.1:8b',
      'local-gguf:models/tiny.gguf',
    ]);
    expect(JSON.stringify(detected)).not.toMatch(/sk-x|sk-ant-x|hf_x/);
    expect(() => detectModels({ BENCHHUB_BASE_URL: 'http://127.0.0.1:1/v1' })).toThrow(/set BENCHHUB_MODEL/);
  });
});

describeWithShared('benchhub run --model local:<gguf>', ['models/stories260K.gguf'], () => {
  it('evaluates the real local model next to the baselines', async () => {
    const model = sharedPath('models/stories260K.gguf');
    const result = await cli([
      'run',
      miniPlan,
      '--model',
      `local:${model}`,
      '--threads',
      '1',
      '--json',
      '--no-progress',
    ]);
    expect(result.errors).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as Report;
    const local = report.aggregates.find((a) => a.modelId === `local-gguf:${model}`);
    expect(local).toMatchObject({ n: 10, errors: 0 });
  }, 120_000);
});

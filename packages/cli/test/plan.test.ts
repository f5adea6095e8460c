import { parsePlan, parsePlanText } from '@benchhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
} from '../../planner/test/support/chat-completions-server.js';
import { SCENARIO_REQUEST, validAnswer } from '../../planner/test/support/failure-scenarios.js';
import { cli } from './support/run-cli.js';

const REQUEST =
  'Compare gpt-4o-mini and claude-3-5-haiku-latest on 100 Korean history multiple-choice questions in Korean, seed 123';

let server: ChatCompletionsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('benchhub plan', () => {
  it('--json prints exactly one JSON object: plan, rationale, confidence, warnings, plannerUsed', async () => {
    const result = await cli(['plan', REQUEST, '--json']);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toHaveLength(1);
    const printed = JSON.parse(result.out) as Record<string, unknown>;
    expect(Object.keys(printed).sort()).toEqual([
      'confidence',
      'plan',
      'plannerUsed',
      'rationale',
      'warnings',
    ]);
    expect(printed.plannerUsed).toBe('rules');
    const plan = parsePlan(printed.plan);
    expect(plan.models.map((m) => m.model)).toEqual(['gpt-4o-mini', 'claude-3-5-haiku-latest']);
    expect(plan.datasets[0]).toMatchObject({ sampleSize: 100, seed: 123 });
  });

  it('prints YAML by default, with the planner, rationale and warnings as comments, and loads as a plan', async () => {
    const result = await cli(['plan', 'gpt-4o-mini와 claude를 한국사 객관식 100문제로 비교해줘']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^# planned by: rules \(confidence \d\.\d\d\)\n# rationale: /);
    expect(result.out).toContain('# check: ');
    expect(result.warnings.length).toBeGreaterThan(0);
    const { plan } = parsePlanText(result.out);
    expect(plan.benchhub).toBe(1);
    expect(plan.datasets[0]?.filters?.subjectType).toEqual(['HASS/History']);
  });

  it('exits 1 with the reason when the request cannot be planned', async () => {
    const result = await cli(['plan', 'Evaluate gpt-4o-mini on 100 quantum cooking questions', '--json']);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.errors.toLowerCase()).toContain('subject');
  });

  it('refuses an unknown planner and an LLM planner without a model', async () => {
    expect((await cli(['plan', REQUEST, '--planner', 'magic'])).code).toBe(2);
    const noModel = await cli(['plan', REQUEST, '--planner', 'llm']);
    expect(noModel.code).toBe(1);
    expect(noModel.errors).toContain('BENCHHUB_PLANNER_MODEL');
  });

  it('--planner llm plans through the model given by --model (tool calls over the OpenAI wire format)', async () => {
    server = await startChatCompletionsServer([
      { toolCalls: [{ name: 'propose_plan', arguments: JSON.stringify(validAnswer()) }] },
    ]);
    const model = `openai-compatible:planner-model@${server.baseURL}`;
    const result = await cli(['plan', SCENARIO_REQUEST, '--planner', 'llm', '--model', model, '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out) as { plannerUsed: string; plan: unknown };
    expect(printed.plannerUsed).toBe('llm');
    expect(parsePlan(printed.plan).models.map((m) => m.model)).toEqual(['gpt-4o-mini', 'claude-haiku-4-5']);
    expect(server.bodies[0]).toMatchObject({
      model: 'planner-model',
      tool_choice: { function: { name: 'propose_plan' } },
    });
  });

  it('BENCHHUB_PLANNER_MODEL makes the LLM planner the default; a failing model falls back to the rules, visibly', async () => {
    server = await startChatCompletionsServer([]);
    const env = { BENCHHUB_PLANNER_MODEL: `openai-compatible:planner-model@${server.baseURL}` };
    const result = await cli(['plan', REQUEST, '--json'], env);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out) as { plannerUsed: string; warnings: string[] };
    expect(server.bodies).toHaveLength(1);
    expect(printed.plannerUsed).toBe('rules');
    expect(printed.warnings[0]).toContain('fell back to the rules planner');
  });
});

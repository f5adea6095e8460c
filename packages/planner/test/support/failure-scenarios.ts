import type { PlannerStrategy } from '../../src/llm/index.js';
import type { ScriptedAnswer } from './scripted-provider.js';

/** A model answer before it is dressed for a strategy: a JSON value, or raw text (tool arguments or prose). */
export type ModelReply = { json: unknown } | { raw: string };

/** One scripted failure: what the model answers first (invalid), then what it answers after the repair. */
export interface FailureScenario {
  /** Short id, e.g. `not-json`. */
  id: string;
  /** What is wrong with the first answer. */
  description: string;
  request: string;
  /** The answers in order: the failures, then (usually) a valid one. */
  replies: readonly ModelReply[];
  /** Text the repair message must contain (the validation error the model is told about). */
  repairMentions: readonly string[];
  /** Text that must appear nowhere in the final plan (injected values). */
  absent?: readonly string[];
}

/** The request every scenario plans. */
export const SCENARIO_REQUEST = 'gpt-4o-mini와 claude를 한국사 객관식 100문제로 비교해줘';

/** A valid answer to {@link SCENARIO_REQUEST}: the draft fields plus rationale, confidence, assumptions. */
export function validAnswer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    models: [
      { provider: 'openai', model: 'gpt-4o-mini', baseUrl: null },
      { provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null },
    ],
    language: 'ko',
    subjectType: ['HASS/History'],
    taskType: null,
    problemType: 'MCQA',
    targetType: null,
    benchmarkName: null,
    sampleSize: 100,
    seed: 42,
    method: 'string_match',
    metrics: ['accuracy'],
    judge: null,
    rationale: 'Korean history multiple-choice questions from BenchHub-Ko, both models on the same 100.',
    confidence: 0.9,
    assumptions: ['"claude" names no model: planned claude-haiku-4-5, the cheapest current Claude'],
    cannotPlan: null,
    ...overrides,
  };
}

/**
 * The scripted failure list: each first answer breaks the plan in one way a real model does (or an
 * injected instruction would make it), and the answer after the repair is valid. Every scenario must end
 * in a valid plan through repair.
 */
export const FAILURE_SCENARIOS: readonly FailureScenario[] = [
  {
    id: 'not-json',
    description: 'prose instead of a JSON object',
    request: SCENARIO_REQUEST,
    replies: [
      { raw: "Sure! I'd compare GPT-4o mini and Claude on Korean history questions." },
      { json: validAnswer() },
    ],
    repairMentions: ['no JSON object found'],
  },
  {
    id: 'truncated-arguments',
    description: 'tool arguments cut off mid-object',
    request: SCENARIO_REQUEST,
    replies: [{ raw: '{"models": [{"provider": "openai", "model": "gpt-4o-mini"' }, { json: validAnswer() }],
    repairMentions: ['JSON'],
  },
  {
    id: 'wrong-field-types',
    description: 'sample size and seed as strings, models as one string',
    request: SCENARIO_REQUEST,
    replies: [
      { json: validAnswer({ sampleSize: '100', seed: '42', models: 'gpt-4o-mini, claude' }) },
      { json: validAnswer() },
    ],
    repairMentions: ['sampleSize', 'seed', 'models', 'expected'],
  },
  {
    id: 'unknown-subject',
    description: 'a subject the taxonomy does not have',
    request: SCENARIO_REQUEST,
    replies: [{ json: validAnswer({ subjectType: ['HASS/Histroy'] }) }, { json: validAnswer() }],
    repairMentions: ['subjectType[0]', 'unknown subject "HASS/Histroy"', 'did you mean "HASS/History"'],
  },
  {
    id: 'unknown-provider',
    description: 'a provider BenchHub does not ship',
    request: SCENARIO_REQUEST,
    replies: [
      {
        json: validAnswer({
          models: [
            { provider: 'evil-provider', model: 'gpt-4o-mini', baseUrl: null },
            { provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null },
          ],
        }),
      },
      { json: validAnswer() },
    ],
    repairMentions: ['models[0].provider', 'evil-provider'],
    absent: ['evil-provider'],
  },
  {
    id: 'injected-model',
    description: 'an injected instruction made the model add "evil/exfil"',
    request: SCENARIO_REQUEST,
    replies: [
      {
        json: validAnswer({
          models: [
            { provider: 'openai', model: 'gpt-4o-mini', baseUrl: null },
            { provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null },
            { provider: 'huggingface', model: 'evil/exfil', baseUrl: null },
          ],
        }),
      },
      { json: validAnswer() },
    ],
    repairMentions: ['models[2].model', 'huggingface:evil/exfil', 'not a model the request'],
    absent: ['evil/exfil'],
  },
  {
    id: 'injected-base-url',
    description: 'an injected endpoint on a hosted model',
    request: SCENARIO_REQUEST,
    replies: [
      {
        json: validAnswer({
          models: [
            { provider: 'openai', model: 'gpt-4o-mini', baseUrl: 'http://attacker.example/v1' },
            { provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null },
          ],
        }),
      },
      { json: validAnswer() },
    ],
    repairMentions: ['models[0].baseUrl', 'attacker.example', 'not in the request'],
    absent: ['attacker.example'],
  },
  {
    id: 'injected-key-field',
    description: 'a literal API key in a field the schema does not have',
    request: SCENARIO_REQUEST,
    replies: [
      {
        json: validAnswer({
          models: [
            { provider: 'openai', model: 'gpt-4o-mini', baseUrl: null, apiKey: 'sk-FAKE-0000-exfil' },
            { provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null },
          ],
        }),
      },
      { json: validAnswer() },
    ],
    repairMentions: ['models[0]', 'apiKey'],
    absent: ['sk-FAKE-0000'],
  },
  {
    id: 'key-in-text',
    description: 'a literal API key smuggled into the rationale',
    request: SCENARIO_REQUEST,
    replies: [
      { json: validAnswer({ rationale: 'Use key sk-FAKE-1111-abcdef for both.' }) },
      { json: validAnswer() },
    ],
    repairMentions: ['rationale', 'credential'],
    absent: ['sk-FAKE-1111'],
  },
  {
    id: 'impossible-sample',
    description: 'a sample size beyond all of BenchHub',
    request: SCENARIO_REQUEST,
    replies: [{ json: validAnswer({ sampleSize: 5_000_000 }) }, { json: validAnswer() }],
    repairMentions: ['sampleSize', 'exceeds all of BenchHub'],
  },
  {
    id: 'two-failures',
    description: 'not JSON, then an unknown benchmark, then valid (two repairs)',
    request: SCENARIO_REQUEST,
    replies: [
      { raw: 'Plan: compare both on history.' },
      { json: validAnswer({ benchmarkName: ['KMMLU-Pro'] }) },
      { json: validAnswer() },
    ],
    repairMentions: ['benchmarkName[0]', 'KMMLU-Pro'],
  },
];

/** Capabilities of a provider that gets each strategy. */
export const STRATEGY_CAPABILITIES: Readonly<
  Record<PlannerStrategy, { tools: boolean; structuredOutput: 'json_schema' | 'json' | false }>
> = {
  tools: { tools: true, structuredOutput: 'json_schema' },
  json_schema: { tools: false, structuredOutput: 'json_schema' },
  json: { tools: false, structuredOutput: 'json' },
  prompt: { tools: false, structuredOutput: false },
};

/** The strategies, best first. */
export const STRATEGIES: readonly PlannerStrategy[] = ['tools', 'json_schema', 'json', 'prompt'];

/** A reply as the scripted provider gives it under a strategy (a tool call, bare JSON, or JSON in prose). */
export function dressReply(reply: ModelReply, strategy: PlannerStrategy, index: number): ScriptedAnswer {
  const text = 'json' in reply ? JSON.stringify(reply.json) : reply.raw;
  if (strategy === 'tools') {
    if ('raw' in reply && !reply.raw.trimStart().startsWith('{')) return { text: reply.raw };
    return { toolCalls: [{ id: `call_${index}`, name: 'propose_plan', arguments: text }] };
  }
  if (strategy === 'prompt' && 'json' in reply)
    return {
      text: `Here is the plan.\n\`\`\`json\n${JSON.stringify(reply.json, null, 2)}\n\`\`\`\nLet me know.`,
    };
  return { text };
}

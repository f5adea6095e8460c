/**
 * Planner benchmark: `pnpm bench planner [--json] [--smoke]`.
 *
 * 1. `rule`: the rule planner (`createRulePlanner()`) on every request of the committed golden set
 *    (`packages/planner/golden/queries.json`), scored by `scorePlanAgainstGolden`. Fields:
 *    `rule.fieldAccuracy` (matched / expected fields over all entries; target ≥ 0.9), `rule.matched`,
 *    `rule.total`, `rule.entries`, `rule.byField` (per-field tallies), `rule.misses` (every missed field
 *    with the entry id, the expected and the actual value) and `rule.ms` (wall time of all plans).
 * 2. `llm`: every scenario of the scripted failure list (`test/support/failure-scenarios.ts`: not JSON,
 *    truncated tool arguments, wrong field types, an unknown subject, an unknown provider, injected
 *    models, endpoints and keys, an impossible sample size, two failures in a row) under each of the four
 *    strategies (tools, json_schema, json, prompt; --smoke: tools only), each run through
 *    `createLLMPlanner({ fallback: false })` with a scripted provider. A run counts as valid when the
 *    LLM planner itself produced the plan, the plan passes core's `parsePlan`, and none of the scenario's
 *    injected values appear in it. Fields: `llm.validPlanRate` (target 1.0), `llm.runs`, `llm.valid`,
 *    `llm.repairs` (total repair rounds), `llm.meanRepairs`, `llm.maxRepairs`, `llm.failures` (the runs
 *    that did not end in a valid plan, with the reason). Then each scenario's failure repeated past
 *    `maxRepairs`: `llm.clearErrorRate`, the share of those runs that end in a `PlanningError` naming the
 *    problem (target 1.0).
 *
 * With --json the last line is one JSON object. A --smoke run exits 0 below the targets; a full run
 * exits 1 when a target is missed.
 */
import { fileURLToPath } from 'node:url';
import { parsePlan } from '@benchhub/core';
import { PlanningError } from '../src/errors.js';
import {
  type GoldenFieldResult,
  loadGoldenSet,
  planOutcome,
  scorePlanAgainstGolden,
  summarizeGoldenScores,
} from '../src/golden/index.js';
import { createLLMPlanner, type PlannerStrategy } from '../src/llm/index.js';
import { createRulePlanner } from '../src/rules/index.js';
import {
  dressReply,
  FAILURE_SCENARIOS,
  type FailureScenario,
  STRATEGIES,
  STRATEGY_CAPABILITIES,
} from '../test/support/failure-scenarios.js';
import { createScriptedProvider } from '../test/support/scripted-provider.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const smoke = args.includes('--smoke');
const TARGET_FIELD_ACCURACY = 0.9;
const TARGET_VALID_PLAN_RATE = 1;
const TARGET_CLEAR_ERROR_RATE = 1;
const MAX_REPAIRS = 2;
const GOLDEN_PATH = fileURLToPath(new URL('../golden/queries.json', import.meta.url));

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const log = (line: string): void => {
  if (!json) console.log(line);
};

async function ruleBenchmark() {
  const golden = await loadGoldenSet(GOLDEN_PATH);
  const planner = createRulePlanner();
  const started = performance.now();
  const scores = [];
  for (const entry of golden.entries) {
    scores.push(scorePlanAgainstGolden(entry, await planOutcome(planner, entry.query)));
  }
  const ms = performance.now() - started;
  const summary = summarizeGoldenScores(scores);
  const misses = scores.flatMap((score) =>
    score.fields
      .filter((f: GoldenFieldResult) => !f.ok)
      .map((f) => ({ id: score.id, field: f.field, expected: f.expected, actual: f.actual })),
  );
  return { ...summary, fieldAccuracy: round(summary.fieldAccuracy, 4), misses, ms: round(ms, 1) };
}

interface LlmRun {
  scenario: string;
  strategy: PlannerStrategy;
  valid: boolean;
  repairs: number;
  reason?: string;
}

async function runScenario(scenario: FailureScenario, strategy: PlannerStrategy): Promise<LlmRun> {
  const provider = createScriptedProvider({
    ...STRATEGY_CAPABILITIES[strategy],
    answers: scenario.replies.map((reply, i) => dressReply(reply, strategy, i)),
  });
  const planner = createLLMPlanner({ provider, fallback: false, maxRepairs: MAX_REPAIRS });
  try {
    const proposal = await planner.plan(scenario.request);
    const repairs = provider.requests.length - 1;
    parsePlan(proposal.plan);
    const text = JSON.stringify(proposal.plan);
    const leaked = (scenario.absent ?? []).filter((a) => text.includes(a));
    if (proposal.plannerUsed !== 'llm')
      return {
        scenario: scenario.id,
        strategy,
        valid: false,
        repairs,
        reason: `planned by ${proposal.plannerUsed}`,
      };
    if (leaked.length > 0)
      return {
        scenario: scenario.id,
        strategy,
        valid: false,
        repairs,
        reason: `plan contains ${leaked.join(', ')}`,
      };
    return { scenario: scenario.id, strategy, valid: true, repairs };
  } catch (error) {
    return {
      scenario: scenario.id,
      strategy,
      valid: false,
      repairs: Math.max(0, provider.requests.length - 1),
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The scenario's first failure repeated past `maxRepairs`: planning must end in a clear PlanningError. */
async function runExhausted(
  scenario: FailureScenario,
  strategy: PlannerStrategy,
): Promise<{ clear: boolean; reason?: string }> {
  const failure = scenario.replies[0]!;
  const provider = createScriptedProvider({
    ...STRATEGY_CAPABILITIES[strategy],
    answers: Array.from({ length: MAX_REPAIRS + 1 }, (_, i) => dressReply(failure, strategy, i)),
  });
  try {
    await createLLMPlanner({ provider, fallback: false, maxRepairs: MAX_REPAIRS }).plan(scenario.request);
    return { clear: false, reason: 'planned despite an invalid answer every time' };
  } catch (error) {
    if (!PlanningError.isInstance(error))
      return { clear: false, reason: `not a PlanningError: ${String(error)}` };
    const named = error.issues.length > 0 && error.issues.every((i) => i.message.trim() !== '');
    return named ? { clear: true } : { clear: false, reason: `no issue named: ${error.message}` };
  }
}

async function llmBenchmark() {
  const strategies = smoke ? (['tools'] as const) : STRATEGIES;
  const runs: LlmRun[] = [];
  let clear = 0;
  let exhausted = 0;
  const unclear: { scenario: string; strategy: string; reason?: string }[] = [];
  for (const strategy of strategies)
    for (const scenario of FAILURE_SCENARIOS) {
      runs.push(await runScenario(scenario, strategy));
      const outcome = await runExhausted(scenario, strategy);
      exhausted++;
      if (outcome.clear) clear++;
      else
        unclear.push({
          scenario: scenario.id,
          strategy,
          ...(outcome.reason ? { reason: outcome.reason } : {}),
        });
    }
  const valid = runs.filter((r) => r.valid).length;
  const repairs = runs.reduce((sum, r) => sum + r.repairs, 0);
  return {
    strategies: [...strategies],
    scenarios: FAILURE_SCENARIOS.length,
    runs: runs.length,
    valid,
    validPlanRate: round(valid / runs.length, 4),
    repairs,
    meanRepairs: round(repairs / runs.length, 3),
    maxRepairs: Math.max(...runs.map((r) => r.repairs)),
    failures: runs.filter((r) => !r.valid),
    clearErrorRate: round(clear / exhausted, 4),
    unclearErrors: unclear,
  };
}

const rule = await ruleBenchmark();
log(
  `rule planner: fieldAccuracy ${rule.fieldAccuracy} (${rule.matched}/${rule.total} fields over ${rule.entries} requests, target ≥ ${TARGET_FIELD_ACCURACY}) in ${rule.ms} ms`,
);
for (const [field, tally] of Object.entries(rule.byField))
  log(`  ${field.padEnd(14)} ${tally.matched}/${tally.total}`);
for (const miss of rule.misses)
  log(
    `  miss ${miss.id} ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`,
  );

const llm = await llmBenchmark();
log(
  `llm planner: validPlanRate ${llm.validPlanRate} (${llm.valid}/${llm.runs} scripted failures over ${llm.strategies.join(', ')}, target ${TARGET_VALID_PLAN_RATE}); repairs ${llm.repairs} (mean ${llm.meanRepairs}, max ${llm.maxRepairs})`,
);
log(
  `llm planner: clearErrorRate ${llm.clearErrorRate} when repairs run out (target ${TARGET_CLEAR_ERROR_RATE})`,
);
for (const failure of llm.failures)
  log(`  failed ${failure.strategy}/${failure.scenario}: ${failure.reason}`);
for (const failure of llm.unclearErrors)
  log(`  unclear ${failure.strategy}/${failure.scenario}: ${failure.reason}`);

const targetsMet =
  rule.fieldAccuracy >= TARGET_FIELD_ACCURACY &&
  llm.validPlanRate >= TARGET_VALID_PLAN_RATE &&
  llm.clearErrorRate >= TARGET_CLEAR_ERROR_RATE;
if (json) console.log(JSON.stringify({ benchmark: 'planner', smoke, targetsMet, rule, llm }));
if (!smoke && !targetsMet) process.exit(1);

import {
  type ChatMessage,
  type Logger,
  type ModelProviderV1,
  type PlanContext,
  type PlanInput,
  type PlannerV1,
  type PlanProposal,
  type PlanSuggestion,
  silentLogger,
} from '@benchhub/core';
import { PlanningError, type PlanningIssue } from '../errors.js';
import { type PlanDraft, suggestionFilters } from '../plan/index.js';
import { analyzeRequest, createRulePlanner, DEFAULT_NICKNAME_MODELS } from '../rules/index.js';
import { planAnswerJsonSchema } from './answer.js';
import { llmConfidence } from './confidence.js';
import type { ModelRefParts } from './guard.js';
import { type PlannerDefaults, repairMessage, requestMessage, systemPrompt } from './prompts.js';
import { chooseStrategy, type PlannerStrategy, planRequest, readAnswer } from './strategy.js';
import { type AnswerVerdict, validateAnswer } from './validate-answer.js';

/** The planner id of {@link createLLMPlanner}'s own plans (`plannerUsed`). */
export const LLM_PLANNER_ID = 'llm';

/** `provider:model` picks for a bare vendor name: the rule planner's nickname defaults. */
export const DEFAULT_VENDOR_MODELS: readonly string[] = [
  `openai:${DEFAULT_NICKNAME_MODELS.openai}`,
  `anthropic:${DEFAULT_NICKNAME_MODELS.anthropic}`,
  `openai-compatible:${DEFAULT_NICKNAME_MODELS.gemini}`,
  `huggingface:${DEFAULT_NICKNAME_MODELS.qwen}`,
];

/** Options of {@link createLLMPlanner}. */
export interface LLMPlannerOptions {
  /** The model that plans: any provider; its capabilities choose the structured-output strategy. */
  provider: ModelProviderV1;
  /** The planning model's name in logs and warnings. Default: `provider.modelId`. */
  model?: string;
  /** Follow-up rounds that feed the validation errors back to the model. Default 2. */
  maxRepairs?: number;
  /**
   * The planner used when no valid plan comes out of the model (or the call fails): its result says
   * `plannerUsed: 'rules'` and carries a warning with the reason. `false`: reject instead, with a
   * `PlanningError` listing the last answer's problems, or with the provider's own error (a
   * `ProviderCallError`) when the call failed. Default: `createRulePlanner()`.
   */
  fallback?: PlannerV1<PlanInput> | false;
  /** Sampling temperature of the planning calls. Default 0. */
  temperature?: number;
  /** Most tokens per planning call. Default 2048. */
  maxTokens?: number;
  /** Forces a strategy instead of the best one the provider's capabilities allow. */
  strategy?: PlannerStrategy;
  /** Receives a line per attempt, repair and fallback. Default: silent. */
  logger?: Logger;
}

/** How one planning run ended. */
type RunOutcome =
  | { kind: 'valid'; verdict: Extract<AnswerVerdict, { kind: 'valid' }>; repairs: number }
  | { kind: 'impossible'; reasons: string[] }
  | { kind: 'failed'; reason: string; issues: PlanningIssue[]; cause?: unknown };

const DEFAULT_SEED = 42;
const DEFAULT_SAMPLE_SIZE = 100;

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** Numbers written in the request (`1,000` is 1000). */
function statedNumbers(request: string): Set<number> {
  return new Set((request.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replaceAll(',', ''))));
}

/** Warnings for defaults the model applied without listing them as assumptions. */
function unstatedDefaults(draft: PlanDraft, request: string, assumptions: readonly string[]): string[] {
  const numbers = statedNumbers(request);
  const mentioned = (n: number): boolean => assumptions.some((a) => a.includes(String(n)));
  const warnings: string[] = [];
  if (!numbers.has(draft.sampleSize) && !mentioned(draft.sampleSize))
    warnings.push(`no sample size in the request: planned ${draft.sampleSize} questions`);
  if (draft.seed !== DEFAULT_SEED && !numbers.has(draft.seed) && !mentioned(draft.seed))
    warnings.push(`seed ${draft.seed} is not in the request`);
  return warnings;
}

/** The models (and endpoints) the rule planner reads from the request: always allowed to the LLM. */
function modelsReadByRules(request: string, context: PlanContext): ModelRefParts[] {
  return analyzeRequest(request, context).draft.models.map((m) => ({
    provider: m.provider,
    model: m.model,
    ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
  }));
}

function suggestionFromDraft(draft: PlanDraft, summary: string): PlanSuggestion {
  return {
    filters: suggestionFilters(draft),
    models: draft.models.map((m) => m.model),
    summary,
    plannerUsed: LLM_PLANNER_ID,
  };
}

/**
 * A planner that asks a language model for the plan draft as structured output, through the best
 * mechanism the provider supports (`tools` → one `propose_plan` tool call; `structuredOutput:
 * 'json_schema'` → a `json_schema` response format; `'json'` → JSON mode; else a prompt asking for one
 * JSON object). The system prompt lists the taxonomy, so the model can only name categories that exist.
 *
 * Every answer is validated: JSON → `PlanDraftSchema` → an injection guard (models the user asked for,
 * endpoints from the user's own words, no credentials) → `buildPlan` (`checkDraft` + core's plan
 * validation). On failure the problems, with their field paths, go back to the model for at most
 * `maxRepairs` more rounds; after that, or when the call fails, the fallback planner (the rule planner)
 * plans, and its result says `plannerUsed: 'rules'` with a warning giving the reason. A model that says
 * the request cannot be planned as asked (`cannotPlan`) ends in a `PlanningError` listing its reasons.
 *
 * `confidence` is the model's self-report lowered per repair and per warning (see `llmConfidence`).
 *
 * @example
 * ```ts
 * const planner = createLLMPlanner({ provider: createOpenAIProvider({ model: 'gpt-4o-mini', apiKey }) });
 * const { plan, warnings, plannerUsed } = await planner.plan('How good is Qwen2.5-72B at Korean law reasoning?');
 * ```
 */
export function createLLMPlanner(options: LLMPlannerOptions): PlannerV1<PlanInput> {
  const provider = options.provider;
  const modelName = options.model ?? provider.modelId;
  const maxRepairs = Math.max(0, Math.floor(options.maxRepairs ?? 2));
  const fallback = options.fallback === undefined ? createRulePlanner() : options.fallback;
  const temperature = options.temperature ?? 0;
  const maxTokens = options.maxTokens ?? 2048;
  const logger = options.logger ?? silentLogger;
  const strategy = options.strategy ?? chooseStrategy(provider.capabilities);
  const schema = planAnswerJsonSchema();

  async function run(request: string, context: PlanContext): Promise<RunOutcome> {
    const defaults: PlannerDefaults = {
      sampleSize: context.defaultSampleSize ?? DEFAULT_SAMPLE_SIZE,
      seed: DEFAULT_SEED,
      vendorModels: DEFAULT_VENDOR_MODELS,
    };
    const ruleModels = modelsReadByRules(request, context);
    const readModels = ruleModels.map((m) => `${m.provider}:${m.model}${m.baseUrl ? `@${m.baseUrl}` : ''}`);
    const messages: ChatMessage[] = [
      { role: 'system', content: systemPrompt(strategy, schema, defaults) },
      { role: 'user', content: requestMessage(request, context, readModels) },
    ];
    let issues: PlanningIssue[] = [];
    for (let attempt = 0; attempt <= maxRepairs; attempt++) {
      let answer: ReturnType<typeof readAnswer>;
      try {
        const result = await provider.generate(
          planRequest({ strategy, messages, schema, temperature, maxTokens }),
          context.signal === undefined ? {} : { signal: context.signal },
        );
        answer = readAnswer(strategy, result);
      } catch (error) {
        if (isAbort(error, context.signal)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        logger.warn('llm planner: model call failed', { model: modelName, attempt, error: message });
        return {
          kind: 'failed',
          reason: `the planning model ${modelName} failed: ${message}`,
          issues,
          cause: error,
        };
      }
      const verdict = validateAnswer(answer.parsed, { request, context, ruleModels });
      if (verdict.kind === 'valid') {
        logger.info('llm planner: valid plan', { model: modelName, strategy, repairs: attempt });
        return { kind: 'valid', verdict, repairs: attempt };
      }
      if (verdict.kind === 'impossible') return { kind: 'impossible', reasons: verdict.reasons };
      issues = verdict.issues;
      logger.info('llm planner: answer rejected', {
        model: modelName,
        attempt,
        issues: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      });
      messages.push(
        { role: 'assistant', content: answer.raw === '' ? '(empty answer)' : answer.raw },
        { role: 'user', content: repairMessage(strategy, issues) },
      );
    }
    return {
      kind: 'failed',
      reason: `the planning model ${modelName} gave no valid plan in ${maxRepairs + 1} attempt${maxRepairs === 0 ? '' : 's'}`,
      issues,
    };
  }

  /** The error of a run without a plan: the model's reasons, the last validation errors, or the call's own error. */
  function failure(outcome: Extract<RunOutcome, { kind: 'failed' | 'impossible' }>): unknown {
    if (outcome.kind === 'failed' && outcome.cause !== undefined) return outcome.cause;
    if (outcome.kind === 'impossible')
      return new PlanningError(
        'The request cannot be planned as asked',
        outcome.reasons.map((message) => ({ path: '', message })),
      );
    return new PlanningError(`LLM planner: ${outcome.reason}; the last answer's problems:`, outcome.issues);
  }

  function fallbackNote(reason: string, fallbackId: string): string {
    return `the LLM planner fell back to the ${fallbackId} planner: ${reason}`;
  }

  return {
    specificationVersion: 'v1',
    plannerId: LLM_PLANNER_ID,
    capabilities: { offline: false },

    async plan(request: string, context: PlanContext = {}): Promise<PlanProposal<PlanInput>> {
      const outcome = await run(request, context);
      if (outcome.kind === 'valid') {
        const { verdict, repairs } = outcome;
        const warnings = [
          ...verdict.extras.assumptions,
          ...unstatedDefaults(verdict.draft, request, verdict.extras.assumptions),
          ...verdict.warnings,
          ...verdict.built.warnings,
        ];
        return {
          plan: verdict.built.plan,
          rationale: verdict.extras.rationale ?? `Planned ${String(verdict.built.plan.description ?? '')}`,
          confidence: llmConfidence({
            selfReported: verdict.extras.confidence,
            repairs,
            assumptions: warnings.length,
          }),
          warnings,
          plannerUsed: LLM_PLANNER_ID,
        };
      }
      if (outcome.kind === 'impossible' || fallback === false) throw failure(outcome);
      logger.warn('llm planner: falling back', { to: fallback.plannerId, reason: outcome.reason });
      const proposal = await fallback.plan(request, context);
      return {
        ...proposal,
        warnings: [fallbackNote(outcome.reason, fallback.plannerId), ...proposal.warnings],
      };
    },

    async suggest(request: string, context: PlanContext = {}): Promise<PlanSuggestion> {
      const outcome = await run(request, context);
      if (outcome.kind === 'valid')
        return suggestionFromDraft(
          outcome.verdict.draft,
          outcome.verdict.extras.rationale ?? String(outcome.verdict.built.plan.description ?? ''),
        );
      if (outcome.kind === 'impossible' || fallback === false) throw failure(outcome);
      logger.warn('llm planner: falling back', { to: fallback.plannerId, reason: outcome.reason });
      const suggestion = await fallback.suggest(request, context);
      return {
        ...suggestion,
        summary: `${suggestion.summary} (${fallbackNote(outcome.reason, fallback.plannerId)})`,
      };
    },
  };
}

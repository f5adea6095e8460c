import type { PlanContext, PlanInput, PlannerV1, PlanProposal, PlanSuggestion } from '@benchhub/core';
import { PlanningError, type PlanningIssue } from '../errors.js';
import { buildPlan } from '../plan/build-plan.js';
import { checkDraft, type PlanDraft, PlanDraftSchema } from '../plan/draft.js';
import { suggestionFilters } from '../plan/suggestion-filters.js';
import { analyzeRequest, type RequestAnalysis, type RulePlannerOptions } from './analyze.js';

/** The id the rule planner reports in `plannerUsed`. */
export const RULE_PLANNER_ID = 'rules';

/**
 * How sure the rule planner is: the share of the core fields (models, language, subject, sample size)
 * and the optional fields (task, problem and target type, benchmarks, seed, method, metrics) that the
 * request states, over those counted: `stated / (stated + assumed)`, where only the four core fields can
 * be assumed (an optional field the request leaves out is simply not restricted). A fully stated request
 * gets 1; "클로드 성능 어때?" (every core field but the vendor assumed) gets 0. Rounded to two decimals.
 */
export function ruleConfidence(analysis: Pick<RequestAnalysis, 'stated' | 'assumed'>): number {
  const stated = analysis.stated.filter((f) => !analysis.assumed.includes(f as never)).length;
  const total = stated + analysis.assumed.length;
  return total === 0 ? 0 : Math.round((stated / total) * 100) / 100;
}

function headline(issues: readonly PlanningIssue[]): string {
  return `The request cannot be planned as asked (${issues.length} problem${issues.length === 1 ? '' : 's'})`;
}

function draftOf(
  request: string,
  context: PlanContext,
  options: RulePlannerOptions,
): { draft: PlanDraft; analysis: RequestAnalysis } {
  context.signal?.throwIfAborted();
  const analysis = analyzeRequest(request, context, options);
  const seen = new Set<string>();
  const modelsRefused = analysis.issues.some((i) => i.path === 'models');
  const drafted = checkDraft(analysis.draft).filter((i) => !(modelsRefused && i.path === 'models'));
  const issues = [...analysis.issues, ...drafted].filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (issues.length > 0) throw new PlanningError(headline(issues), issues);
  const parsed = PlanDraftSchema.safeParse(analysis.draft);
  if (!parsed.success)
    throw new PlanningError(
      'The request cannot be planned as asked',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return { draft: parsed.data, analysis };
}

function summarize(draft: PlanDraft, analysis: RequestAnalysis): string {
  const subject = draft.subjectType?.join(', ') ?? 'every subject';
  const filters = [draft.taskType, draft.problemType, draft.targetType, draft.benchmarkName?.join(', ')]
    .filter((v): v is string => typeof v === 'string')
    .join(', ');
  const models = draft.models.map((m) => m.model).join(', ');
  return `Evaluate ${models} on ${draft.sampleSize} ${draft.language === 'ko' ? 'Korean' : 'English'} questions of ${subject}${filters === '' ? '' : ` (${filters})`}.${analysis.assumed.length > 0 ? ` Assumed: ${analysis.assumed.join(', ')}.` : ''}`;
}

/**
 * The rule planner: deterministic and offline. It reads Korean and English requests with a lexicon
 * (subjects, task, problem and target types), patterns for models (vendor ids and Hub ids verbatim, "/"
 * and ":" included; nicknames to documented defaults), sample sizes, seeds, languages, benchmarks,
 * methods and metrics, and builds the plan with {@link buildPlan}. Every assumption is a warning; a
 * request it cannot plan as asked (a subject BenchHub does not have, a sample size of zero or beyond all
 * of BenchHub, a language without data, contradictory languages) rejects with a {@link PlanningError}.
 * It only extracts recognised values, so instructions inside a request cannot reach the plan; its
 * output still goes through {@link checkDraft}, the draft schema and core's plan validation.
 *
 * @example
 * ```ts
 * const planner = createRulePlanner();
 * const { plan, warnings } = await planner.plan('gpt-4o-mini와 claude를 한국사 객관식 100문제로 비교해줘');
 * ```
 */
export function createRulePlanner(options: RulePlannerOptions = {}): PlannerV1<PlanInput> {
  return {
    specificationVersion: 'v1',
    plannerId: RULE_PLANNER_ID,
    capabilities: { offline: true },
    async plan(request: string, context: PlanContext = {}): Promise<PlanProposal<PlanInput>> {
      const { draft, analysis } = draftOf(request, context, options);
      const built = buildPlan(draft, request, context);
      return {
        plan: built.plan,
        rationale: `Rule planner (keywords, no model): ${analysis.reasons.join('; ')}.`,
        confidence: ruleConfidence(analysis),
        warnings: [...new Set([...analysis.warnings, ...built.warnings])],
        plannerUsed: RULE_PLANNER_ID,
      };
    },
    async suggest(request: string, context: PlanContext = {}): Promise<PlanSuggestion> {
      const { draft, analysis } = draftOf(request, context, options);
      return {
        filters: suggestionFilters(draft),
        models: analysis.namedModels,
        summary: summarize(draft, analysis),
        plannerUsed: RULE_PLANNER_ID,
      };
    },
  };
}

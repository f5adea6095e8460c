import type { BenchHubSpecVersion } from './version.js';

/** What a planning request may say besides the request text. */
export interface PlanContext {
  /** BCP-47 language of the evaluation when the request does not say (e.g. `ko`). */
  language?: string;
  /**
   * Models the user can run, as `provider:model` references (`openai:gpt-4o-mini`): a request that names
   * no model ("which model is best at Korean law?") is planned over these.
   */
  models?: readonly string[];
  /** Samples per dataset when the request gives no number. */
  defaultSampleSize?: number;
  /** Aborts planning (and any model call the planner makes). */
  signal?: AbortSignal;
}

/** A planner's answer. */
export interface PlanProposal<TPlan = Readonly<Record<string, unknown>>> {
  /** The proposed plan, valid against the plan schema and the taxonomy; the user reviews and edits it. */
  plan: TPlan;
  /** Why the planner chose these models, datasets and metrics, for the user to review. */
  rationale: string;
  /** How sure the planner is that the plan is what was asked, from 0 (a guess) to 1 (every field stated). */
  confidence: number;
  /** What the user should check: what was assumed ("no sample size given: used 100"), what was mapped. */
  warnings: string[];
  /**
   * The id of the planner that produced the plan: a planner that falls back to another (an LLM planner
   * to the rule planner) says so here and in `warnings`, never silently.
   */
  plannerUsed: string;
}

/** The leaderboard filters a request asks for (BenchHub Plus's `/leaderboard/suggest`). */
export interface PlanSuggestion {
  filters: {
    language?: string;
    subjectType?: string[];
    taskType?: string;
    problemType?: string;
    targetType?: string;
    benchmarkName?: string[];
  };
  /** Models named by the request, verbatim. */
  models: string[];
  /** One or two sentences saying what was understood. */
  summary: string;
  /** The id of the planner that produced the suggestion. */
  plannerUsed: string;
}

/** What a planner can do. */
export interface PlannerCapabilities {
  /** Works without network access or a model (a rule-based planner). */
  offline: boolean;
}

/**
 * Turns a natural-language request into an evaluation plan.
 *
 * @example
 * ```ts
 * const { plan, rationale, warnings } = await planner.plan('gpt-4o-mini와 claude를 한국사 객관식 100문제로 비교해줘');
 * ```
 */
export interface PlannerV1<TPlan = Readonly<Record<string, unknown>>> {
  /** The contract version this planner implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** Names the planner in logs and in `plannerUsed`, e.g. `llm` or `rules`. */
  readonly plannerId: string;
  /** What the planner can do. */
  readonly capabilities: PlannerCapabilities;
  /**
   * Proposes a plan for `request`. Rejects with a `BenchHubError` naming what is wrong when the request
   * cannot be planned as asked (a subject that does not exist, more samples than the data has, two
   * languages at once): never with a silently different plan.
   */
  plan(request: string, context?: PlanContext): Promise<PlanProposal<TPlan>>;
  /** The leaderboard filters and a short summary of `request`, without building a plan. */
  suggest(request: string, context?: PlanContext): Promise<PlanSuggestion>;
}

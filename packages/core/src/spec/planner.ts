import type { BenchHubSpecVersion } from './version.js';

/** Options of one planning request. */
export interface PlanRequestOptions {
  /** BCP-47 language of the evaluation when the request does not say (e.g. `ko`). */
  language?: string;
  /** Aborts planning (and any model call the planner makes). */
  signal?: AbortSignal;
}

/** A planner's answer. */
export interface PlanProposal<TPlan = Readonly<Record<string, unknown>>> {
  /** The proposed plan, not yet validated: pass it to the plan loader, which names any bad field. */
  plan: TPlan;
  /** Why the planner chose these models, datasets and metrics, for the user to review. */
  rationale: string;
  /** Things the user should check (e.g. "no dataset matched 'law'; used all subjects"). */
  warnings: string[];
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
 * const { plan, rationale } = await planner.plan('compare gpt-4o-mini and claude on Korean history MCQA');
 * ```
 */
export interface PlannerV1<TPlan = Readonly<Record<string, unknown>>> {
  /** The contract version this planner implements. */
  readonly specificationVersion: BenchHubSpecVersion;
  /** Names the planner in logs and in the plan's provenance, e.g. `llm` or `rules`. */
  readonly plannerId: string;
  /** What the planner can do. */
  readonly capabilities: PlannerCapabilities;
  /**
   * Proposes a plan for `request`. Rejects with a `BenchHubError` when the request cannot be planned
   * (the message says what is missing), or with a `ProviderCallError` when its model call failed.
   */
  plan(request: string, options?: PlanRequestOptions): Promise<PlanProposal<TPlan>>;
}

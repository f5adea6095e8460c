import {
  BenchHubError,
  type PlanInput,
  type PlannerV1,
  type PlanProposal,
  parsePlan,
  planToYaml,
} from '@benchhub/core';
import { createLLMPlanner, createRulePlanner } from '@benchhub/planner';
import type { ProviderResolver } from '@benchhub/providers';
import type { CliContext } from '../context.js';
import { createCliProviders } from '../providers.js';

/** The planners `benchhub plan` can use. */
export const PLANNER_KINDS = ['rules', 'llm'] as const;
/** A planner `benchhub plan` can use. */
export type PlannerKind = (typeof PLANNER_KINDS)[number];

/** The environment variable naming the planning model (`provider:model`) when `--model` is not given. */
export const PLANNER_MODEL_ENV = 'BENCHHUB_PLANNER_MODEL';

/** Options of `benchhub plan`. */
export interface PlanCommandOptions {
  /** `rules` (offline, the default without a model) or `llm` (the default when a planning model is set). */
  planner?: PlannerKind;
  /** Print `{ plan, rationale, confidence, warnings, plannerUsed }` as one JSON object. */
  json?: boolean;
  /** The planning model, `provider:model` (default: `BENCHHUB_PLANNER_MODEL`). */
  model?: string;
}

/** The planning model reference from `--model` or the environment, if any. */
function plannerModelRef(options: PlanCommandOptions, ctx: CliContext): string | undefined {
  const fromEnv = ctx.env[PLANNER_MODEL_ENV];
  return options.model ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
}

async function plannerOf(
  kind: PlannerKind,
  modelRef: string | undefined,
  providers: ProviderResolver | undefined,
  ctx: CliContext,
): Promise<PlannerV1<PlanInput>> {
  if (kind === 'rules') return createRulePlanner();
  if (modelRef === undefined || providers === undefined)
    throw new BenchHubError(
      `--planner llm needs a planning model: pass --model provider:model (e.g. openai:gpt-4o-mini) or set ${PLANNER_MODEL_ENV}`,
    );
  return createLLMPlanner({ provider: await providers(modelRef), logger: ctx.logger });
}

/** Comment lines for the top of the YAML: who planned, how sure, why, what to check. */
function yamlHeader(proposal: PlanProposal<PlanInput>): string {
  const comment = (text: string): string =>
    text
      .split('\n')
      .map((line) => `# ${line}`.trimEnd())
      .join('\n');
  const lines = [
    comment(`planned by: ${proposal.plannerUsed} (confidence ${proposal.confidence.toFixed(2)})`),
    comment(`rationale: ${proposal.rationale}`),
    ...proposal.warnings.map((w) => comment(`check: ${w}`)),
  ];
  return lines.join('\n');
}

/**
 * `benchhub plan "<request>"`: turns a natural-language request into a plan to review, edit and run.
 * Prints the plan as YAML (who planned it, the rationale and the warnings as comments on top; the
 * warnings also go to stderr), or with `--json` exactly one JSON object on stdout. Uses the rule planner
 * unless a planning model is configured (`--model provider:model` or `BENCHHUB_PLANNER_MODEL`) or
 * `--planner llm` is given; the LLM planner falls back to the rule planner and says so.
 *
 * @throws PlanningError (exit 1) when the request cannot be planned as asked.
 */
export async function planCommand(
  request: string,
  options: PlanCommandOptions,
  ctx: CliContext,
): Promise<void> {
  const modelRef = plannerModelRef(options, ctx);
  const kind: PlannerKind = options.planner ?? (modelRef === undefined ? 'rules' : 'llm');
  if (request.trim() === '')
    throw new BenchHubError('the request is empty: describe the evaluation you want');
  const providers = kind === 'llm' ? createCliProviders(ctx) : undefined;
  let proposal: PlanProposal<PlanInput>;
  try {
    proposal = await plannerOf(kind, modelRef, providers, ctx).then((planner) => planner.plan(request));
  } finally {
    await providers?.close();
  }
  if (options.json) {
    const { plan, rationale, confidence, warnings, plannerUsed } = proposal;
    ctx.out(JSON.stringify({ plan, rationale, confidence, warnings, plannerUsed }));
    return;
  }
  for (const warning of proposal.warnings) ctx.logger.warn(warning);
  ctx.out(`${yamlHeader(proposal)}\n${planToYaml(parsePlan(proposal.plan)).trimEnd()}`);
}
